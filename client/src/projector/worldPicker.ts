// The world on show when a class plays in several worlds (a 300-student lecture has 75): its number in large type
// for the room, ‹ › to step through the worlds and one selector to pick any of them for the instructor. One button
// per world made the big screen 1,155 px tall at 40 worlds; this stays one line however many worlds there are. It
// says when the worlds take turns by themselves (not during the results or a pause).
import './worldPicker.css';
import { h } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { worldLabel } from '../ui/labels.js';
import { WORLD_TURN_MS, shownWorld, worldsTakeTurns, type ProjectorCtx } from './context.js';

export function worldPicker(ctx: ProjectorCtx): HTMLElement | null {
  const worlds = ctx.view.worlds;
  const shown = shownWorld(ctx);
  if (ctx.view.worldCount <= 1 || worlds.length <= 1 || !shown) return null;
  const n = worlds.length;
  const at = worlds.indexOf(shown);
  const go = (e: Event, k: number) => {
    // The results stage moves its reveal on with a click: picking a world does not.
    e.stopPropagation();
    ctx.showWorld(((k % n) + n) % n);
  };
  const select = h(
    'select',
    {
      'data-testid': 'projector-world-pick',
      'aria-label': tr('projector.world.pick'),
      onclick: (e: Event) => e.stopPropagation(),
      onchange: (e: Event) => go(e, Number(select.value)),
    },
    worlds.map((w, k) => h('option', { value: String(k), selected: k === at }, worldLabel(w.index))),
  );
  const stepButton = (d: number, label: string, sign: string) =>
    h(
      'button',
      { type: 'button', class: 'world-step', 'aria-label': label, onclick: (e: Event) => go(e, at + d) },
      sign,
    );
  return h(
    'div',
    { class: 'world-picker', 'data-testid': 'world-picker' },
    h(
      'strong',
      { class: 'world-now', 'data-testid': 'projector-world' },
      tr('projector.world.of', { world: worldLabel(shown.index), n }),
    ),
    h(
      'span',
      { class: 'world-controls' },
      stepButton(-1, tr('projector.world.prev'), '‹'),
      select,
      stepButton(1, tr('projector.world.next'), '›'),
    ),
    worldsTakeTurns(ctx.view)
      ? h(
          'span',
          { class: 'world-turns', 'data-testid': 'world-turns' },
          tr('projector.world.turns', { s: WORLD_TURN_MS / 1000 }),
        )
      : null,
  );
}
