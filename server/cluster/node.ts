// One process of a cluster on PostgreSQL. It runs the sessions whose lease it holds (server/cluster/tenure.ts) and
// keeps read copies of the other sessions its sockets belong to. Commands for a session run elsewhere are forwarded
// to its owner and the owner's ack comes back; presence is shared with every process. See docs/deploy.md.
import { randomBytes } from 'node:crypto';
import type { KeyedLimiter } from '../realtime/rateLimit.js';
import type { GameIo } from '../realtime/socketData.js';
import type { Actor, SessionCommand } from '../../shared/model/session/commands.js';
import type { ReceivedAck } from '../../shared/protocol/errors.js';
import type { ReceivedJoinAck } from '../../shared/protocol/events.js';
import type { SessionOwnership, SessionRegistry } from '../sessions/registry.js';
import type { SessionRuntime } from '../sessions/runtime.js';
import type { PostgresStore } from '../store/postgres.js';
import { FollowerSync, type OnFollowerChange } from './follower.js';
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
  type ForwardRequest,
  type InterServerEvents,
  type SendToOthers,
} from './messages.js';
import { InFlight } from './inFlight.js';
import { PresenceBook } from './presence.js';
import { SeatCap } from './seatCap.js';
import { busy, Forwarder } from './forward.js';
import { Tenure } from './tenure.js';

export interface ClusterOptions {
  io: GameIo;
  registry: SessionRegistry;
  store: PostgresStore;
  /** How long a lease lasts without renewal: a dead process's sessions are taken over after at most this. */
  leaseMs: number;
  /** The seats' command buckets of this process: the owner draws forwarded commands from them too. */
  seatLimiter: KeyedLimiter;
  /** The join buckets (by address) of this process: the owner draws forwarded joins from them too. */
  joinLimiter: KeyedLimiter;
  now: () => number;
  onChange: OnFollowerChange;
  onError: (err: unknown, context: string) => void;
}

export class ClusterNode implements SessionOwnership {
  readonly id = `n-${randomBytes(6).toString('hex')}`;
  private readonly tenure: Tenure;
  private readonly follower: FollowerSync;
  private readonly book = new PresenceBook();
  private readonly forwarder: Forwarder;
  private readonly seatCap: SeatCap;
  private readonly seqQueue = new Map<string, number>();
  /** Releases of ended sessions' leases in progress. */
  private readonly inFlight = new InFlight();
  /** Socket.IO (and its adapter) closed: nothing is sent any more. */
  private detached = false;
  private readonly send: SendToOthers = (event, ...args) => {
    if (!this.detached) this.o.io.serverSideEmit(event, ...args);
  };

  constructor(private readonly o: ClusterOptions) {
    this.follower = new FollowerSync(o.store, o.onChange, o.onError);
    this.seatCap = new SeatCap(o.io, o.onError);
    this.forwarder = new Forwarder({
      id: this.id,
      io: o.io,
      registry: o.registry,
      seatLimiter: o.seatLimiter,
      joinLimiter: o.joinLimiter,
      now: o.now,
      onError: o.onError,
      owns: (code) => this.owns(code),
      leaseOwner: (code) => this.tenure.leaseOwner(code),
      stopping: () => this.tenure.isStopping,
      send: this.send,
    });
    this.tenure = new Tenure({
      id: this.id,
      io: o.io,
      registry: o.registry,
      store: o.store,
      leaseMs: o.leaseMs,
      onError: o.onError,
      onHeld: (code) => this.forwarder.ownerIs(code, this.id),
      onGone: (code) => this.forwarder.forget(code),
      onBeat: (alive) => this.beat(alive),
      onAdopted: (rt) => this.adopted(rt),
    });
    o.registry.setOwnership(this);
    this.listen();
  }

  /** Joins the cluster: takes a share of the sessions nobody runs, then keeps leases fresh. */
  start(): Promise<void> {
    return this.tenure.start();
  }

  owns(code: string): boolean {
    return this.tenure.owns(code);
  }

  ownedCodes(): string[] {
    return this.tenure.codes();
  }

  aliveNodes(): number {
    return this.tenure.aliveNodes();
  }

  claimCreated(code: string): Promise<void> {
    return this.tenure.claimCreated(code);
  }

  /** The owner told the others how far each session's log goes; followers read the rest from the store. */
  changed(rt: SessionRuntime): void {
    if (!this.owns(rt.code)) return;
    if (this.seqQueue.size === 0) setImmediate(() => this.sendSeqs());
    this.seqQueue.set(rt.code, rt.state.seq);
    if (rt.state.phase === 'ended') void this.inFlight.track(this.tenure.finished(rt.code));
  }

  private sendSeqs(): void {
    const items = [...this.seqQueue].map(([code, seq]) => ({ code, seq }));
    this.seqQueue.clear();
    if (items.length > 0) this.send(EVENTS.seq, { from: this.id, items });
  }

  presence(code: string, seatId: string, delta: 1 | -1): void {
    this.book.add(code, this.id, seatId, delta);
    this.send(EVENTS.presence, { from: this.id, code, seatId, delta });
    if (delta > 0) this.capSeat(code, seatId);
  }

  /** The owner keeps a seat's sockets in the cluster within the cap. */
  private capSeat(code: string, seatId: string): void {
    if (this.owns(code)) this.seatCap.check(code, seatId, () => this.book.total(code, seatId));
  }

  loaded(rt: SessionRuntime): void {
    this.book.replay(rt);
    this.send(EVENTS.presenceAsk, { from: this.id, code: rt.code });
  }

  refresh(rt: SessionRuntime): Promise<void> {
    return this.follower.catchUp(rt);
  }

  submit(code: string, actor: Actor, cmdId: string, cmd: SessionCommand): Promise<ReceivedAck<{ seq: number }>> {
    if (actor.kind === 'system') return Promise.resolve(busy('system commands are not forwarded'));
    return this.forwarder.forward(code, { kind: 'submit', actor, cmdId, command: { ...cmd } }, (ack) => {
      const r = SubmitAck.safeParse(ack);
      return r.success ? r.data : busy('unexpected reply from the owner');
    });
  }

  async join(code: string, name: string, cmdId: string | undefined, from: string): Promise<ReceivedJoinAck> {
    const request: ForwardRequest = { kind: 'join', name, ip: from, ...(cmdId ? { cmdId } : {}) };
    const ack = await this.forwarder.forward(code, request, (raw) => {
      const r = JoinAckSchema.safeParse(raw);
      return r.success ? r.data : busy('unexpected reply from the owner');
    });
    // The new seat must be in the read copy here before the socket enters its rooms.
    const rt = this.o.registry.peek(code);
    if (ack.ok && rt && !this.owns(code)) await this.follower.catchUp(rt);
    return ack;
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
        this.forwarder.ownerIs(code, m.data.from);
        const rt = this.o.registry.peek(code);
        if (rt && !this.owns(code) && rt.state.seq < seq) void this.follower.catchUp(rt);
      }
    });
    on(EVENTS.presence, (raw) => {
      const m = PresenceMessage.safeParse(raw);
      if (!m.success) return;
      this.book.add(m.data.code, m.data.from, m.data.seatId, m.data.delta);
      const rt = this.o.registry.peek(m.data.code);
      if (rt && m.data.delta > 0) rt.connect(m.data.seatId);
      else if (rt) rt.disconnect(m.data.seatId);
      if (m.data.delta > 0) this.capSeat(m.data.code, m.data.seatId);
    });
    on(EVENTS.presenceAsk, (raw) => {
      const m = PresenceAsk.safeParse(raw);
      if (!m.success) return;
      const seats = this.book.local(m.data.code, this.id);
      if (Object.keys(seats).length === 0) return;
      this.send(EVENTS.presenceTell, { from: this.id, to: m.data.from, code: m.data.code, seats });
    });
    on(EVENTS.presenceTell, (raw) => {
      const m = PresenceTell.safeParse(raw);
      if (!m.success || m.data.to !== this.id) return;
      this.book.set(m.data.code, m.data.from, m.data.seats, this.o.registry.peek(m.data.code));
      for (const seatId of Object.keys(m.data.seats)) this.capSeat(m.data.code, seatId);
    });
    on(EVENTS.request, (raw) => {
      const m = RequestMessage.safeParse(raw);
      if (!m.success || m.data.to !== this.id) return;
      this.forwarder.answer(m.data);
    });
    on(EVENTS.reply, (raw) => {
      const m = ReplyMessage.safeParse(raw);
      if (!m.success || m.data.to !== this.id) return;
      this.forwarder.replied(m.data.id, { notOwner: m.data.notOwner, ack: m.data.ack });
    });
    on(EVENTS.released, (raw) => {
      const m = ReleasedMessage.safeParse(raw);
      if (!m.success) return;
      this.forwarder.nodeLeft(m.data.from, m.data.codes);
      this.tenure.nodeLeft(m.data.from);
    });
  }

  /** Each cluster pass: the sockets of dead processes are gone, ended sessions leave, read copies catch up. */
  private beat(alive: ReadonlySet<string>): void {
    this.book.forgetNodes(alive, (code) => this.o.registry.peek(code));
    this.unloadEnded();
    for (const rt of this.o.registry.all()) if (!this.owns(rt.code)) void this.follower.catchUp(rt);
  }

  /** Ended sessions without a socket here leave memory (a later socket or export loads them again). */
  private unloadEnded(): void {
    const inUse = new Set<string>();
    for (const socket of this.o.io.of('/').sockets.values()) inUse.add(socket.data.code);
    for (const rt of this.o.registry.all())
      if (rt.state.phase === 'ended' && !this.owns(rt.code) && !inUse.has(rt.code)) this.o.registry.drop(rt.code);
  }

  /** A session taken over: every known socket counted, its clock resumed, every view sent again. */
  private async adopted(rt: SessionRuntime): Promise<void> {
    this.book.replay(rt);
    await rt.resumeClock();
    this.changed(rt);
    this.o.onChange(
      rt,
      rt.state.seats.map((x) => x.id),
      { kind: 'all' },
    );
  }

  /**
   * Graceful stop, first step: no more renewals or takeovers, and commands on their way to another process give up
   * (SERVER_BUSY: their clients send them again after reconnecting). The runtimes drain next.
   */
  async halt(): Promise<void> {
    const halted = this.tenure.halt();
    this.forwarder.stop();
    await halted;
  }

  /**
   * Graceful stop, after the runtimes are drained: leases released, the others told to take over; then the cluster
   * work still in progress here finishes (its messages sent, its queries answered), before Socket.IO closes.
   */
  async release(): Promise<void> {
    const codes = await this.tenure.release();
    this.send(EVENTS.released, { from: this.id, codes });
    await Promise.all([this.forwarder.settled(), this.follower.stop(), this.seatCap.stop(), this.inFlight.settled()]);
  }

  /** Graceful stop, last step: Socket.IO and its adapter are closed, so nothing is sent any more. */
  detach(): void {
    this.detached = true;
  }
}
