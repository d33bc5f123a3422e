// A follower: this process holds a read copy of a session run by another process, for the sockets connected here.
// It applies the commands the owner stored, from the store, through the same pure reducer, so its state (and the
// views it renders for its own sockets) is the owner's. Catching up is serial per session.
import { mergeScopes, viewScopeOf, type ViewScope } from '../../shared/model/session/scope.js';
import { changedSeats, type SessionRuntime } from '../sessions/runtime.js';
import { reapply } from '../sessions/stored.js';
import type { Store } from '../store/types.js';

export type OnFollowerChange = (rt: SessionRuntime, changedSeats: readonly string[], scope: ViewScope) => void;

export class FollowerSync {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly onChange: OnFollowerChange,
    private readonly onError: (err: unknown, context: string) => void,
  ) {}

  /** Brings `rt` up to the stored log; concurrent calls for one session are merged into one more pass. */
  catchUp(rt: SessionRuntime): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const busy = this.running.get(rt.code);
    if (busy) {
      this.again.add(rt.code);
      return busy;
    }
    const run = (async () => {
      do {
        this.again.delete(rt.code);
        await this.pass(rt);
      } while (this.again.has(rt.code));
    })()
      .catch((e: unknown) => this.onError(e, `following ${rt.code}`))
      .finally(() => this.running.delete(rt.code));
    this.running.set(rt.code, run);
    return run;
  }

  /** Graceful stop: no new passes; resolves once the passes in progress have finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private async pass(rt: SessionRuntime): Promise<void> {
    const commands = await this.store.commandsAfter(rt.code, rt.state.seq);
    if (commands.length === 0) return;
    let state = rt.state;
    let scope: ViewScope | null = null;
    for (const cmd of commands) {
      if (cmd.seq !== state.seq + 1) break;
      const before = state;
      const r = reapply(state, cmd);
      // A command the owner stored was accepted by the same reducer; if it is refused here, skip it as load() does.
      state = r.state;
      if (r.error) this.onError(new Error(r.error), `following ${rt.code} #${cmd.seq}`);
      if (!r.applied) continue;
      const s = viewScopeOf(before, state, r.applied.actor, r.applied.command);
      scope = scope ? mergeScopes(scope, s) : s;
    }
    const seats = changedSeats(rt.state, state);
    rt.state = state;
    if (scope) this.onChange(rt, seats, scope);
  }
}
