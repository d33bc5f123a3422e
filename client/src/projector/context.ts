// What every piece of the projector is drawn from: the latest state and view, the store (for the timer) and the
// world on show (several worlds take turns every 20 s; the world picker picks one).
import type { GameState, Store } from '../state/store.js';
import type { SessionView } from '../../../shared/model/session/view.js';

export interface ProjectorCtx {
  state: GameState;
  view: SessionView;
  store: Store;
  /** Index into view.worlds of the world on show. */
  world: number;
  showWorld(index: number): void;
}

/** How long each world stays on the big screen before the next one takes its turn. */
export const WORLD_TURN_MS = 20_000;

/**
 * Whether the worlds take turns on the big screen now: not while paused (the room is discussing what it sees) and
 * not during the results, whose reveal in steps (about 30 s) would start again with every new world.
 */
export function worldsTakeTurns(view: SessionView): boolean {
  return view.worlds.length > 1 && !view.paused && view.phase !== 'results';
}

/** The world on show, or the first one. */
export function shownWorld(ctx: ProjectorCtx) {
  return ctx.view.worlds[ctx.world] ?? ctx.view.worlds[0];
}
