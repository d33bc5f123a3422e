// Due broadcasts run a few milliseconds at a time. When the event loop fell behind, one timers phase ran every due
// session's flush back to back (tens of milliseconds with thousands of students), and the commands that arrived
// meanwhile waited behind all of it for their acks. Between slices the loop reads the sockets and commits the
// appends, so an ack waits for at most one slice; the rest of the flushes follow at once (setImmediate).

export class FlushQueue {
  /** Due flushes by key, in the order they fell due (a key queued again keeps its place). */
  private readonly due = new Map<string, () => void>();
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly sliceMs: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  add(key: string, run: () => void): void {
    if (this.stopped) return;
    if (!this.due.has(key)) this.due.set(key, run);
    this.schedule();
  }

  get size(): number {
    return this.due.size;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    const end = this.clock() + this.sliceMs;
    for (const [key, run] of this.due) {
      this.due.delete(key);
      try {
        run();
      } finally {
        // A failing flush must not strand the ones after it.
        if (this.due.size > 0 && !this.stopped) this.schedule();
      }
      if (this.clock() >= end) break;
    }
  }

  stop(): void {
    this.stopped = true;
    this.due.clear();
  }
}
