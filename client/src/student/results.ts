// Results: every region's figures, and a personal panel — your numbers against the class, what cooperation would
// have given, your rank and why.
import type { RegionResult } from '../../../shared/model/state.js';
import { h } from '../ui/dom.js';
import { num, pct, signed, tr } from '../ui/i18n.js';
import type { StudentCtx } from './context.js';
import { regionName } from '../ui/names.js';

function scoreParts(ctx: StudentCtx, mine: RegionResult, treatments: readonly string[]): HTMLElement {
  const items: HTMLElement[] = [];
  const others = Object.entries(ctx.history[ctx.history.length - 1]?.results.regions ?? {})
    .filter(([id]) => id !== ctx.me)
    .map(([, r]) => r.g);
  const avg = others.length ? others.reduce((s, g) => s + g, 0) / others.length : 0;
  if (treatments.includes('D1')) items.push(h('li', {}, tr('student.results.whyD1')));
  else items.push(h('li', {}, tr('student.results.whyBaseline', { mine: pct(mine.g), others: pct(avg) })));
  if (mine.nBar > 0) items.push(h('li', {}, tr('student.results.whyBarriers', { n: mine.nBar })));
  if (mine.dup) items.push(h('li', {}, tr('student.results.whyDup')));
  if (mine.breaches > 0)
    items.push(h('li', {}, tr('student.results.whyBreaches', { n: mine.breaches, detected: num(mine.detected, 0) })));
  if (mine.honoured > 0) items.push(h('li', {}, tr('student.results.whyHonoured', { n: mine.honoured })));
  return h('ul', { 'data-testid': 'why-rank' }, items);
}

export function resultsPanel(ctx: StudentCtx): HTMLElement {
  const last = ctx.history[ctx.history.length - 1];
  if (!last) return h('section', { class: 'card' }, h('p', {}, tr('student.results.none')));
  const rows = Object.entries(last.results.regions);
  const pub = new Map(ctx.world.regions.map((r) => [r.id, r]));
  const mine = last.results.regions[ctx.me];
  const classGrowth = last.results.gAll;
  const lost = last.results.benchmarkWelfare - last.results.welfare;
  const promoted = ctx.world.promoted.filter((p) => p.afterRound === last.round);
  const events: HTMLElement[] = [];
  for (const ag of last.agreements) {
    if (ag.a !== ctx.me && ag.b !== ctx.me) continue;
    const other = ag.a === ctx.me ? ag.b : ag.a;
    const shock = last.draws.shock[ag.id];
    const broke = (id: string, o: string) =>
      (ag.type === 'openMarket'
        ? last.decisions[id]?.barriers.includes(o)
        : last.decisions[id]?.comply[ag.id] === 'breach') ?? false;
    events.push(
      h(
        'li',
        {},
        `${tr(ag.type === 'project' ? 'term.project' : 'term.openMarket')} · ${regionName(ctx.map, other)}: `,
        broke(ctx.me, other)
          ? h('span', { class: 'bad-text' }, tr('student.results.youBroke'))
          : tr('student.results.youKept'),
        '; ',
        broke(other, ctx.me)
          ? h('span', { class: 'bad-text' }, tr('student.results.theyBroke'))
          : tr('student.results.theyKept'),
        shock !== undefined ? ` · ${tr(`student.shock.${shock < 0 ? 'miss' : shock > 0 ? 'beat' : 'meet'}`)}` : '',
        last.draws.audit[ag.id] ? ` · ${tr('term.inspection')} ✓` : '',
      ),
    );
  }
  return h(
    'section',
    { class: 'card stack', 'data-testid': 'results', 'aria-labelledby': 'results-title' },
    h('h2', { id: 'results-title' }, tr('student.results.title', { round: last.round })),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, tr('term.region')),
            h('th', { class: 'num' }, tr('term.output')),
            h('th', { class: 'num' }, tr('term.growth')),
            h('th', { class: 'num' }, tr('term.score')),
            h('th', { class: 'num' }, tr('term.rank')),
          ),
        ),
        h(
          'tbody',
          {},
          rows.map(([id, r]) =>
            h(
              'tr',
              { class: id === ctx.me ? 'me' : '', 'data-region': id },
              h(
                'td',
                {},
                `${regionName(ctx.map, id)}${id === ctx.me ? ` (${tr('common.you')})` : ''}${promoted.some((p) => p.regionId === id) ? ` ★ ${tr('term.promoted')}` : ''}`,
              ),
              h('td', { class: 'num' }, num(r.gdp)),
              h('td', { class: 'num' }, pct(r.g)),
              h('td', { class: 'num' }, signed(r.score)),
              h('td', { class: 'num' }, String(pub.get(id)?.rank ?? '')),
            ),
          ),
        ),
      ),
    ),
    mine
      ? h(
          'div',
          { class: 'preview stack', 'data-testid': 'my-results' },
          h('h3', {}, tr('student.results.you')),
          h('p', {}, tr('student.results.vsClass', { mine: pct(mine.g), all: pct(classGrowth) })),
          h('p', {}, tr('student.results.budget', { tax: num(mine.tax, 2), growth: pct(mine.fiscalGrowth) })),
          h('p', {}, tr('student.results.points', { score: signed(mine.score), career: signed(mine.career) })),
          h(
            'p',
            { 'data-testid': 'coop-would' },
            lost > 0.005
              ? tr('student.results.coopWould', { lost: num(lost), pct: pct(lost / last.results.benchmarkWelfare) })
              : tr('student.results.coopAchieved'),
          ),
          h('h3', {}, tr('student.results.why')),
          scoreParts(ctx, mine, last.treatments),
          events.length > 0 ? h('div', {}, h('h3', {}, tr('student.results.deals')), h('ul', {}, events)) : null,
        )
      : null,
    promoted.length > 0
      ? h(
          'p',
          { class: 'announcement' },
          tr('student.results.promoted', { region: promoted.map((p) => regionName(ctx.map, p.regionId)).join(', ') }),
        )
      : null,
  );
}
