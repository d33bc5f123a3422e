// What every piece of the projector is drawn from: the latest state and view, the store (for the timer) and the
// world on show (several worlds take turns every 20 s; a tab picks one).
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

/** The world on show, or the first one. */
export function shownWorld(ctx: ProjectorCtx) {
  return ctx.view.worlds[ctx.world] ?? ctx.view.worlds[0];
}
