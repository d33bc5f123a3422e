// All live sessions of this process: creation, loading on demand, recovery at start-up, heartbeat and shutdown.
import { randomBytes } from 'node:crypto';
import type { SessionConfig } from '../../shared/model/config.js';
import type { Actor, SessionCommand } from '../../shared/model/session/commands.js';
import type { ReceivedAck } from '../../shared/protocol/errors.js';
import type { ReceivedJoinAck } from '../../shared/protocol/events.js';
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

/**
 * Several processes on one database (server/cluster): each session is run by one of them, the others hold a read
 * copy for their own sockets and pass commands on. Absent on a single process, which runs every session.
 */
export interface SessionOwnership {
  owns(code: string): boolean;
  /** A session was created here: take its lease before anything is appended. */
  claimCreated(code: string): Promise<void>;
  submit(code: string, actor: Actor, cmdId: string, cmd: SessionCommand): Promise<ReceivedAck<{ seq: number }>>;
  /** `from`: the joiner's address, for the owner's join limit. */
  join(code: string, name: string, cmdId: string | undefined, from: string): Promise<ReceivedJoinAck>;
  /** A seat's socket connected here (+1) or went away (-1). */
  presence(code: string, seatId: string, delta: 1 | -1): void;
  /** A read copy was loaded here: bring in what the other processes know (presence). */
  loaded(rt: SessionRuntime): void;
  /** Brings a read copy up to the stored log. */
  refresh(rt: SessionRuntime): Promise<void>;
}

export class SessionRegistry {
  private readonly live = new Map<string, SessionRuntime>();
  private readonly loading = new Map<string, Promise<SessionRuntime | undefined>>();
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private ownership: SessionOwnership | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly deps: Omit<RuntimeDeps, 'store' | 'clock'>,
  ) {}

  setOwnership(ownership: SessionOwnership): void {
    this.ownership = ownership;
  }

  /** Whether this process runs the session (always, without a cluster). */
  owns(code: string): boolean {
    return !this.ownership || this.ownership.owns(code);
  }

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
    await this.ownership?.claimCreated(code);
    const runtime = await SessionRuntime.load(row, this.runtimeDeps());
    runtime.createdHere();
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
        const loaded = await SessionRuntime.load(row, this.runtimeDeps());
        // A takeover may have installed a runtime meanwhile: it wins over this (older) copy.
        const installed = this.live.get(code);
        if (installed) return installed;
        const rt = loaded;
        this.live.set(code, rt);
        // A read copy of a session another process runs has no clock of its own.
        if (this.owns(code)) await rt.resumeClock();
        else this.ownership?.loaded(rt);
        return rt;
      })().finally(() => this.loading.delete(code));
      this.loading.set(code, pending);
    }
    return pending;
  }

  /** The session as stored right now (a read copy catches up first): for a seat just made, an export. */
  async fresh(code: string): Promise<SessionRuntime | undefined> {
    const rt = await this.get(code);
    if (rt && this.ownership && !this.ownership.owns(code)) await this.ownership.refresh(rt);
    return this.live.get(code) ?? rt;
  }

  /**
   * Where a command for this copy goes: nowhere (null, it runs here) on one process, on the owner, and anywhere once
   * the session has ended (nobody owns it then, and the rules refuse every command); else to the owner.
   */
  private forwarder(rt: SessionRuntime): SessionOwnership | null {
    if (!this.ownership || this.ownership.owns(rt.code) || rt.state.phase === 'ended') return null;
    return this.ownership;
  }

  /** A command for the session: run here, or passed on to the process that runs it. */
  submit(rt: SessionRuntime, actor: Actor, cmdId: string, cmd: SessionCommand): Promise<ReceivedAck<{ seq: number }>> {
    // The runtime held now: a takeover may have replaced the read copy a connection started with.
    const current = this.live.get(rt.code) ?? rt;
    const owner = this.forwarder(current);
    return owner ? owner.submit(rt.code, actor, cmdId, cmd) : current.submit(actor, cmdId, cmd);
  }

  /** `from` is the joiner's address: a join passed on to the session's owner is rate-limited there too. */
  join(rt: SessionRuntime, name: string, cmdId: string | undefined, from: string): Promise<ReceivedJoinAck> {
    const current = this.live.get(rt.code) ?? rt;
    const owner = this.forwarder(current);
    return owner ? owner.join(rt.code, name, cmdId, from) : current.join(name, cmdId);
  }

  /** A seat's socket connected to this process (presence is shared with the other processes of a cluster). */
  connect(rt: SessionRuntime, seatId: string): void {
    (this.live.get(rt.code) ?? rt).connect(seatId);
    this.ownership?.presence(rt.code, seatId, 1);
  }

  disconnect(code: string, seatId: string): void {
    this.live.get(code)?.disconnect(seatId);
    this.ownership?.presence(code, seatId, -1);
  }

  /** The runtime held here, without loading it. */
  peek(code: string): SessionRuntime | undefined {
    return this.live.get(code);
  }

  /** Holds `rt` (a session taken over by this process), replacing any read copy. */
  install(rt: SessionRuntime): void {
    const old = this.live.get(rt.code);
    if (old && old !== rt) old.stop();
    this.live.set(rt.code, rt);
  }

  /** Forgets a session (it is run elsewhere now): its timers stop. */
  drop(code: string): SessionRuntime | undefined {
    const rt = this.live.get(code);
    rt?.stop();
    this.live.delete(code);
    return rt;
  }

  /** Loads a fresh runtime from the store (a takeover), without holding it yet. */
  load(code: string): Promise<SessionRuntime | undefined> {
    return this.store.getSession(code).then((row) => (row ? SessionRuntime.load(row, this.runtimeDeps()) : undefined));
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
        .filter((rt) => rt.state.phase !== 'ended' && this.owns(rt.code))
        .map((rt) => rt.code);
      this.store.heartbeat(codes, this.clock.now()).catch((e: unknown) => this.deps.onError(e, 'heartbeat'));
    }, HEARTBEAT_MS);
    this.heartbeatTimer.unref();
  }

  /** Graceful stop: no more timers, let queues finish, snapshot every session. */
  async shutdown(): Promise<void> {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    const all = this.all().filter((rt) => this.owns(rt.code));
    for (const rt of this.all()) rt.stop();
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
