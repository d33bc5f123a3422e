// Which seats of a session have a socket open on this process, and since when the others are away.
import type { Presence } from '../../shared/model/session/view.js';
import type { Clock } from './clock.js';

export class SeatPresence {
  private readonly seats = new Map<string, { sockets: number; awaySince: number | null }>();

  constructor(private readonly clock: Clock) {}

  of(seatId: string): Presence {
    const p = this.seats.get(seatId);
    return p
      ? { connected: p.sockets > 0, awaySince: p.sockets > 0 ? null : p.awaySince }
      : { connected: false, awaySince: null };
  }

  connect(seatId: string): void {
    const p = this.seats.get(seatId) ?? { sockets: 0, awaySince: null };
    p.sockets += 1;
    p.awaySince = null;
    this.seats.set(seatId, p);
  }

  /** False for a seat that never connected here (nothing changed). */
  disconnect(seatId: string): boolean {
    const p = this.seats.get(seatId);
    if (!p) return false;
    p.sockets = Math.max(0, p.sockets - 1);
    if (p.sockets === 0) p.awaySince = this.clock.now();
    return true;
  }
}
