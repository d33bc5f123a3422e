// A bounded memory of recent acks by command key, so a retried cmdId gets its original answer at once.
import type { Ack } from '../../shared/protocol/errors.js';

export class AckMemo {
  private readonly map = new Map<string, Ack>();
  constructor(private readonly capacity = 5000) {}

  get(key: string): Ack | undefined {
    return this.map.get(key);
  }

  set(key: string, ack: Ack): void {
    if (this.map.size >= this.capacity) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    this.map.set(key, ack);
  }
}
