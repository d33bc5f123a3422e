// Server test helpers: a real server on an ephemeral port with a fresh SQLite file, HTTP calls, and real
// socket.io-client connections that record every view and wait for the one a test needs.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { EnvSchema } from '../../server/config.js';
import type { Clock } from '../../server/sessions/clock.js';
import { startServer, type GameServer } from '../../server/server.js';
import { parseConfig, type SessionConfig } from '../../shared/model/config.js';
import type { SessionView } from '../../shared/model/session/view.js';
import type { Ack } from '../../shared/protocol/errors.js';
import type { CreateSessionReply, JoinReply } from '../../shared/protocol/http.js';
import type { PatchMessage, ViewMessage, Welcome } from '../../shared/protocol/server-events.js';
import { JsonSchema } from '../../shared/protocol/patch.js';
import { ViewSync } from '../../client/src/net/viewSync.js';

export const WAIT_MS = 15_000;

export interface TestServer {
  server: GameServer;
  url: string;
  dataDir: string;
  /** Closes the server (gracefully) and removes its data directory. */
  stop(): Promise<void>;
}

export function tempDir(prefix = 'promotion-race-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Where startTestServer() without arguments starts its server: a test file that sets `start` runs another file's
 * tests against something else, e.g. a two-node cluster (tests/server/cluster/split.ts).
 */
export const testTopology: { start: ((env: Record<string, string>) => Promise<TestServer>) | null } = { start: null };

/** A complete server on port 0 with its own data directory (or the one given, to restart on the same data). */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = tempDir(),
  clock?: Clock,
): Promise<TestServer> {
  // Only the env may be given: a data directory or a clock means this very server (e.g. a restart on its data).
  if (testTopology.start && arguments.length <= 1) return testTopology.start(env);
  const parsed = EnvSchema.parse({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    BROADCAST_MS: '20',
    CLIENT_DIR: join(dataDir, 'no-client'),
    ...env,
  });
  const server = await startServer({ env: parsed, ...(clock ? { clock } : {}) });
  return {
    server,
    url: server.url,
    dataDir,
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface HttpReply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function http<T = unknown>(
  url: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string; raw?: string } = {},
): Promise<HttpReply<T>> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined || init.raw !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers,
    ...(init.raw !== undefined
      ? { body: init.raw }
      : init.body !== undefined
        ? { body: JSON.stringify(init.body) }
        : {}),
  });
  const type = res.headers.get('content-type') ?? '';
  const body = (
    type.includes('json')
      ? await res.json()
      : type.includes('zip')
        ? new Uint8Array(await res.arrayBuffer())
        : await res.text()
  ) as T;
  return { status: res.status, body, headers: res.headers };
}

export async function createSession(url: string, body: unknown = {}): Promise<CreateSessionReply> {
  const r = await http<CreateSessionReply>(url, '/api/sessions', { body });
  if (r.status !== 201) throw new Error(`create session: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function joinHttp(url: string, code: string, name: string): Promise<JoinReply> {
  const r = await http<JoinReply>(url, `/api/sessions/${code}/join`, { body: { name } });
  if (r.status !== 201) throw new Error(`join: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A session config with phases long enough that only the host (or early ends) moves the game on. */
export function slowConfig(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    map: '4-single',
    rounds: 2,
    worlds: { count: 1 },
    arms: [{ name: 'Baseline', schedule: [{ fromRound: 1, treatments: [] }] }],
    phases: { briefing: 600, negotiate: 600, decide: 600, results: 600 },
    ...extra,
  };
}

/** slowConfig as the server parses it (for tests that drive a runtime without a server). */
export function parsedSlowConfig(): SessionConfig {
  const r = parseConfig(slowConfig());
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

export function newCmdId(): string {
  return randomUUID();
}

type ViewListener = { pred: (v: SessionView, m: ViewMessage) => boolean; resolve: (v: SessionView) => void };

/** A real socket.io-client connection that records what the server sends. */
export class TestClient {
  readonly messages: ViewMessage[] = [];
  readonly welcomes: Welcome[] = [];
  readonly closed: { code: string; reason: string }[] = [];
  readonly restarts: { inMs: number }[] = [];
  private listeners: ViewListener[] = [];

  /** Protocol 2: patches received, and those that did not fit (then a full view was asked for). */
  readonly patches: PatchMessage[] = [];
  patchMisses = 0;
  private readonly sync = new ViewSync();

  constructor(readonly socket: Socket) {
    socket.on('state:view', (m: ViewMessage) => {
      this.sync.full(m.seq, JsonSchema.parse(m.view));
      this.record(m);
    });
    // Protocol 2: each patch is applied to the last view, and recorded as the whole view it makes.
    socket.on('state:patch', (p: PatchMessage) => {
      this.patches.push(p);
      const view = this.sync.patch(p.base, p.seq, p.ops);
      if (view === null) {
        this.patchMisses++;
        socket.emit('state:sync', {}, () => undefined);
        return;
      }
      // The view rebuilt from patches is JSON: the server's view it was diffed from.
      const rebuilt = view as unknown as SessionView;
      this.record({
        seq: p.seq,
        serverTime: p.serverTime,
        view: rebuilt,
        ...(p.history ? { history: p.history } : {}),
      });
    });
    socket.on('session:welcome', (w: Welcome) => this.welcomes.push(w));
    socket.on('session:closed', (c: { code: string; reason: string }) => this.closed.push(c));
    socket.on('server:restart', (r: { inMs: number }) => this.restarts.push(r));
  }

  private record(m: ViewMessage): void {
    this.messages.push(m);
    const v = m.view as SessionView;
    this.listeners = this.listeners.filter((l) => {
      if (!l.pred(v, m)) return true;
      l.resolve(v);
      return false;
    });
  }

  get view(): SessionView | undefined {
    return this.messages[this.messages.length - 1]?.view as SessionView | undefined;
  }

  get welcome(): Welcome | undefined {
    return this.welcomes[this.welcomes.length - 1];
  }

  /** The latest view if it matches, else the next one that does. */
  waitView(
    test: (v: SessionView, m: ViewMessage) => boolean,
    timeout = WAIT_MS,
    what = 'a matching view',
  ): Promise<SessionView> {
    // A view from an earlier phase may lack what the predicate looks at: that is "not yet", not an error.
    const pred = (v: SessionView, m: ViewMessage) => {
      try {
        return test(v, m);
      } catch {
        return false;
      }
    };
    const last = this.messages[this.messages.length - 1];
    if (last && pred(last.view as SessionView, last)) return Promise.resolve(last.view as SessionView);
    return new Promise((resolve, reject) => {
      const listener: ViewListener = {
        pred,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(
          new Error(
            `timed out waiting for ${what}; last view: phase ${String(this.view?.phase)} round ${String(this.view?.round)}`,
          ),
        );
      }, timeout);
      this.listeners.push(listener);
    });
  }

  /**
   * Waits until any message received from index `since` on matches (not only the latest: a later view may already
   * have followed the one wanted).
   */
  async waitMessageSince(
    since: number,
    test: (m: ViewMessage) => boolean,
    timeout = WAIT_MS,
    what = 'a matching message',
  ): Promise<ViewMessage> {
    let found: ViewMessage | undefined;
    await waitFor(
      () => {
        found = this.messages.slice(since).find(test);
        return found !== undefined;
      },
      timeout,
      what,
    );
    return found!;
  }

  waitPhase(phase: string, round?: number, timeout = WAIT_MS): Promise<SessionView> {
    return this.waitView(
      (v) => v.phase === phase && (round === undefined || v.round === round),
      timeout,
      `phase ${phase} round ${String(round)}`,
    );
  }

  /** Sends a raw event with an ack (no retries). */
  async emit<T extends object = object>(event: string, ...args: unknown[]): Promise<Ack<T>> {
    return (await this.socket.timeout(WAIT_MS).emitWithAck(event, ...args)) as Ack<T>;
  }

  /** Sends a command with a fresh cmdId (unless given); waits and retries when rate limited. */
  async cmd<T extends object = { seq: number }>(
    event: string,
    payload: Record<string, unknown> = {},
    cmdId = newCmdId(),
  ): Promise<Ack<T>> {
    for (let attempt = 0; ; attempt++) {
      const ack = await this.emit<T>(event, { cmdId, ...payload });
      if (ack.ok || ack.error.code !== 'RATE_LIMITED' || attempt > 40) return ack;
      await sleep(150);
    }
  }

  /** A command that must succeed; returns its seq. */
  async ok(event: string, payload: Record<string, unknown> = {}, cmdId?: string): Promise<number> {
    const ack = await this.cmd(event, payload, cmdId);
    if (!ack.ok) throw new Error(`${event} failed: ${ack.error.code} ${ack.error.message}`);
    return ack.seq;
  }

  close(): void {
    this.socket.disconnect();
  }
}

export interface Auth {
  code: string;
  token?: string;
  lang?: string;
  protocol?: 1 | 2;
}

type Transport = 'websocket' | 'polling';

function socketFor(
  url: string,
  auth: Auth | Record<string, unknown>,
  reconnection: boolean,
  transport: Transport = 'websocket',
): Socket {
  return io(url, {
    auth,
    // One transport, no upgrade: 'polling' is the client's fallback when WebSockets are blocked.
    transports: [transport],
    forceNew: true,
    reconnection,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    timeout: WAIT_MS,
  });
}

/** Connects and resolves once connected (and, for roles with a view, once the first view has arrived). */
export function connect(
  url: string,
  auth: Auth,
  opts: { reconnection?: boolean; transport?: Transport } = {},
): Promise<TestClient> {
  const client = new TestClient(socketFor(url, auth, opts.reconnection ?? false, opts.transport));
  return new Promise((resolve, reject) => {
    client.socket.once('connect_error', (e: Error & { data?: unknown }) =>
      reject(new Error(`connect_error ${JSON.stringify(e.data ?? e.message)}`)),
    );
    client.socket.once('connect', () => {
      if (!auth.token) return resolve(client);
      client.waitView(() => true).then(() => resolve(client), reject);
    });
  });
}

/** Connects expecting the handshake to fail; resolves with the server's error data. */
export function connectError(url: string, auth: unknown): Promise<{ code: string; message: string }> {
  const socket = socketFor(url, auth as Record<string, unknown>, false);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.disconnect();
      reject(new Error('the handshake unexpectedly succeeded'));
    });
    socket.once('connect_error', (e: Error & { data?: { code: string; message: string } }) => {
      socket.disconnect();
      if (e.data) resolve(e.data);
      else reject(e);
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeout = WAIT_MS,
  what = 'a condition',
): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** The seq of the session's latest accepted command as the live runtime holds it. */
export async function runtimeOf(ts: TestServer, code: string) {
  const rt = await ts.server.registry.get(code);
  if (!rt) throw new Error(`no session ${code}`);
  return rt;
}
