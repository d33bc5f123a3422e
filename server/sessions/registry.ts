// All live sessions of this process: creation, loading on demand, recovery at start-up, heartbeat and shutdown.
import { randomBytes } from 'node:crypto';
import type { SessionConfig } from '../../shared/model/config.js';
import type { Store } from '../store/types.js';
import type { Clock } from './clock.js';
import { SessionRuntime, type RuntimeDeps } from './runtime.js';
import { hashToken, newJoinCode, newToken } from './tokens.js';

export interface CreatedSession {
  runtime: SessionRuntime;
  hostToken: string;
  projectorToken: string;
}

// A crashed server's running phases resume with the time they had left at the last heartbeat: its period bounds the
// time a crash can add (issue 11: within a second).
const HEARTBEAT_MS = 500;

export class SessionRegistry {
  private readonly live = new Map<string, SessionRuntime>();
  private readonly loading = new Map<string, Promise<SessionRuntime | undefined>>();
  private heartbeatTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly deps: Omit<RuntimeDeps, 'store' | 'clock'>,
  ) {}

  get size(): number {
    return this.live.size;
  }

  all(): SessionRuntime[] {
    return [...this.live.values()];
  }

  private runtimeDeps(): RuntimeDeps {
    return { store: this.store, clock: this.clock, ...this.deps };
  }

  async create(config: SessionConfig, seed?: string): Promise<CreatedSession> {
    let code = newJoinCode();
    for (let tries = 0; (this.live.has(code) || (await this.store.getSession(code))) && tries < 50; tries++)
      code = newJoinCode();
    const hostToken = newToken();
    const projectorToken = newToken();
    const row = {
      code,
      createdAt: new Date(this.clock.now()).toISOString(),
      seed: seed ?? randomBytes(12).toString('base64url'),
      config,
      hostTokenHash: hashToken(hostToken),
      projectorTokenHash: hashToken(projectorToken),
      ended: false,
      heartbeat: this.clock.now(),
    };
    await this.store.createSession(row);
    const runtime = await SessionRuntime.load(row, this.runtimeDeps());
    this.live.set(code, runtime);
    return { runtime, hostToken, projectorToken };
  }

  /** The live runtime of a session, loading it from the store if needed (ended sessions too, read-only use). */
  async get(code: string): Promise<SessionRuntime | undefined> {
    const hit = this.live.get(code);
    if (hit) return hit;
    let pending = this.loading.get(code);
    if (!pending) {
      pending = (async () => {
        const row = await this.store.getSession(code);
        if (!row) return undefined;
        const rt = await SessionRuntime.load(row, this.runtimeDeps());
        this.live.set(code, rt);
        await rt.resumeClock();
        return rt;
      })().finally(() => this.loading.delete(code));
      this.loading.set(code, pending);
    }
    return pending;
  }

  /** Start-up: every unfinished session is loaded and its clock resumed. */
  async recoverAll(): Promise<number> {
    const rows = await this.store.unfinishedSessions();
    for (const row of rows) {
      try {
        await this.get(row.code);
      } catch (e) {
        this.deps.onError(e, `recovering ${row.code}`);
      }
    }
    this.startHeartbeat();
    return rows.length;
  }

  startHeartbeat(): void {
    if (this.heartbeatTimer) return;
    this.heartbeatTimer = setInterval(() => {
      const codes = this.all()
        .filter((rt) => rt.state.phase !== 'ended')
        .map((rt) => rt.code);
      this.store.heartbeat(codes, this.clock.now()).catch((e: unknown) => this.deps.onError(e, 'heartbeat'));
    }, HEARTBEAT_MS);
    this.heartbeatTimer.unref();
  }

  /** Graceful stop: no more timers, let queues finish, snapshot every session. */
  async shutdown(): Promise<void> {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    const all = this.all();
    for (const rt of all) rt.stop();
    for (const rt of all) {
      await rt.drain();
      await rt.snapshot();
    }
    await this.store.heartbeat(
      all.filter((rt) => rt.state.phase !== 'ended').map((rt) => rt.code),
      this.clock.now(),
    );
  }
}
