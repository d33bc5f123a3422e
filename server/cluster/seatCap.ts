// The cap of MAX_SOCKETS_PER_SEAT sockets per seat, across processes. Each process caps its own sockets of a seat at
// once (server/realtime/gateway.ts); the session's owner, which hears of every socket of the session (presence),
// closes the oldest sockets of a seat beyond the cap wherever they are: fetchSockets and disconnect reach every
// process through the adapter. The presence count only triggers the check; the sockets fetched decide.
import { MAX_SOCKETS_PER_SEAT } from '../realtime/gateway.js';
import { rooms } from '../realtime/rooms.js';
import type { GameIo } from '../realtime/socketData.js';
import { InFlight } from './inFlight.js';

/** The sockets of a room in every process, as `fetchSockets` answers. */
type FetchedSockets = Awaited<ReturnType<ReturnType<GameIo['in']>['fetchSockets']>>;

const CAP_ATTEMPTS = 4;
const CAP_RETRY_MS = 250;

export class SeatCap {
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();
  private readonly inFlight = new InFlight();
  private stopped = false;

  constructor(
    private readonly io: GameIo,
    private readonly onError: (err: unknown, context: string) => void,
  ) {}

  /** A seat of a session run here has `count()` sockets in the cluster (as far as presence knows). */
  check(code: string, seatId: string, count: () => number): void {
    if (count() <= MAX_SOCKETS_PER_SEAT || this.stopped) return;
    const key = `${code}/${seatId}`;
    // One check per seat at a time; a connection meanwhile asks for one more.
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    this.running.add(key);
    void this.inFlight.track(
      (async () => {
        do {
          this.again.delete(key);
          await this.cap(code, seatId, count);
        } while (this.again.has(key) && !this.stopped);
      })()
        .catch((e: unknown) => this.onError(e, `capping the sockets of ${key}`))
        .finally(() => this.running.delete(key)),
    );
  }

  /** Graceful stop: no new checks; resolves once the checks in progress (their messages sent) have finished. */
  stop(): Promise<void> {
    this.stopped = true;
    return this.inFlight.settled();
  }

  /** The newest sockets win (a reloaded tab replaces its old socket), as on one process: the oldest are closed. */
  private async cap(code: string, seatId: string, count: () => number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const sockets = await this.io
        .in(rooms.seat(code, seatId))
        .fetchSockets()
        .catch((e: unknown) => {
          this.onError(e, `fetching the sockets of ${code}/${seatId}`);
          return null;
        });
      if (sockets && sockets.length > MAX_SOCKETS_PER_SEAT) return this.closeOldest(code, sockets);
      // The processes answered with fewer sockets than presence counts (an answer lost or late under load, a
      // socket still joining): ask again a little later, as long as presence still counts too many.
      if (attempt >= CAP_ATTEMPTS || count() <= MAX_SOCKETS_PER_SEAT || this.stopped) return;
      await new Promise((r) => setTimeout(r, CAP_RETRY_MS));
    }
  }

  private closeOldest(code: string, sockets: FetchedSockets): void {
    const byAge = [...sockets].sort((x, y) => x.handshake.issued - y.handshake.issued || x.id.localeCompare(y.id));
    for (const old of byAge.slice(0, sockets.length - MAX_SOCKETS_PER_SEAT)) {
      old.emit('session:closed', { code, reason: 'RATE_LIMITED' });
      old.disconnect(true);
    }
  }
}
