// Presence across the cluster: how many sockets each process has for each seat. Every process keeps the whole
// book (deltas are sent to all), so the runtime of a session, wherever it runs, counts every socket; when a process
// is gone its sockets are taken out.
import type { SessionRuntime } from '../sessions/runtime.js';

type Counts = Map<string, number>;

export class PresenceBook {
  /** code -> node -> seat -> sockets */
  private readonly book = new Map<string, Map<string, Counts>>();

  private counts(code: string, node: string): Counts {
    let byNode = this.book.get(code);
    if (!byNode) this.book.set(code, (byNode = new Map<string, Counts>()));
    let counts = byNode.get(node);
    if (!counts) byNode.set(node, (counts = new Map<string, number>()));
    return counts;
  }

  add(code: string, node: string, seatId: string, delta: number): void {
    const counts = this.counts(code, node);
    counts.set(seatId, Math.max(0, (counts.get(seatId) ?? 0) + delta));
  }

  /** A seat's sockets on every node. */
  total(code: string, seatId: string): number {
    let n = 0;
    for (const counts of this.book.get(code)?.values() ?? []) n += counts.get(seatId) ?? 0;
    return n;
  }

  /** One node's sockets of a session. */
  local(code: string, node: string): Record<string, number> {
    return Object.fromEntries(this.book.get(code)?.get(node) ?? []);
  }

  /** Replaces one node's counts; `rt` (if held) is told the difference. */
  set(code: string, node: string, seats: Record<string, number>, rt: SessionRuntime | undefined): void {
    const counts = this.counts(code, node);
    const ids = new Set([...counts.keys(), ...Object.keys(seats)]);
    for (const id of ids) {
      const diff = (seats[id] ?? 0) - (counts.get(id) ?? 0);
      counts.set(id, seats[id] ?? 0);
      apply(rt, id, diff);
    }
  }

  /** A new runtime for the session: every socket known, from every node. */
  replay(rt: SessionRuntime): void {
    for (const counts of this.book.get(rt.code)?.values() ?? []) {
      for (const [id, n] of counts) apply(rt, id, n);
    }
  }

  /** Processes no longer alive: their sockets are gone. */
  forgetNodes(alive: ReadonlySet<string>, held: (code: string) => SessionRuntime | undefined): void {
    for (const [code, byNode] of this.book) {
      for (const [node, counts] of byNode) {
        if (alive.has(node)) continue;
        const rt = held(code);
        for (const [id, n] of counts) apply(rt, id, -n);
        byNode.delete(node);
      }
    }
  }
}

function apply(rt: SessionRuntime | undefined, seatId: string, diff: number): void {
  if (!rt) return;
  for (let i = 0; i < diff; i++) rt.connect(seatId);
  for (let i = 0; i < -diff; i++) rt.disconnect(seatId);
}
