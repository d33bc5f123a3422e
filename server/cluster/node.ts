// One process of a cluster on PostgreSQL. It runs the sessions whose lease it holds (claimed when created here or
// found without a live owner), renews those leases, gives them up on a graceful stop, and keeps read copies of the
// other sessions its sockets belong to. Commands for a session run elsewhere are forwarded to its owner and the
// owner's ack comes back; presence is shared with every process. See docs/deploy.md.
import { randomBytes } from 'node:crypto';
import { errorText } from '../../shared/i18n/index.js';
import { seatBucketKey } from '../realtime/auth.js';
import type { KeyedLimiter } from '../realtime/rateLimit.js';
import type { GameIo } from '../realtime/socketData.js';
import type { Actor, SessionCommand } from '../../shared/model/session/commands.js';
import { failedAck, type ReceivedAck } from '../../shared/protocol/errors.js';
import type { ReceivedJoinAck } from '../../shared/protocol/events.js';
import type { SessionOwnership, SessionRegistry } from '../sessions/registry.js';
import type { SessionRuntime } from '../sessions/runtime.js';
import type { PostgresStore } from '../store/postgres.js';
import { FollowerSync, type OnFollowerChange } from './follower.js';
import { LeaseTable } from './leases.js';
import {
  EVENTS,
  JoinAckSchema,
  PresenceAsk,
  PresenceMessage,
  PresenceTell,
  ReleasedMessage,
  ReplyMessage,
  RequestMessage,
  SeqMessage,
  SubmitAck,
  parseForwardedCommand,
  type ForwardRequest,
  type InterServerEvents,
} from './messages.js';
import { PresenceBook } from './presence.js';
import { PendingRequests } from './requests.js';

export interface ClusterOptions {
  io: GameIo;
  registry: SessionRegistry;
  store: PostgresStore;
  /** How long a lease lasts without renewal: a dead process's sessions are taken over after at most this. */
  leaseMs: number;
  /** The seats' command buckets of this process: the owner draws forwarded commands from them too. */
  seatLimiter: KeyedLimiter;
  now: () => number;
  onChange: OnFollowerChange;
  onError: (err: unknown, context: string) => void;
}

const FORWARD_WAIT_MS = 10_000;
/** An orphan left to a less busy process is taken by anyone after this many passes. */
const PATIENCE = 2;

const busy = (message: string) => failedAck('SERVER_BUSY', message);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ClusterNode implements SessionOwnership {
  readonly id = `n-${randomBytes(6).toString('hex')}`;
  /** Leases held: session code -> fencing number. */
  private readonly held = new Map<string, number>();
  private readonly leases: LeaseTable;
  private readonly follower: FollowerSync;
  private readonly book = new PresenceBook();
  private readonly ownerOf = new Map<string, string>();
  private readonly requests: PendingRequests;
  private readonly patience = new Map<string, number>();
  private readonly seqQueue = new Map<string, number>();
  private alive: { id: string; sessions: number }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private tickAgain = false;
  private stopping = false;

  constructor(private readonly o: ClusterOptions) {
    this.leases = new LeaseTable(o.store.pool, this.id, o.leaseMs);
    this.follower = new FollowerSync(o.store, o.onChange, o.onError);
    this.requests = new PendingRequests(o.io, this.id);
    o.store.onFenced = (code) => this.lost(code, 'an append was refused');
    o.registry.setOwnership(this);
    this.listen();
  }

  /** Joins the cluster: takes a share of the sessions nobody runs, then keeps leases fresh. */
  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), Math.max(200, Math.floor(this.o.leaseMs / 5)));
    this.timer.unref();
  }

  owns(code: string): boolean {
    return this.held.has(code);
  }

  ownedCodes(): string[] {
    return [...this.held.keys()];
  }

  aliveNodes(): number {
    return this.alive.length;
  }

  async claimCreated(code: string): Promise<void> {
    const fence = await this.leases.claim(code);
    // Another process may have found the new session first (between its row and this claim): it runs it then.
    if (fence !== null) this.hold(code, fence);
  }

  private hold(code: string, fence: number): void {
    this.held.set(code, fence);
    this.o.store.setFence(code, fence);
    this.ownerOf.set(code, this.id);
  }

  /** The owner told the others how far each session's log goes; followers read the rest from the store. */
  changed(rt: SessionRuntime): void {
    if (!this.held.has(rt.code)) return;
    if (this.seqQueue.size === 0) setImmediate(() => this.sendSeqs());
    this.seqQueue.set(rt.code, rt.state.seq);
    if (rt.state.phase === 'ended') void this.finished(rt.code);
  }

  /**
   * An ended session (marked ended in the store before this) refuses every command, so it needs no owner: its lease
   * is given up at once and nobody takes it over. Its runtime stays, read-only, while sockets here still use it.
   */
  private async finished(code: string): Promise<void> {
    const fence = this.held.get(code);
    if (fence === undefined) return;
    this.held.delete(code);
    this.o.store.setFence(code, null);
    this.ownerOf.delete(code);
    await this.leases.release(new Map([[code, fence]])).catch((e: unknown) => this.o.onError(e, `releasing ${code}`));
  }

  private sendSeqs(): void {
    const items = [...this.seqQueue].map(([code, seq]) => ({ code, seq }));
    this.seqQueue.clear();
    if (items.length > 0) this.o.io.serverSideEmit(EVENTS.seq, { from: this.id, items });
  }

  presence(code: string, seatId: string, delta: 1 | -1): void {
    this.book.add(code, this.id, seatId, delta);
    this.o.io.serverSideEmit(EVENTS.presence, { from: this.id, code, seatId, delta });
  }

  loaded(rt: SessionRuntime): void {
    this.book.replay(rt);
    this.o.io.serverSideEmit(EVENTS.presenceAsk, { from: this.id, code: rt.code });
  }

  refresh(rt: SessionRuntime): Promise<void> {
    return this.follower.catchUp(rt);
  }

  submit(code: string, actor: Actor, cmdId: string, cmd: SessionCommand): Promise<ReceivedAck<{ seq: number }>> {
    if (actor.kind === 'system') return Promise.resolve(busy('system commands are not forwarded'));
    return this.forward(code, { kind: 'submit', actor, cmdId, command: { ...cmd } }, (ack) => {
      const r = SubmitAck.safeParse(ack);
      return r.success ? r.data : busy('unexpected reply from the owner');
    });
  }

  async join(code: string, name: string, cmdId?: string): Promise<ReceivedJoinAck> {
    const ack = await this.forward(code, { kind: 'join', name, ...(cmdId ? { cmdId } : {}) }, (raw) => {
      const r = JoinAckSchema.safeParse(raw);
      return r.success ? r.data : busy('unexpected reply from the owner');
    });
    // The new seat must be in the read copy here before the socket enters its rooms.
    const rt = this.o.registry.peek(code);
    if (ack.ok && rt && !this.held.has(code)) await this.follower.catchUp(rt);
    return ack;
  }

  /** Sends the request to the session's owner; while nobody runs it (a takeover), waits up to 10 s. */
  private async forward<T>(
    code: string,
    request: ForwardRequest,
    parse: (ack: unknown) => T | ReturnType<typeof busy>,
  ): Promise<T | ReturnType<typeof busy>> {
    const until = Date.now() + FORWARD_WAIT_MS;
    for (;;) {
      if (this.held.has(code)) return parse(await this.runHere(code, request));
      const owner = this.ownerOf.get(code) ?? (await this.leases.owner(code));
      if (owner && owner !== this.id) {
        const reply = await this.requests.send(owner, code, request);
        if (reply && !reply.notOwner) {
          this.ownerOf.set(code, owner);
          return parse(reply.ack);
        }
      }
      this.ownerOf.delete(code);
      // Nobody owns an ended session: once the read copy here shows the end (it follows the log), the answer is known.
      if (this.o.registry.peek(code)?.state.phase === 'ended')
        return parse({ ok: false, error: { code: 'SESSION_ENDED', message: errorText('en', 'SESSION_ENDED') } });
      if (Date.now() > until) return busy('nobody runs this session right now');
      await sleep(200);
    }
  }

  /** A forwarded request for a session run here: the same runtime call as for a local socket. */
  private async runHere(
    code: string,
    request: ForwardRequest,
  ): Promise<ReceivedAck<{ seq: number }> | ReceivedJoinAck | null> {
    const rt = this.o.registry.peek(code);
    // A stopping process answers "not the owner": the sender waits for the next owner instead of getting a refusal.
    if (!rt || !this.held.has(code) || this.stopping) return null;
    if (request.kind === 'join') return this.o.registry.join(rt, request.name, request.cmdId);
    const command = parseForwardedCommand(request.cmdId, request.command);
    if (!command) return failedAck('BAD_REQUEST', 'invalid forwarded command');
    // A seat's sockets may sit on several processes, each with its own bucket: the owner's bucket counts them all.
    const { actor } = request;
    if (actor.kind === 'seat' && !this.o.seatLimiter.take(seatBucketKey(code, actor.seatId), this.o.now()))
      return failedAck('RATE_LIMITED', errorText('en', 'RATE_LIMITED'));
    return this.o.registry.submit(rt, request.actor, request.cmdId, command);
  }

  private listen(): void {
    const on = (event: keyof InterServerEvents, handle: (raw: unknown) => void) =>
      this.o.io.on(event, (raw: unknown) => {
        try {
          handle(raw);
        } catch (e) {
          this.o.onError(e, `cluster message ${event}`);
        }
      });
    on(EVENTS.seq, (raw) => {
      const m = SeqMessage.safeParse(raw);
      if (!m.success) return;
      for (const { code, seq } of m.data.items) {
        this.ownerOf.set(code, m.data.from);
        const rt = this.o.registry.peek(code);
        if (rt && !this.held.has(code) && rt.state.seq < seq) void this.follower.catchUp(rt);
      }
    });
    on(EVENTS.presence, (raw) => {
      const m = PresenceMessage.safeParse(raw);
      if (!m.success) return;
      this.book.add(m.data.code, m.data.from, m.data.seatId, m.data.delta);
      const rt = this.o.registry.peek(m.data.code);
      if (rt && m.data.delta > 0) rt.connect(m.data.seatId);
      else if (rt) rt.disconnect(m.data.seatId);
    });
    on(EVENTS.presenceAsk, (raw) => {
      const m = PresenceAsk.safeParse(raw);
      if (!m.success) return;
      const seats = this.book.local(m.data.code, this.id);
      if (Object.keys(seats).length === 0) return;
      this.o.io.serverSideEmit(EVENTS.presenceTell, { from: this.id, to: m.data.from, code: m.data.code, seats });
    });
    on(EVENTS.presenceTell, (raw) => {
      const m = PresenceTell.safeParse(raw);
      if (!m.success || m.data.to !== this.id) return;
      this.book.set(m.data.code, m.data.from, m.data.seats, this.o.registry.peek(m.data.code));
    });
    on(EVENTS.request, (raw) => {
      const m = RequestMessage.safeParse(raw);
      if (!m.success || m.data.to !== this.id) return;
      const { id, from, code, request } = m.data;
      void this.runHere(code, request)
        .catch((e: unknown) => {
          this.o.onError(e, `forwarded command for ${code}`);
          return failedAck('INTERNAL', 'internal error');
        })
        .then((ack) => this.o.io.serverSideEmit(EVENTS.reply, { id, to: from, notOwner: ack === null, ack }));
    });
    on(EVENTS.reply, (raw) => {
      const m = ReplyMessage.safeParse(raw);
      if (!m.success || m.data.to !== this.id) return;
      this.requests.replied(m.data.id, { notOwner: m.data.notOwner, ack: m.data.ack });
    });
    on(EVENTS.released, (raw) => {
      const m = ReleasedMessage.safeParse(raw);
      if (!m.success) return;
      for (const code of m.data.codes) this.ownerOf.delete(code);
      this.alive = this.alive.filter((n) => n.id !== m.data.from);
      // Requests still waiting on the stopped process are asked again of the new owner, not left to time out.
      this.requests.abandon(m.data.from);
      void this.tick();
    });
  }

  /**
   * One pass: renew leases, announce this process, follow, take over orphans. Passes never overlap; a pass asked for
   * during another one (sessions released meanwhile) runs right after it instead of at the next interval.
   */
  tick(): Promise<void> {
    if (this.ticking) {
      this.tickAgain = true;
      return this.ticking;
    }
    this.ticking = (async () => {
      do {
        this.tickAgain = false;
        await this.pass().catch((e: unknown) => this.o.onError(e, 'cluster pass'));
      } while (this.tickAgain && !this.stopping);
    })().finally(() => (this.ticking = null));
    return this.ticking;
  }

  private async pass(): Promise<void> {
    if (this.stopping) return;
    const asked = new Map(this.held);
    const kept = await this.leases.renew(asked);
    // Leases taken while renewing (a session created here) were not asked about.
    for (const [code, fence] of asked)
      if (!kept.has(code) && this.held.get(code) === fence) this.lost(code, 'its lease was taken over');
    this.alive = await this.leases.beat(this.held.size, this.o.leaseMs);
    const aliveIds = new Set(this.alive.map((n) => n.id));
    this.book.forgetNodes(aliveIds, (code) => this.o.registry.peek(code));
    this.unloadEnded();
    for (const rt of this.o.registry.all()) if (!this.held.has(rt.code)) void this.follower.catchUp(rt);
    if (!this.stopping) await this.takeOrphans();
  }

  /** Ended sessions without a socket here leave memory (a later socket or export loads them again). */
  private unloadEnded(): void {
    const inUse = new Set<string>();
    for (const socket of this.o.io.of('/').sockets.values()) inUse.add(socket.data.code);
    for (const rt of this.o.registry.all())
      if (rt.state.phase === 'ended' && !this.held.has(rt.code) && !inUse.has(rt.code)) this.o.registry.drop(rt.code);
  }

  private async takeOrphans(): Promise<void> {
    const orphans = await this.leases.orphans();
    const known = new Set(orphans);
    for (const code of this.patience.keys()) if (!known.has(code)) this.patience.delete(code);
    if (orphans.length === 0) return;
    // A fair share: the sessions run by the others plus the orphans, spread over every live process.
    const others = this.alive.filter((n) => n.id !== this.id);
    const total = others.reduce((s, n) => s + n.sessions, 0) + this.held.size + orphans.length;
    let room = Math.ceil(total / (others.length + 1)) - this.held.size;
    for (const code of shuffle(orphans)) {
      const waited = (this.patience.get(code) ?? 0) + 1;
      this.patience.set(code, waited);
      if (room <= 0 && waited <= PATIENCE) continue;
      const fence = await this.leases.claim(code);
      if (fence === null) continue;
      room -= 1;
      this.patience.delete(code);
      await this.adopt(code, fence);
    }
  }

  /** A session taken over: rebuilt from the store (after the claim, so it sees every stored command), resumed. */
  private async adopt(code: string, fence: number): Promise<void> {
    try {
      // Held only once the fresh runtime is in place: until then a read copy here must not act as the owner
      // (commands meanwhile wait in forward()).
      const rt = await this.o.registry.load(code);
      this.hold(code, fence);
      if (!rt) return this.lost(code, 'it is not in the store');
      this.o.registry.install(rt);
      this.book.replay(rt);
      await rt.resumeClock();
      this.changed(rt);
      this.o.onChange(
        rt,
        rt.state.seats.map((x) => x.id),
        { kind: 'all' },
      );
    } catch (e) {
      this.o.onError(e, `taking over ${code}`);
    }
  }

  /** This process no longer runs the session: stop it, and send its sockets here to reconnect (to a fresh copy). */
  private lost(code: string, why: string): void {
    if (!this.held.delete(code)) return;
    this.o.store.setFence(code, null);
    this.ownerOf.delete(code);
    this.o.registry.drop(code);
    this.o.onError(new Error(`no longer running ${code}: ${why}`), 'cluster lease');
    for (const socket of this.o.io.of('/').sockets.values()) {
      if (socket.data.code === code) {
        socket.emit('server:restart', { inMs: 500 });
        socket.disconnect(true);
      }
    }
  }

  /** Graceful stop, first step: no more renewals or takeovers (the runtimes drain next). */
  async halt(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
  }

  /** Graceful stop, last step, after the runtimes are drained: leases released, the others told to take over. */
  async release(): Promise<void> {
    const codes = [...this.held.keys()];
    await this.leases.release(this.held).catch((e: unknown) => this.o.onError(e, 'releasing leases'));
    await this.leases.leave().catch((e: unknown) => this.o.onError(e, 'leaving'));
    this.held.clear();
    this.o.io.serverSideEmit(EVENTS.released, { from: this.id, codes });
  }
}

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
