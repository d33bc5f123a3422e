// The one typed socket wrapper: authenticates with the token, parses every inbound message with the shared
// schemas, sends commands with ack + timeout + retry (same cmdId, so the server applies each once), tracks the
// connection, and comes back after refresh, lost network or a sleeping phone (visibility and online events).
import { io, type Socket } from 'socket.io-client';
import type { Lang } from '../../../shared/i18n/index.js';
import type { CommandEvent, CommandPayload } from '../../../shared/protocol/events.js';
import type { Ack } from '../../../shared/protocol/errors.js';
import {
  PatchMessageSchema,
  ViewMessageSchema,
  WelcomeSchema,
  type Welcome,
} from '../../../shared/protocol/server-events.js';
import { JsonSchema } from '../../../shared/protocol/patch.js';
import { ViewSync } from './viewSync.js';
import type { SessionView } from '../../../shared/model/session/view.js';
import type { RoundRecord } from '../../../shared/model/round.js';

export type ConnStatus = 'connecting' | 'online' | 'reconnecting' | 'closed';

export interface Incoming {
  view: SessionView;
  history: { world: number; rounds: RoundRecord[] }[] | null;
  serverTime: number;
}

export interface ConnectionHandlers {
  view(msg: Incoming): void;
  welcome(w: Welcome): void;
  status(s: ConnStatus): void;
  /** The server refused this connection for good (KICKED, UNAUTHORIZED, NOT_FOUND) or closed the session. */
  fatal(code: string): void;
}

const ACK_TIMEOUT_MS = 6000;
const MAX_ATTEMPTS = 5;

/** A command id from crypto.getRandomValues (randomUUID is missing on plain-http LAN addresses). */
export function newCmdId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

type Payload<E extends CommandEvent> = Omit<CommandPayload<E>, 'cmdId'>;

export class GameConnection {
  private readonly socket: Socket;
  private readonly views = new ViewSync();
  private closed = false;

  constructor(
    readonly code: string,
    token: string | null,
    language: Lang,
    private readonly on: ConnectionHandlers,
  ) {
    this.socket = io({
      // Protocol 2: a full view on connect and on state:sync, then patches (docs/protocol.md).
      auth: { code, ...(token ? { token } : {}), lang: language, protocol: 2 },
      transports: ['websocket', 'polling'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 4000,
      timeout: 8000,
    });
    this.on.status('connecting');
    this.socket.on('connect', () => this.on.status('online'));
    this.socket.on('disconnect', (reason) => {
      if (this.closed) return;
      this.on.status('reconnecting');
      // A server-side disconnect is not retried by Socket.IO itself.
      if (reason === 'io server disconnect') setTimeout(() => this.socket.connect(), 1000);
    });
    this.socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      const code = err.data?.code;
      if (code === 'KICKED' || code === 'UNAUTHORIZED' || code === 'NOT_FOUND') {
        this.close();
        this.on.fatal(code);
        return;
      }
      this.on.status('reconnecting');
    });
    this.socket.on('state:view', (raw: unknown) => {
      const msg = ViewMessageSchema.safeParse(raw);
      if (!msg.success) return;
      const json = JsonSchema.safeParse(msg.data.view);
      if (json.success) this.views.full(msg.data.seq, json.data);
      this.deliver(msg.data.view, msg.data.history, msg.data.serverTime);
    });
    this.socket.on('state:patch', (raw: unknown) => {
      const msg = PatchMessageSchema.safeParse(raw);
      if (!msg.success) return;
      const view = ViewMessageSchema.shape.view.safeParse(this.views.patch(msg.data.base, msg.data.seq, msg.data.ops));
      // A patch that does not fit the view we have (one was missed): ask for the whole view again.
      if (!view.success) return this.sync();
      this.deliver(view.data, msg.data.history, msg.data.serverTime);
    });
    this.socket.on('session:welcome', (raw: unknown) => {
      const w = WelcomeSchema.safeParse(raw);
      if (w.success) this.on.welcome(w.data);
    });
    this.socket.on('session:closed', (raw: { reason?: unknown } | undefined) => {
      this.close();
      this.on.fatal(typeof raw?.reason === 'string' ? raw.reason : 'SESSION_ENDED');
    });
    const wake = () => {
      if (this.closed) return;
      if (!this.socket.connected) this.socket.connect();
      else this.sync();
    };
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') wake();
    });
    window.addEventListener('online', wake);
    window.addEventListener('pageshow', wake);
  }

  private deliver(view: unknown, history: unknown, serverTime: number): void {
    this.on.view({
      view: view as SessionView,
      history: (history ?? null) as Incoming['history'],
      serverTime,
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Sends a command; resolves with the server's ack, or a TIMEOUT failure after several tries with the same cmdId. */
  async command<E extends CommandEvent>(event: E, payload: Payload<E>, cmdId = newCmdId()): Promise<Ack> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (this.closed) break;
      if (!this.socket.connected) await this.waitForConnect(ACK_TIMEOUT_MS * 2);
      try {
        const reply: unknown = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, { ...payload, cmdId });
        if (reply && typeof reply === 'object' && 'ok' in reply) return reply as Ack;
        return { ok: false, error: { code: 'INTERNAL', message: 'unexpected reply' } };
      } catch {
        // No ack in time: retry with the same cmdId (the server answers a repeat with the original ack).
      }
    }
    return { ok: false, error: { code: 'TIMEOUT', message: 'no answer from the server' } };
  }

  private waitForConnect(ms: number): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.socket.off('connect', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.socket.on('connect', done);
    });
  }

  /** Asks for a full state again. */
  sync(): void {
    if (this.socket.connected) this.socket.emit('state:sync', {}, () => undefined);
  }

  close(): void {
    this.closed = true;
    this.socket.close();
    this.on.status('closed');
  }
}
