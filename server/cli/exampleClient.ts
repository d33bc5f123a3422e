// The recording side of the protocol's worked example (protocol-example.ts): HTTP calls and Socket.IO connections
// that speak protocol 2 exactly as docs/protocol.md describes it, and a transcript with the values that change from
// run to run (codes, tokens, times, view numbers) replaced by names, so that two runs write the same text.
import { io, type Socket } from 'socket.io-client';
import { AckSchema } from '../../shared/protocol/errors.js';
import { JsonSchema, applyPatch, type Json } from '../../shared/protocol/patch.js';
import { PatchMessageSchema, ViewMessageSchema, WelcomeSchema } from '../../shared/protocol/server-events.js';
import { HistorySchema, SessionViewSchema } from '../../shared/protocol/view.js';

const WAIT_MS = 20_000;

/** A member or item of a JSON value, or undefined. */
export function get(v: Json | undefined, ...path: (string | number)[]): Json | undefined {
  let at: Json | undefined = v;
  for (const key of path) {
    if (Array.isArray(at) && typeof key === 'number') at = at[key];
    else if (at !== null && typeof at === 'object' && !Array.isArray(at) && typeof key === 'string')
      at = Object.hasOwn(at, key) ? at[key] : undefined;
    else return undefined;
  }
  return at;
}

/** The listed members of an object (in that order), as JSON. */
export function pick(v: Json | undefined, keys: readonly string[]): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const k of keys) {
    const x = get(v, k);
    if (x !== undefined) out[k] = x;
  }
  return out;
}

/** Members whose values differ on every run: times (ms or ISO) and view numbers. */
const VOLATILE: Record<string, string> = {
  deadline: '<deadline>',
  serverTime: '<server time>',
  awaySince: '<time>',
  remainingMs: '<ms left>',
  at: '<time>',
  createdAt: '<time>',
  seq: '<view seq>',
  base: '<seq of the view it applies to>',
};

export class Redactor {
  private readonly names: [string, string][] = [];

  /** Every later occurrence of `secret` is written as `name`. */
  name(secret: string, name: string): void {
    this.names.push([secret, name]);
    this.names.sort((a, b) => b[0].length - a[0].length);
  }

  text(s: string): string {
    let out = s;
    for (const [secret, name] of this.names) out = out.split(secret).join(name);
    return out;
  }

  /** A JSON value with secrets named; `volatile` lists members whose values become placeholders. */
  json(v: Json, volatile: readonly string[] = []): Json {
    if (typeof v === 'string') return this.text(v);
    if (Array.isArray(v)) return v.map((x) => this.json(x, volatile));
    if (v === null || typeof v !== 'object') return v;
    const out: { [key: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) {
      const placeholder = volatile.includes(k) && x !== null ? VOLATILE[k] : undefined;
      out[k] = placeholder ?? this.json(x, volatile);
    }
    return out;
  }
}

export const TIMES = ['deadline', 'serverTime', 'awaySince', 'remainingMs', 'at', 'createdAt'];

export async function httpJson(
  url: string,
  path: string,
  body?: Json,
  token?: string,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: JsonSchema.parse(await res.json()) };
}

/** One Socket.IO connection with protocol 2: it keeps the current view (full views and patches applied). */
export class ExampleClient {
  view: Json | null = null;
  viewSeq = -1;
  history: Json | null = null;
  welcome: Json | null = null;
  lastPatch: Json | null = null;
  private waiters: { pred: (v: Json) => boolean; done: () => void }[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('state:view', (raw: unknown) => {
      const m = ViewMessageSchema.parse(raw);
      this.viewSeq = m.seq;
      this.setView(JsonSchema.parse(m.view), m.history === undefined ? undefined : JsonSchema.parse(m.history));
    });
    socket.on('state:patch', (raw: unknown) => {
      const p = PatchMessageSchema.parse(raw);
      if (this.view === null || p.base !== this.viewSeq) {
        socket.emit('state:sync', {}, () => undefined);
        return;
      }
      this.lastPatch = JsonSchema.parse(raw);
      this.viewSeq = p.seq;
      this.setView(applyPatch(this.view, p.ops), p.history === undefined ? undefined : JsonSchema.parse(p.history));
    });
    socket.on('session:welcome', (raw: unknown) => {
      this.welcome = JsonSchema.parse(WelcomeSchema.parse(raw));
    });
  }

  /** Views or histories that did not match their schemas (reported by `finish`). */
  private readonly problems: string[] = [];

  private setView(view: Json, history: Json | undefined): void {
    const v = SessionViewSchema.safeParse(view);
    if (!v.success) this.problems.push(`view: ${JSON.stringify(v.error.issues[0])}`);
    const h = history === undefined ? null : HistorySchema.safeParse(history);
    if (h && !h.success) this.problems.push(`history: ${JSON.stringify(h.error.issues[0])}`);
    this.view = view;
    if (history !== undefined) this.history = history;
    const ready = this.waiters.filter((w) => w.pred(view));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.done();
  }

  /** Connects; with a token, resolves once the first view has arrived. */
  static connect(url: string, auth: { code: string; token?: string }): Promise<ExampleClient> {
    const socket = io(url, { auth: { ...auth, protocol: 2 }, transports: ['websocket'], forceNew: true });
    const client = new ExampleClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect_error', reject);
      socket.once('connect', () => {
        if (!auth.token) resolve(client);
        else client.waitView(() => true, 'the first view').then(() => resolve(client), reject);
      });
    });
  }

  /** The current view once it satisfies `pred`. */
  waitView(pred: (v: Json) => boolean, what: string): Promise<Json> {
    const now = this.view;
    if (now !== null && pred(now)) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), WAIT_MS);
      this.waiters.push({
        pred,
        done: () => {
          clearTimeout(timer);
          if (this.view !== null) resolve(this.view);
        },
      });
    });
  }

  /** Emits an event with an ack and returns the ack as JSON. */
  async emit(event: string, payload: Json): Promise<Json> {
    const reply: unknown = await this.socket.timeout(WAIT_MS).emitWithAck(event, payload);
    return JsonSchema.parse(AckSchema.parse(reply));
  }

  /** Disconnects; throws if a view or history received did not match its schema. */
  finish(): void {
    this.socket.disconnect();
    if (this.problems.length > 0) throw new Error(`the server sent data off its schema: ${this.problems.join('; ')}`);
  }
}
