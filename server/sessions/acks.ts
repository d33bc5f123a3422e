// A bounded memory of recent acks by command key, so a retried cmdId gets its original answer at once.
export class AckMemo<A> {
  private readonly map = new Map<string, A>();
  /** Whether an ack was ever dropped to make room: then a key not here may still have been answered. */
  forgotten = false;
  constructor(private readonly capacity = 5000) {}

  get(key: string): A | undefined {
    return this.map.get(key);
  }

  set(key: string, ack: A): void {
    if (this.map.size >= this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
      this.forgotten = true;
    }
    this.map.set(key, ack);
  }
}
