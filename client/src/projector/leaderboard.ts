// The leaderboard under the promotion rule in force (this term's score), beside total output.
import { mapById } from '../../../shared/model/config.js';
import type { RoundRecord } from '../../../shared/model/round.js';
import type { LiveWorldView, SessionView } from '../../../shared/model/session/view.js';
import { h } from '../ui/dom.js';
import { num, signed, tr } from '../ui/i18n.js';
import { regionName } from '../ui/names.js';

export function leaderboard(view: SessionView, world: LiveWorldView, history: readonly RoundRecord[]): HTMLElement {
  const map = mapById(view.config, world.mapId);
  const rows = [...world.regions].sort((a, b) => a.rank - b.rank);
  const total = world.regions.reduce((s, r) => s + r.prev.gdp, 0);
  const last = history[history.length - 1];
  const promoted = new Set(world.promoted.map((p) => p.regionId));
  return h(
    'section',
    { class: 'card', 'data-testid': 'leaderboard', 'aria-labelledby': 'lb-title' },
    h('h2', { id: 'lb-title' }, tr('projector.leaderboard')),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, tr('term.rank')),
          h('th', {}, tr('term.region')),
          h('th', { class: 'num' }, tr('projector.termScore')),
          h('th', { class: 'num' }, tr('term.output')),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            {},
            h('td', {}, String(r.rank)),
            h('td', {}, regionName(map, r.id), promoted.has(r.id) ? ` ★ ${tr('term.promoted')}` : ''),
            h('td', { class: 'num' }, signed(r.termScore)),
            h('td', { class: 'num' }, num(r.prev.gdp)),
          ),
        ),
      ),
    ),
    h('p', { class: 'hint' }, tr('projector.total', { total: num(total), round: last?.round ?? 0 })),
  );
}
