// Token buckets: commands per seat (shared by all its sockets) or per socket, joins per IP address.

export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Per-key buckets with idle keys forgotten, e.g. joins per IP (a lecture hall behind one NAT shares an IP). */
export class KeyedLimiter {
  private readonly buckets = new Map<string, { bucket: TokenBucket; seen: number }>();
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {}

  take(key: string, now: number): boolean {
    return this.bucket(key, now).take(now);
  }

  /** The bucket of `key`, to share (every socket of one seat draws from the seat's bucket). */
  bucket(key: string, now: number): TokenBucket {
    let entry = this.buckets.get(key);
    if (!entry) {
      if (this.buckets.size > 10_000) this.sweep(now);
      entry = { bucket: new TokenBucket(this.capacity, this.perSecond, now), seen: now };
      this.buckets.set(key, entry);
    }
    entry.seen = now;
    return entry.bucket;
  }

  private sweep(now: number): void {
    for (const [k, v] of this.buckets) if (now - v.seen > 120_000) this.buckets.delete(k);
  }
}
