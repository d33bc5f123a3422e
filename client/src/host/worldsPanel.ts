// Progress per world: "x of y regions have decided", each region's students (online or away), bots and
// submissions, the reforms in force, and who is away right now.
import type { SessionView } from '../../../shared/model/session/view.js';
import { h } from '../ui/dom.js';
import { lang, tr } from '../ui/i18n.js';
import { worldLabel } from '../ui/labels.js';
import { awayMinutes, awaySeats, worldMap, worldProgress } from './consoleModel.js';

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

function treatmentBadges(list: readonly string[]): HTMLElement {
  return h(
    'span',
    { class: 'reform-badges' },
    list.length === 0
      ? h('span', { class: 'badge' }, tr('reform.baseline'))
      : list.map((t) =>
          h(
            'span',
            { class: 'badge reform-badge', title: tr(`reform.${t}`) },
            t,
            h('span', { class: 'visually-hidden' }, ` ${tr(`reform.${t}`)}`),
          ),
        ),
  );
}

function regionRow(view: SessionView, world: number, r: SessionView['regions'][number]): HTMLElement {
  const playing = view.phase === 'negotiate' ? r.done : view.phase === 'decide' ? r.submitted : null;
  const who =
    r.humans === 0
      ? h(
          'span',
          { class: 'badge' },
          tr('host.worlds.bot', { strategy: tr(`host.bot.${r.bot ?? view.config.bots.strategy}`) }),
        )
      : h(
          'span',
          {},
          tr('host.worlds.students', { n: r.humans, online: r.connected }),
          r.connected < r.humans ? ' ' : null,
          r.connected < r.humans ? h('span', { class: 'badge warn' }, '⚠ ', tr('host.worlds.someAway')) : null,
        );
  const state =
    playing === null || r.humans === 0
      ? null
      : playing
        ? h(
            'span',
            { class: 'badge good', 'data-testid': 'region-done' },
            '✓ ',
            tr(view.phase === 'negotiate' ? 'host.worlds.done' : 'host.worlds.submitted'),
          )
        : h('span', { class: 'badge', 'data-testid': 'region-waiting' }, '… ', tr('host.worlds.waiting'));
  return h(
    'li',
    { class: 'region-row', 'data-region': r.region },
    h('span', { class: 'region-name' }, regionLabel(view, world, r.region)),
    who,
    state,
  );
}

export function worldsCard(view: SessionView): HTMLElement {
  const progress = worldProgress(view);
  const counting = view.phase === 'negotiate' || view.phase === 'decide';
  return h(
    'section',
    { class: 'card stack', 'aria-labelledby': 'worlds-heading', 'data-testid': 'worlds-card' },
    h('h2', { id: 'worlds-heading' }, tr('host.worlds.heading', { n: view.worldCount })),
    h(
      'div',
      { class: 'world-list' },
      view.worldInfo.map((w) => {
        const p = progress.find((x) => x.world === w.index);
        return h(
          'article',
          { class: 'world', 'data-testid': `world-${w.index}` },
          h('h3', {}, worldLabel(w.index), h('span', { class: 'hint' }, ` · ${w.armName}`)),
          counting && p
            ? h(
                'p',
                { class: 'progress-line', 'data-testid': `progress-${w.index}` },
                h('progress', { max: Math.max(1, p.of), value: p.count, 'aria-hidden': 'true' }),
                ' ',
                tr(p.kind === 'decided' ? 'host.worlds.decided' : 'host.worlds.negotiated', { x: p.count, y: p.of }),
              )
            : null,
          h(
            'div',
            { class: 'row small-row' },
            h('span', { class: 'hint' }, tr('host.worlds.inForce')),
            treatmentBadges(w.treatments),
          ),
          h(
            'ul',
            { class: 'region-rows' },
            view.regions.filter((r) => r.world === w.index).map((r) => regionRow(view, w.index, r)),
          ),
        );
      }),
    ),
  );
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
          { class: 'away-list' },
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
