// Labels the instructor's screens share (console, projector, debrief): the same world numbers everywhere.
import { tr } from './i18n.js';

/** "World 3" for the world with index 2: worlds are numbered from 1 on every screen and in exports. */
export function worldLabel(world: number): string {
  return tr('common.world', { world: world + 1 });
}
