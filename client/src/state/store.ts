// The latest authoritative state from the server, plus connection and pending-command status. Screens render
// only from this; nothing here changes game state optimistically.
import type { RoundRecord } from '../../../shared/model/round.js';
import type { SessionView } from '../../../shared/model/session/view.js';
import type { Welcome } from '../../../shared/protocol/server-events.js';
import type { ConnStatus, Incoming } from '../net/connection.js';

export interface PendingCommand {
  id: string;
  label: string;
  state: 'pending' | 'failed';
  error?: { code: string; message: string };
}

export interface GameState {
  status: ConnStatus;
  view: SessionView | null;
  /** Completed rounds per world index. */
  history: Map<number, RoundRecord[]>;
  /** serverTime - local time when the last view arrived. */
  clockOffset: number;
  welcome: Welcome | null;
  pending: PendingCommand[];
  fatal: string | null;
}

type Listener = (state: GameState, previous: GameState) => void;

export class Store {
  private state: GameState = {
    status: 'connecting',
    view: null,
    history: new Map(),
    clockOffset: 0,
    welcome: null,
    pending: [],
    fatal: null,
  };
  private readonly listeners = new Set<Listener>();

  get(): GameState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: Partial<GameState>): void {
    const previous = this.state;
    this.state = { ...previous, ...next };
    for (const l of this.listeners) l(this.state, previous);
  }

  receive(msg: Incoming): void {
    let history = this.state.history;
    if (msg.history) {
      history = new Map();
      for (const h of msg.history) history.set(h.world, h.rounds);
    }
    this.set({ view: msg.view, history, clockOffset: msg.serverTime - Date.now() });
  }

  setStatus(status: ConnStatus): void {
    this.set({ status });
  }

  setWelcome(welcome: Welcome): void {
    this.set({ welcome });
  }

  setFatal(code: string): void {
    this.set({ fatal: code });
  }

  startPending(id: string, label: string): void {
    this.set({ pending: [...this.state.pending.filter((p) => p.id !== id), { id, label, state: 'pending' }] });
  }

  finishPending(id: string, error?: { code: string; message: string }): void {
    const rest = this.state.pending.filter((p) => p.id !== id);
    const failed = this.state.pending.find((p) => p.id === id);
    this.set({ pending: error && failed ? [...rest, { ...failed, state: 'failed', error }] : rest });
  }

  dismissFailed(id: string): void {
    this.set({ pending: this.state.pending.filter((p) => p.id !== id) });
  }

  /** Milliseconds left in the current phase on the server's clock. */
  remainingMs(): number | null {
    const v = this.state.view;
    if (!v) return null;
    if (v.paused) return v.remainingMs;
    if (v.deadline === null) return null;
    return Math.max(0, v.deadline - (Date.now() + this.state.clockOffset));
  }
}
