// The sessions this process runs: their leases (server/cluster/leases.ts) claimed when created here or found without a
// live owner, renewed by a periodic pass, given up when a session ends or the process stops gracefully, and lost
// when another process took one over. The pass also takes over sessions nobody runs, in fair shares.
import type { GameIo } from '../realtime/socketData.js';
import type { SessionRegistry } from '../sessions/registry.js';
import type { SessionRuntime } from '../sessions/runtime.js';
import type { PostgresStore } from '../store/postgres.js';
import { LeaseTable, type AliveNode } from './leases.js';

export interface TenureOptions {
  /** This process's node id. */
  id: string;
  io: GameIo;
  registry: SessionRegistry;
  store: PostgresStore;
  leaseMs: number;
  onError: (err: unknown, context: string) => void;
  /** The session is run here from now on. */
  onHeld: (code: string) => void;
  /** The session is no longer run here. */
  onGone: (code: string) => void;
  /** Each pass, after renewing and announcing this process: the processes alive now. */
  onBeat: (alive: ReadonlySet<string>) => void;
  /** A session taken over is installed and held here: bring it back to life (presence, clock, views). */
  onAdopted: (rt: SessionRuntime) => Promise<void>;
}

/** An orphan left to a less busy process is taken by anyone after this many passes. */
const PATIENCE = 2;

export class Tenure {
  /** Leases held: session code -> fencing number. */
  private readonly held = new Map<string, number>();
  private readonly leases: LeaseTable;
  private readonly patience = new Map<string, number>();
  private alive: AliveNode[] = [];
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private tickAgain = false;
  private stopping = false;

  constructor(private readonly o: TenureOptions) {
    this.leases = new LeaseTable(o.store.pool, o.id, o.leaseMs);
    o.store.onFenced = (code) => this.lost(code, 'an append was refused');
  }

  /** Joins the cluster: takes a share of the sessions nobody runs, then keeps leases fresh. */
  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), Math.max(200, Math.floor(this.o.leaseMs / 5)));
    this.timer.unref();
  }

  owns(code: string): boolean {
    return this.held.has(code);
  }

  codes(): string[] {
    return [...this.held.keys()];
  }

  aliveNodes(): number {
    return this.alive.length;
  }

  /** A graceful stop has begun: nothing is taken over or run here any more. */
  get isStopping(): boolean {
    return this.stopping;
  }

  /** The process running a session now, according to the database. */
  leaseOwner(code: string): Promise<string | null> {
    return this.leases.owner(code);
  }

  async claimCreated(code: string): Promise<void> {
    const fence = await this.leases.claim(code);
    // Another process may have found the new session first (between its row and this claim): it runs it then.
    if (fence !== null) this.hold(code, fence);
  }

  private hold(code: string, fence: number): void {
    this.held.set(code, fence);
    this.o.store.setFence(code, fence);
    this.o.onHeld(code);
  }

  /**
   * An ended session (marked ended in the store before this) refuses every command, so it needs no owner: its lease
   * is given up at once and nobody takes it over. Its runtime stays, read-only, while sockets here still use it.
   */
  async finished(code: string): Promise<void> {
    const fence = this.held.get(code);
    if (fence === undefined) return;
    this.held.delete(code);
    this.o.store.setFence(code, null);
    this.o.onGone(code);
    await this.leases.release(new Map([[code, fence]])).catch((e: unknown) => this.o.onError(e, `releasing ${code}`));
  }

  /** Another process stopped gracefully (its sessions were released): take them over now. */
  nodeLeft(id: string): void {
    this.alive = this.alive.filter((n) => n.id !== id);
    void this.tick();
  }

  /**
   * One pass: renew leases, announce this process, follow, take over orphans. Passes never overlap; a pass asked for
   * during another one (sessions released meanwhile) runs right after it instead of at the next interval.
   */
  tick(): Promise<void> {
    if (this.ticking) {
      this.tickAgain = true;
      return this.ticking;
    }
    this.ticking = (async () => {
      do {
        this.tickAgain = false;
        await this.pass().catch((e: unknown) => this.o.onError(e, 'cluster pass'));
      } while (this.tickAgain && !this.stopping);
    })().finally(() => (this.ticking = null));
    return this.ticking;
  }

  private async pass(): Promise<void> {
    if (this.stopping) return;
    const asked = new Map(this.held);
    const kept = await this.leases.renew(asked);
    // Leases taken while renewing (a session created here) were not asked about.
    for (const [code, fence] of asked)
      if (!kept.has(code) && this.held.get(code) === fence) this.lost(code, 'its lease was taken over');
    this.alive = await this.leases.beat(this.held.size, this.o.leaseMs);
    this.o.onBeat(new Set(this.alive.map((n) => n.id)));
    if (!this.stopping) await this.takeOrphans();
  }

  private async takeOrphans(): Promise<void> {
    const orphans = await this.leases.orphans();
    const known = new Set(orphans);
    for (const code of this.patience.keys()) if (!known.has(code)) this.patience.delete(code);
    if (orphans.length === 0) return;
    // A fair share: the sessions run by the others plus the orphans, spread over every live process.
    const others = this.alive.filter((n) => n.id !== this.o.id);
    const total = others.reduce((s, n) => s + n.sessions, 0) + this.held.size + orphans.length;
    let room = Math.ceil(total / (others.length + 1)) - this.held.size;
    for (const code of shuffle(orphans)) {
      const waited = (this.patience.get(code) ?? 0) + 1;
      this.patience.set(code, waited);
      if (room <= 0 && waited <= PATIENCE) continue;
      const fence = await this.leases.claim(code);
      if (fence === null) continue;
      room -= 1;
      this.patience.delete(code);
      await this.adopt(code, fence);
    }
  }

  /** A session taken over: rebuilt from the store (after the claim, so it sees every stored command), resumed. */
  private async adopt(code: string, fence: number): Promise<void> {
    try {
      // Held only once the fresh runtime is in place: until then a read copy here must not act as the owner
      // (commands meanwhile wait in the forwarding loop).
      const rt = await this.o.registry.load(code);
      this.hold(code, fence);
      if (!rt) return this.lost(code, 'it is not in the store');
      this.o.registry.install(rt);
      await this.o.onAdopted(rt);
    } catch (e) {
      this.o.onError(e, `taking over ${code}`);
    }
  }

  /** This process no longer runs the session: stop it, and send its sockets here to reconnect (to a fresh copy). */
  private lost(code: string, why: string): void {
    if (!this.held.delete(code)) return;
    this.o.store.setFence(code, null);
    this.o.onGone(code);
    this.o.registry.drop(code);
    this.o.onError(new Error(`no longer running ${code}: ${why}`), 'cluster lease');
    for (const socket of this.o.io.of('/').sockets.values()) {
      if (socket.data.code === code) {
        socket.emit('server:restart', { inMs: 500 });
        socket.disconnect(true);
      }
    }
  }

  /** Graceful stop, first step: no more renewals or takeovers (the runtimes drain next). */
  async halt(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
  }

  /** Graceful stop, last step, after the runtimes are drained: leases released; the codes given up. */
  async release(): Promise<string[]> {
    const codes = [...this.held.keys()];
    await this.leases.release(this.held).catch((e: unknown) => this.o.onError(e, 'releasing leases'));
    await this.leases.leave().catch((e: unknown) => this.o.onError(e, 'leaving'));
    this.held.clear();
    return codes;
  }
}

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
