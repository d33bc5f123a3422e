// Forwarded requests waiting for their owner's reply (server/cluster/forward.ts sends them over the adapter). A
// request is given up after 5 s, or at once when the process it went to says it stopped: the sender then asks again.
// A process that said it stopped is never waited on again (a request sent to it just after its notice would
// otherwise wait the whole 5 s for a process that no longer listens).
import { randomBytes } from 'node:crypto';
import type { GameIo } from '../realtime/socketData.js';
import { EVENTS, type ForwardRequest } from './messages.js';

const REQUEST_TIMEOUT_MS = 5_000;

export interface Reply {
  /** The receiver does not run the session (any more): ask again who does. */
  notOwner: boolean;
  ack: unknown;
}

const NOT_OWNER: Reply = { notOwner: true, ack: null };

export class PendingRequests {
  private readonly pending = new Map<string, { to: string; settle: (reply: Reply | null) => void }>();
  /** Processes that stopped gracefully (node ids are new for every process start, so this stays small). */
  private readonly stopped = new Set<string>();

  constructor(
    private readonly io: GameIo,
    private readonly from: string,
  ) {}

  /** Sends a request to process `to`; its reply, or null when none came. */
  send(to: string, code: string, request: ForwardRequest): Promise<Reply | null> {
    if (this.stopped.has(to)) return Promise.resolve(NOT_OWNER);
    const id = randomBytes(8).toString('hex');
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.pending.get(id)?.settle(null), REQUEST_TIMEOUT_MS);
      this.pending.set(id, {
        to,
        settle: (reply) => {
          clearTimeout(timer);
          this.pending.delete(id);
          resolve(reply);
        },
      });
      this.io.serverSideEmit(EVENTS.request, { id, from: this.from, to, code, request });
    });
  }

  replied(id: string, reply: Reply): void {
    this.pending.get(id)?.settle(reply);
  }

  /** This process is stopping: every request still waiting is given up (as if no reply came). */
  abandonAll(): void {
    for (const p of [...this.pending.values()]) p.settle(null);
  }

  /** Process `to` stopped: what waits on it now or would later is answered "not the owner". */
  abandon(to: string): void {
    this.stopped.add(to);
    for (const p of [...this.pending.values()]) if (p.to === to) p.settle(NOT_OWNER);
  }
}
