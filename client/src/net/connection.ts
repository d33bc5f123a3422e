// The one typed socket wrapper: authenticates with the token, parses every inbound message with the shared
// schemas, sends commands with ack + timeout + retry (same cmdId, so the server applies each once), tracks the
// connection, and comes back after refresh, lost network or a sleeping phone (visibility and online events).
import { io, type Socket } from 'socket.io-client';
import type { Lang } from '../../../shared/i18n/index.js';
import type {
  ClientToServerEvents,
  CommandBody,
  CommandEvent,
  CommandPayload,
} from '../../../shared/protocol/events.js';
import { AckSchema, failedAck, type ReceivedAck } from '../../../shared/protocol/errors.js';
import {
  PatchMessageSchema,
  ViewMessageSchema,
  WelcomeSchema,
  type ServerToClientEvents,
  type Welcome,
} from '../../../shared/protocol/server-events.js';
import { JsonSchema } from '../../../shared/protocol/patch.js';
import { ViewSync } from './viewSync.js';
import { SessionViewSchema } from '../../../shared/protocol/view.js';
import type { SessionView, WorldHistory } from '../../../shared/model/session/view.js';

export type ConnStatus = 'connecting' | 'online' | 'reconnecting' | 'closed';

export interface Incoming {
  view: SessionView;
  history: WorldHistory[] | null;
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
/** Socket.IO's first reconnect comes after 0.25-0.75 s, then the wait doubles up to 4 s (randomised by half). */
const RECONNECT_DELAY_MS = 500;
/** After `server:restart` the first try comes after 25-75 ms: another process (or the restarted one) is ready. */
const RESTART_RECONNECT_DELAY_MS = 50;
/** A server-side disconnect without a restart notice (too much bad input) is retried after this. */
const SERVER_DISCONNECT_RETRY_MS = 1000;

/** A command id from crypto.getRandomValues (randomUUID is missing on plain-http LAN addresses). */
export function newCmdId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class GameConnection {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
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
      reconnectionDelay: RECONNECT_DELAY_MS,
      reconnectionDelayMax: 4000,
      timeout: 8000,
    });
    this.on.status('connecting');
    let restarting = false;
    this.socket.on('connect', () => {
      restarting = false;
      this.socket.io.reconnectionDelay(RECONNECT_DELAY_MS);
      this.on.status('online');
    });
    // The server is stopping (a restart, or this cluster process handing its sessions over): the connection closes
    // next and is made again at once, still backing off if nobody answers.
    this.socket.on('server:restart', () => {
      restarting = true;
      this.socket.io.reconnectionDelay(RESTART_RECONNECT_DELAY_MS);
    });
    this.socket.on('disconnect', (reason) => {
      if (this.closed) return;
      this.on.status('reconnecting');
      // A server-side disconnect is not retried by Socket.IO itself.
      if (reason === 'io server disconnect')
        setTimeout(() => this.socket.connect(), restarting ? 0 : SERVER_DISCONNECT_RETRY_MS);
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
    this.socket.on('state:view', (msg) => {
      if (!ViewMessageSchema.safeParse(msg).success) return;
      const json = JsonSchema.safeParse(msg.view);
      if (json.success) this.views.full(msg.seq, json.data);
      this.deliver(msg.view, msg.history, msg.serverTime);
    });
    this.socket.on('state:patch', (msg) => {
      if (!PatchMessageSchema.safeParse(msg).success) return;
      const patched = this.views.patch(msg.base, msg.seq, msg.ops);
      // A patch that does not fit the view we have (one was missed): ask for the whole view again.
      // The patched JSON is parsed with the view's schema, which also catches a patch that fits no more.
      const view = SessionViewSchema.safeParse(patched);
      if (!view.success) return this.sync();
      this.deliver(view.data, msg.history, msg.serverTime);
    });
    this.socket.on('session:welcome', (raw) => {
      const w = WelcomeSchema.safeParse(raw);
      if (w.success) this.on.welcome(w.data);
    });
    this.socket.on('session:closed', (msg) => {
      this.close();
      this.on.fatal(typeof msg?.reason === 'string' ? msg.reason : 'SESSION_ENDED');
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

  private deliver(view: SessionView, history: WorldHistory[] | undefined, serverTime: number): void {
    this.on.view({ view, history: history ?? null, serverTime });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Sends a command; resolves with the server's ack, or a TIMEOUT failure after several tries with the same cmdId. */
  async command<E extends CommandEvent>(event: E, payload: CommandBody<E>, cmdId = newCmdId()): Promise<ReceivedAck> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (this.closed) break;
      if (!this.socket.connected) await this.waitForConnect(ACK_TIMEOUT_MS * 2);
      try {
        const wire: CommandPayload<CommandEvent> = { ...payload, cmdId };
        const reply: unknown = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck<CommandEvent>(event, wire);
        // A bad or old server must not crash the client: the ack is checked, not trusted.
        const ack = AckSchema.safeParse(reply);
        if (ack.success) return ack.data;
        return failedAck('INTERNAL', 'unexpected reply');
      } catch {
        // No ack in time: retry with the same cmdId (the server answers a repeat with the original ack).
      }
    }
    return failedAck('TIMEOUT', 'no answer from the server');
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
