// One live session: its authoritative state, a serial command queue, durable append-before-ack, its phase clock
// (phaseClock.ts) and who is connected (presence.ts). Every change goes through the pure reducer; the runtime only
// sequences, stores, times and notifies.
import { createHash, randomBytes } from 'node:crypto';
import { parseConfig } from '../../shared/model/config.js';
import { applyCommand } from '../../shared/model/session/reducer.js';
import type { Actor, RegionRef, SessionCommand } from '../../shared/model/session/commands.js';
import { actorLabel } from '../../shared/model/session/commands.js';
import { createSessionState, type SessionState } from '../../shared/model/session/state.js';
import type { Presence } from '../../shared/model/session/view.js';
import { presenceScope, viewScopeOf, type ViewScope } from '../../shared/model/session/scope.js';
import { humanRegions } from '../../shared/model/session/phases.js';
import type { Ack } from '../../shared/protocol/errors.js';
import type { JoinAck } from '../../shared/protocol/events.js';
import type { SessionRow, Store, StoredCommand } from '../store/types.js';
import { AckMemo } from './acks.js';
import type { Clock } from './clock.js';
import { parseSnapshotState } from './snapshot.js';
import { reapply } from './stored.js';
import { hashToken, newToken } from './tokens.js';
import { PhaseClock, resumedDeadline, type Due } from './phaseClock.js';
import { SeatPresence } from './presence.js';

export interface RuntimeDeps {
  store: Store;
  clock: Clock;
  /**
   * `changedSeats`: seats that existed before and whose record changed (kicked, moved, renamed): their sockets are
   * told. `scope`: the viewers whose views can have changed (a draft changes only its own region's and the host's).
   */
  onChange: (rt: SessionRuntime, changedSeats: readonly string[], scope: ViewScope) => void;
  onError: (err: unknown, context: string) => void;
}

/** Seats of `before` whose record is not the same in `after` (a join adds a seat, which has no socket yet). */
export function changedSeats(before: SessionState, after: SessionState): string[] {
  if (before.seats === after.seats) return [];
  const old = new Map(before.seats.map((x) => [x.id, x]));
  return after.seats.filter((x) => old.has(x.id) && old.get(x.id) !== x).map((x) => x.id);
}

/**
 * A join's idempotency key. A guest has no identity yet, so the key is its cmdId together with the name it sent: two
 * guests whose clients picked the same cmdId (a counter, say) get a seat each; a retry (same cmdId, same name, over
 * HTTP or the socket) gets the seat it made. Without a cmdId every join is a new one.
 */
function joinKey(name: string, cmdId: string | undefined): string {
  if (!cmdId) return `join:${randomBytes(9).toString('base64url')}`;
  return `join:${cmdId}:${createHash('sha256').update(name).digest('base64url').slice(0, 16)}`;
}

/** A command applied in turn, acknowledged once it is stored (`done`); not itself a promise, so it is not awaited. */
interface Applied {
  done: Promise<Ack<{ seq: number }>>;
}

export class SessionRuntime {
  private tail: Promise<unknown> = Promise.resolve();
  /**
   * The state with every applied command, stored or not yet: the next command applies to it. `state` holds only
   * stored ones (what views, snapshots and everything else read). They differ only while a store that commits
   * in order (`pipelined`) has appends waiting for their commit.
   */
  private head: SessionState;
  /** Commands applied and not yet stored, by key (a retry of one waits for the same ack). */
  private readonly inflight = new Map<string, Promise<Ack<{ seq: number }>>>();
  private readonly acks = new AckMemo<Ack<{ seq: number }>>();
  private readonly joins = new AckMemo<JoinAck>();
  private readonly phaseClock: PhaseClock;
  private readonly presence: SeatPresence;
  private stopped = false;
  /**
   * Whether every command ever stored for the session was applied by this runtime (set for a session created here,
   * cleared when a read copy follows another process): while its ack memos forget nothing, a key they lack has
   * never been stored, and a command needs no lookup in the store (a read per command, about 4 % of the server's
   * time with 3,000 students).
   */
  private everyCommandSeen = false;

  /** The state with every stored command (see `head`). */
  private stored: SessionState;

  private constructor(
    initial: SessionState,
    readonly row: SessionRow,
    private readonly deps: RuntimeDeps,
    /** When the last stored command was made (ms; 0 if none after the snapshot): the server was alive then. */
    private readonly lastStoredAt: number,
  ) {
    this.stored = initial;
    this.head = initial;
    this.phaseClock = new PhaseClock(
      deps.clock,
      () => this.state,
      (due) => this.timeOut(due),
    );
    this.presence = new SeatPresence(deps.clock);
  }

  get state(): SessionState {
    return this.stored;
  }

  /** A follower's copy of a session moves on to the owner's stored state (server/cluster/follower.ts). */
  set state(next: SessionState) {
    this.everyCommandSeen = false;
    this.stored = next;
    this.head = next;
  }

  /** The session was created in this process (registry.create): nothing is stored that it has not applied. */
  createdHere(): void {
    this.everyCommandSeen = this.state.seq === 0;
  }

  /** Whether `key` may be in the store although neither memo has it (see everyCommandSeen). */
  private mayBeStored(memo: AckMemo<unknown>): boolean {
    return !this.everyCommandSeen || memo.forgotten;
  }

  get code(): string {
    return this.state.code;
  }

  /** Rebuilds a session from its last valid snapshot and the commands after it. */
  static async load(row: SessionRow, deps: RuntimeDeps): Promise<SessionRuntime> {
    const cfg = parseConfig(row.config);
    if (!cfg.ok) throw new Error(`session ${row.code}: stored config is invalid: ${cfg.errors.join('; ')}`);
    const snap = await deps.store.latestSnapshot(row.code);
    const fromSnapshot = snap ? parseSnapshotState(snap.state) : null;
    let state =
      fromSnapshot ??
      createSessionState({ code: row.code, seed: row.seed, createdAt: row.createdAt, config: cfg.value });
    let lastStoredAt = 0;
    for (const cmd of await deps.store.commandsAfter(row.code, state.seq)) {
      lastStoredAt = Math.max(lastStoredAt, cmd.at);
      const r = reapply(state, cmd);
      // A refused command is skipped (reported), as the owner's reducer refused it too.
      if (r.error) deps.onError(new Error(r.error), `replaying ${row.code} #${cmd.seq}`);
      state = r.state;
    }
    return new SessionRuntime(state, row, deps, lastStoredAt);
  }

  /**
   * After a restart: a running phase gets the time it had left when the server stopped (at least 15 s). The server
   * was last known alive at its last heartbeat or its last stored command, whichever is later: after a restart the
   * stored `system:resume` is that mark until the next heartbeat, so repeated crashes never add time.
   */
  async resumeClock(): Promise<void> {
    const s = this.state;
    if (s.phase === 'lobby' || s.phase === 'ended' || s.paused || s.deadline === null) {
      this.schedule();
      return;
    }
    const now = this.deps.clock.now();
    const deadline = resumedDeadline(s, now, Math.max(this.row.heartbeat, this.lastStoredAt));
    await this.submit({ kind: 'system' }, `resume-${now}`, { type: 'system:resume', deadline });
  }

  /** Runs `task` after everything queued before it. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Drains the queue and waits for every applied command's commit (graceful shutdown, tests). */
  async drain(): Promise<void> {
    await this.tail;
    await Promise.allSettled([...this.inflight.values()]);
  }

  /**
   * Commands are applied one after another in arrival order; with a store that commits in order, the next one
   * need not wait for the previous one's commit (a lecture's 300 students would otherwise get one command per
   * turn of the event loop), and each is acknowledged once it is stored.
   */
  submit(actor: Actor, cmdId: string, cmd: SessionCommand): Promise<Ack<{ seq: number }>> {
    return this.enqueue(() => this.process(actor, cmdId, cmd)).then((applied) => applied.done);
  }

  private key(actor: Actor, cmdId: string): string {
    return `${actor.kind === 'seat' ? actor.seatId : actor.kind}:${cmdId}`;
  }

  private async process(actor: Actor, cmdId: string, cmd: SessionCommand): Promise<Applied> {
    const now = (ack: Ack<{ seq: number }>): Applied => ({ done: Promise.resolve(ack) });
    const key = this.key(actor, cmdId);
    const memo = this.acks.get(key);
    if (memo) return now(memo);
    const flying = this.inflight.get(key);
    if (flying) return { done: flying };
    const stored = this.mayBeStored(this.acks) ? await this.deps.store.findCommand(this.code, key) : undefined;
    if (stored) return now({ ok: true, seq: stored.seq });
    if (this.stopped) return now({ ok: false, error: { code: 'SERVER_BUSY', message: 'the server is restarting' } });
    const command =
      actor.kind === 'host' && (cmd.type === 'host:endPhase' || cmd.type === 'host:advance')
        ? { ...cmd, takeover: this.takeoverRegions() }
        : cmd;
    // commit() applies the command before its first await: the next command sees it in `head`.
    const done = this.commit(actor, key, command).then((ack) => {
      // The server's own refused commands are not remembered: a re-armed timeout has the same key and must be
      // tried again, not answered with its earlier refusal (which left the phase running forever).
      if (ack.ok || actor.kind !== 'system') this.acks.set(key, ack);
      return ack;
    });
    this.inflight.set(key, done);
    const settled = () => this.inflight.delete(key);
    done.then(settled, settled);
    if (!this.deps.store.pipelined) await done.catch(() => undefined);
    return { done };
  }

  private async commit(
    actor: Actor,
    key: string,
    cmd: SessionCommand,
    seat?: { seatId: string; tokenHash: string },
  ): Promise<Ack<{ seq: number }>> {
    const at = this.deps.clock.now();
    const before = this.head;
    const r = applyCommand(before, actor, cmd, at);
    if (!r.ok) return { ok: false, error: r.error };
    const seq = before.seq + 1;
    const stored: StoredCommand = { seq, cmdId: key, at, actor: actorLabel(actor), type: cmd.type, payload: cmd };
    this.head = r.value;
    try {
      await this.deps.store.appendCommand(this.code, stored, seat);
    } catch (e) {
      // Not stored, nor are the commands applied after it (the store fails them too): back to the stored state.
      if (this.head.seq >= seq) this.head = this.stored;
      throw e;
    }
    // Commits come in order, so the stored state is the one this command was applied to.
    this.stored = r.value;
    await this.afterChange(before, viewScopeOf(before, r.value, actor, cmd));
    return { ok: true, seq };
  }

  /** A new seat: the seat token is made here, only its hash is stored (with the join command). */
  join(name: string, cmdId?: string): Promise<JoinAck> {
    return this.enqueue(async () => {
      const key = joinKey(name, cmdId);
      const memo = this.joins.get(key);
      if (memo) return memo;
      if (cmdId && this.mayBeStored(this.joins) && (await this.deps.store.findCommand(this.code, key))) {
        return { ok: false, error: { code: 'STALE', message: 'this join was already processed: join again' } };
      }
      const seatId = `s${this.state.nextSeat}`;
      const seatToken = newToken();
      const ack = await this.commit(
        { kind: 'system' },
        key,
        { type: 'session:join', name },
        { seatId, tokenHash: hashToken(seatToken) },
      );
      if (!ack.ok) return ack;
      const seat = this.state.seats.find((s) => s.id === seatId);
      if (!seat) return { ok: false, error: { code: 'INTERNAL', message: 'seat was not created' } };
      const result: JoinAck = {
        ok: true,
        seatToken,
        seat: { id: seat.id, name: seat.name, world: seat.world, region: seat.region },
      };
      this.joins.set(key, result);
      return result;
    });
  }

  private async afterChange(before: SessionState, scope: ViewScope): Promise<void> {
    const s = this.state;
    // The command is already stored and applied: a failing snapshot or end mark is reported, not turned into a
    // failed ack (the log is the source of truth; a restart replays it).
    if (s.phase !== before.phase && (s.phase === 'results' || s.phase === 'ended')) await this.snapshot();
    if (s.phase === 'ended' && before.phase !== 'ended') {
      await this.deps.store
        .markEnded(this.code)
        .catch((e: unknown) => this.deps.onError(e, `marking ${this.code} ended`));
    }
    this.schedule();
    this.deps.onChange(this, changedSeats(before, s), scope);
  }

  /** Keeps one timer on the current deadline. */
  private schedule(): void {
    this.phaseClock.arm();
  }

  /** The deadline has passed: the phase times out (a stale timeout, the phase already moved on, changes nothing). */
  private timeOut({ round, phase, deadline }: Due): void {
    this.submit({ kind: 'system' }, `timeout-${round}-${phase}-${deadline}`, {
      type: 'phase:timeout',
      round,
      phase,
      takeover: this.takeoverRegions(),
    })
      .then((ack) => {
        if (!ack.ok) this.schedule();
      })
      .catch((e: unknown) => this.deps.onError(e, `timeout in ${this.code}`));
  }

  /** Regions whose students are all away get their bot at a deadline, if the host enabled takeover. */
  takeoverRegions(): RegionRef[] {
    const s = this.state;
    if (!s.takeover || s.phase !== 'decide') return [];
    const out: RegionRef[] = [];
    for (const w of s.worlds) {
      for (const region of humanRegions(s, w)) {
        const seats = s.seats.filter((x) => !x.kicked && x.world === w.index && x.region === region);
        if (seats.every((x) => !this.presenceOf(x.id).connected)) out.push({ world: w.index, region });
      }
    }
    return out;
  }

  presenceOf(seatId: string): Presence {
    return this.presence.of(seatId);
  }

  connect(seatId: string): void {
    this.presence.connect(seatId);
    this.deps.onChange(this, [], presenceScope(this.state, seatId));
  }

  disconnect(seatId: string): void {
    if (this.presence.disconnect(seatId)) this.deps.onChange(this, [], presenceScope(this.state, seatId));
  }

  /** Saves a snapshot (an optimisation of recovery: a failure is reported, never thrown). */
  async snapshot(): Promise<void> {
    await this.deps.store
      .saveSnapshot(this.code, { seq: this.state.seq, round: this.state.round, state: this.state })
      .catch((e: unknown) => this.deps.onError(e, `snapshot of ${this.code}`));
  }

  /** Stops the clock; queued commands still finish (drain) but no new timers fire. */
  stop(): void {
    this.stopped = true;
    this.phaseClock.stop();
  }
}
