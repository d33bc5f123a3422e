// Region names and "away" texts of the console, and the card of who is away right now (the worlds themselves:
// liveWorlds.ts).
import type { SessionView } from '../../../shared/model/session/view.js';
import { h } from '../ui/dom.js';
import { lang, tr } from '../ui/i18n.js';
import { worldLabel } from '../ui/labels.js';
import { awayMinutes, awaySeats, worldMap } from './consoleModel.js';

export function regionLabel(view: SessionView, world: number, region: string): string {
  try {
    const r = worldMap(view, world).regions.find((x) => x.id === region);
    if (r) return lang() === 'zh-CN' ? r.name.zh : r.name.en;
  } catch {
    // unknown map: fall back to the id
  }
  return region;
}

export function awayText(awaySince: number | null, now: number): string {
  const m = awayMinutes(awaySince, now);
  if (m === null) return tr('host.seats.away');
  return m === 0 ? tr('host.seats.awayNow') : tr('host.seats.awayFor', { n: m });
}

export function awayCard(view: SessionView, now: number): HTMLElement {
  const away = awaySeats(view);
  return h(
    'section',
    { class: 'card stack', 'aria-labelledby': 'away-heading', 'data-testid': 'away-card' },
    h('h2', { id: 'away-heading' }, tr('host.away.heading', { n: away.length })),
    away.length === 0
      ? h('p', { class: 'hint' }, view.students.total === 0 ? tr('host.away.noStudents') : tr('host.away.none'))
      : h(
          'ul',
          // A lecture's many absent students scroll inside the card.
          {
            class: 'away-list',
            tabindex: '0',
            'aria-labelledby': 'away-heading',
            'data-scroll-key': 'away',
            'data-testid': 'away-list',
          },
          away.map((s) =>
            h(
              'li',
              {},
              h('b', {}, s.name),
              ' · ',
              worldLabel(s.world),
              ' · ',
              regionLabel(view, s.world, s.region),
              ' · ',
              awayText(s.awaySince, now),
            ),
          ),
        ),
    view.takeover
      ? h('p', { class: 'hint' }, tr('host.away.takeoverOn'))
      : h('p', { class: 'hint' }, tr('host.away.takeoverOff')),
  );
}
