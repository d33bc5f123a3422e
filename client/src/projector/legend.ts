// The key to the industry bars the map draws in each region (board/economy.ts): bar height is the capacity built,
// the booming industry is orange with ▲, the region's strength is outlined in gold, and the letters are the sectors'
// initials. HTML beside the map, so that it is readable from the back row; read from the board's model, never the
// scene.
import type { BoardModel } from '../board/model.js';
import { sectorInitial } from '../board/mount.js';
import { h } from '../ui/dom.js';
import { lang, tr } from '../ui/i18n.js';

const sectorName = (s: BoardModel['sectors'][number]) => (lang() === 'zh-CN' ? s.name.zh : s.name.en);

function swatch(cls: string, mark = ''): HTMLElement {
  return h('span', { class: `legend-bar ${cls}`, 'aria-hidden': 'true' }, mark);
}

export function economyLegend(model: BoardModel): HTMLElement {
  const boom = model.sectors[model.boom];
  return h(
    'section',
    { class: 'card economy-legend', 'aria-labelledby': 'economy-legend-title', 'data-testid': 'economy-legend' },
    h('h2', { id: 'economy-legend-title' }, tr('projector.legend.title')),
    h(
      'ul',
      {},
      h('li', {}, swatch('legend-plain'), tr('projector.legend.height')),
      h('li', {}, swatch('legend-boom', '▲'), tr('projector.legend.boom', { sector: boom ? sectorName(boom) : '' })),
      h('li', {}, swatch('legend-strength'), tr('projector.legend.strength')),
    ),
    h(
      'p',
      { class: 'legend-sectors', 'data-testid': 'legend-sectors' },
      model.sectors.map((s) => h('span', {}, h('b', {}, sectorInitial(s.name)), ` ${sectorName(s)}`)),
    ),
  );
}
