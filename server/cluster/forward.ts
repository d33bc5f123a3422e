// Commands and joins for a session run by another process: sent to its owner over the adapter and its ack relayed;
// while nobody runs the session (a takeover) they wait. A request from another process for a session run here is
// parsed again and rate-limited by the owner, then goes to the same runtime call as a local socket's.
import type { z } from 'zod';
import { errorText } from '../../shared/i18n/index.js';
import { failedAck, type ReceivedAck } from '../../shared/protocol/errors.js';
import type { ReceivedJoinAck } from '../../shared/protocol/events.js';
import { seatBucketKey } from '../realtime/auth.js';
import type { KeyedLimiter } from '../realtime/rateLimit.js';
import type { GameIo } from '../realtime/socketData.js';
import type { SessionRegistry } from '../sessions/registry.js';
import { InFlight } from './inFlight.js';
import {
  EVENTS,
  parseForwardedCommand,
  type ForwardRequest,
  type RequestMessage,
  type SendToOthers,
} from './messages.js';
import { PendingRequests, type Reply } from './requests.js';

export interface ForwarderOptions {
  /** This process's node id. */
  id: string;
  io: GameIo;
  registry: SessionRegistry;
  /** The seats' command buckets of this process: the owner draws forwarded commands from them too. */
  seatLimiter: KeyedLimiter;
  /** The join buckets (by address) of this process: the owner draws forwarded joins from them too. */
  joinLimiter: KeyedLimiter;
  now: () => number;
  onError: (err: unknown, context: string) => void;
  /** Whether this process runs the session now. */
  owns: (code: string) => boolean;
  /** The process running the session according to the database. */
  leaseOwner: (code: string) => Promise<string | null>;
  /** A graceful stop has begun here. */
  stopping: () => boolean;
  /** Sends a message to the other processes (nothing once this process has closed Socket.IO). */
  send: SendToOthers;
}

const FORWARD_WAIT_MS = 10_000;

export const busy = (message: string) => failedAck('SERVER_BUSY', message);
/** A command or join still on its way when this process began a graceful stop: the client sends it again (same
 * cmdId, so it is applied once) after reconnecting to another process. */
const stoppingHere = () => busy('this server is stopping: send it again after reconnecting');
/** How often a request for a session without an owner looks again (sooner when an owner is heard of). */
const RETRY_MS = 200;

export class Forwarder {
  /** Who ran each session when last heard of (an announcement or a reply). */
  private readonly ownerOf = new Map<string, string>();
  private readonly requests: PendingRequests;
  /** Requests waiting for their session to get an owner: woken as soon as one is heard of. */
  private readonly waiting = new Map<string, Set<() => void>>();
  private readonly inFlight = new InFlight();

  constructor(private readonly o: ForwarderOptions) {
    this.requests = new PendingRequests(o.io, o.id);
  }

  /**
   * Graceful stop (after `stopping()` turned true): requests waiting for a reply or for an owner give up at once and
   * answer SERVER_BUSY; requests from other processes are answered "not the owner".
   */
  stop(): void {
    this.requests.abandonAll();
    for (const wakers of [...this.waiting.values()]) for (const wake of [...wakers]) wake();
  }

  /** Resolves once every forward and every answer to another process in progress has finished. */
  settled(): Promise<void> {
    return this.inFlight.settled();
  }

  ownerIs(code: string, node: string): void {
    this.ownerOf.set(code, node);
    for (const wake of this.waiting.get(code) ?? []) wake();
  }

  forget(code: string): void {
    this.ownerOf.delete(code);
  }

  /** Process `node` stopped: requests still waiting on it are asked again of the new owner, not left to time out. */
  nodeLeft(node: string, codes: readonly string[]): void {
    for (const code of codes) this.ownerOf.delete(code);
    this.requests.abandon(node);
  }

  replied(id: string, reply: Reply): void {
    this.requests.replied(id, reply);
  }

  /** Sends the request to the session's owner; while nobody runs it (a takeover), waits up to 10 s. */
  forward<T>(
    code: string,
    request: ForwardRequest,
    parse: (ack: unknown) => T | ReturnType<typeof busy>,
  ): Promise<T | ReturnType<typeof busy>> {
    return this.inFlight.track(this.forwardNow(code, request, parse));
  }

  private async forwardNow<T>(
    code: string,
    request: ForwardRequest,
    parse: (ack: unknown) => T | ReturnType<typeof busy>,
  ): Promise<T | ReturnType<typeof busy>> {
    const until = Date.now() + FORWARD_WAIT_MS;
    for (;;) {
      if (this.o.stopping()) return stoppingHere();
      // Taken over here meanwhile: the request's limits were already drawn from this process's buckets.
      if (this.o.owns(code)) return parse(await this.runHere(code, request, false));
      const owner = this.ownerOf.get(code) ?? (await this.o.leaseOwner(code));
      if (this.o.stopping()) return stoppingHere();
      if (owner && owner !== this.o.id) {
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
      await this.nextLook(code);
    }
  }

  /** Resolves after RETRY_MS, or as soon as the session's owner is heard of (this process, after a takeover). */
  private nextLook(code: string): Promise<void> {
    return new Promise((resolve) => {
      let wakers = this.waiting.get(code);
      if (!wakers) this.waiting.set(code, (wakers = new Set()));
      const set = wakers;
      const wake = () => {
        clearTimeout(timer);
        set.delete(wake);
        if (set.size === 0 && this.waiting.get(code) === set) this.waiting.delete(code);
        resolve();
      };
      const timer = setTimeout(wake, RETRY_MS);
      set.add(wake);
    });
  }

  /** A request from another process: run here, and its ack (or "not the owner") sent back. */
  answer({ id, from, code, request }: z.output<typeof RequestMessage>): void {
    void this.inFlight.track(
      this.runHere(code, request, true)
        .catch((e: unknown) => {
          this.o.onError(e, `forwarded command for ${code}`);
          return failedAck('INTERNAL', 'internal error');
        })
        .then((ack) => this.o.send(EVENTS.reply, { id, to: from, notOwner: ack === null, ack })),
    );
  }

  /**
   * A request for a session run here: the same runtime call as for a local socket. One from another process is
   * drawn from this process's buckets too (`fromElsewhere`), so that the owner counts what every process lets through.
   */
  private async runHere(
    code: string,
    request: ForwardRequest,
    fromElsewhere: boolean,
  ): Promise<ReceivedAck<{ seq: number }> | ReceivedJoinAck | null> {
    const rt = this.o.registry.peek(code);
    // A stopping process answers "not the owner": the sender waits for the next owner instead of getting a refusal.
    if (!rt || !this.o.owns(code) || this.o.stopping()) return null;
    if (request.kind === 'join') {
      // Joins to a session from one address may come through several processes: the owner's bucket counts them all.
      if (fromElsewhere && request.ip !== undefined && !this.o.joinLimiter.take(request.ip, this.o.now()))
        return failedAck('RATE_LIMITED', errorText('en', 'RATE_LIMITED'));
      return this.o.registry.join(rt, request.name, request.cmdId, request.ip ?? 'unknown');
    }
    const command = parseForwardedCommand(request.cmdId, request.command);
    if (!command) return failedAck('BAD_REQUEST', 'invalid forwarded command');
    // A seat's sockets may sit on several processes, each with its own bucket: the owner's bucket counts them all.
    const { actor } = request;
    if (
      fromElsewhere &&
      actor.kind === 'seat' &&
      !this.o.seatLimiter.take(seatBucketKey(code, actor.seatId), this.o.now())
    )
      return failedAck('RATE_LIMITED', errorText('en', 'RATE_LIMITED'));
    return this.o.registry.submit(rt, request.actor, request.cmdId, command);
  }
}
