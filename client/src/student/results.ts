// Results: every region's figures of the round and of the term so far (the rank is the term's), a personal panel
// (your numbers against the class, what cooperation would have given, why your score, your agreements), and at
// the end of a term the promoted region.
import { flagsOf } from '../../../shared/model/ids.js';
import type { RoundRecord } from '../../../shared/model/round.js';
import type { RegionResult } from '../../../shared/model/state.js';
import { h } from '../ui/dom.js';
import { num, pct, signed, tr, trCount, type MessageKey } from '../ui/i18n.js';
import { regionName } from '../ui/names.js';
import type { StudentCtx } from './context.js';
import { promotedAfter, termOf, termRanking } from './term.js';

/** How many breaches inspections caught, in words ("no inspection caught it" rather than "0 were caught"). */
function caughtText(detected: number): string {
  return detected === 0 ? tr('student.results.caught.zero') : trCount('student.results.caught', detected);
}

function scoreParts(ctx: StudentCtx, last: RoundRecord, mine: RegionResult): HTMLElement {
  const items: HTMLElement[] = [];
  const others = Object.entries(last.results.regions)
    .filter(([id]) => id !== ctx.me)
    .map(([, r]) => r.g);
  const avg = others.length ? others.reduce((s, g) => s + g, 0) / others.length : 0;
  if (flagsOf(last.treatments).D1) items.push(h('li', {}, tr('student.results.whyD1')));
  else items.push(h('li', {}, tr('student.results.whyBaseline', { mine: pct(mine.g), others: pct(avg) })));
  if (mine.nBar > 0) items.push(h('li', {}, trCount('student.results.whyBarriers', mine.nBar)));
  if (mine.dup) items.push(h('li', {}, tr('student.results.whyDup')));
  if (mine.breaches > 0)
    items.push(
      h('li', {}, trCount('student.results.whyBreaches', mine.breaches, { caught: caughtText(mine.detected) })),
    );
  if (mine.honoured > 0) items.push(h('li', {}, trCount('student.results.whyHonoured', mine.honoured)));
  return h('ul', { 'data-testid': 'why-rank' }, items);
}

/** One line per agreement of mine: who kept or broke it, the project's outcome, and what an inspection found. */
function dealLines(ctx: StudentCtx, last: RoundRecord): HTMLElement[] {
  return last.agreements
    .filter((ag) => ag.a === ctx.me || ag.b === ctx.me)
    .map((ag) => {
      const other = ag.a === ctx.me ? ag.b : ag.a;
      const shock = last.draws.shock[ag.id];
      const broke = (id: string, o: string) =>
        (ag.type === 'openMarket'
          ? last.decisions[id]?.barriers.includes(o)
          : last.decisions[id]?.comply[ag.id] === 'breach') ?? false;
      const anyBroke = broke(ctx.me, other) || broke(other, ctx.me);
      return h(
        'li',
        { 'data-testid': 'deal', 'data-with': other },
        `${tr(ag.type === 'project' ? 'term.project' : 'term.openMarket')} · ${regionName(ctx.map, other)}: `,
        broke(ctx.me, other)
          ? h('span', { class: 'bad-text' }, tr('student.results.youBroke'))
          : tr('student.results.youKept'),
        '; ',
        broke(other, ctx.me)
          ? h('span', { class: 'bad-text' }, tr('student.results.theyBroke'))
          : tr('student.results.theyKept'),
        shock !== undefined ? ` · ${tr(`student.shock.${shock < 0 ? 'miss' : shock > 0 ? 'beat' : 'meet'}`)}` : '',
        last.draws.audit[ag.id]
          ? ` · ${tr(anyBroke ? 'student.results.inspectedCaught' : 'student.results.inspectedClean')}`
          : '',
      );
    });
}

function resultsTable(ctx: StudentCtx, last: RoundRecord, promoted: string | null): HTMLElement {
  const term = termOf(ctx, last.round);
  const ranking = term ? termRanking(ctx, term) : [];
  const th = (key: MessageKey) => h('th', { class: 'num', scope: 'col' }, tr(key));
  return h(
    'table',
    { class: 'results-table' },
    term ? h('caption', {}, tr('student.results.caption', { from: term.fromRound, to: term.toRound })) : null,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, tr('term.region')),
        th('student.results.colGrowth'),
        th('student.results.colRound'),
        th('student.results.colTerm'),
        th('student.results.colRank'),
      ),
    ),
    h(
      'tbody',
      {},
      ranking.map((id) => {
        const r = last.results.regions[id];
        return h(
          'tr',
          { class: id === ctx.me ? 'me' : '', 'data-region': id },
          h(
            'td',
            {},
            regionName(ctx.map, id),
            id === ctx.me ? ` (${tr('common.you')})` : '',
            id === promoted ? h('strong', { class: 'promoted' }, ` ★ ${tr('term.promoted')}`) : null,
          ),
          h('td', { class: 'num' }, r ? pct(r.g) : ''),
          h('td', { class: 'num' }, r ? signed(r.score) : ''),
          h('td', { class: 'num' }, signed(term?.score[id] ?? 0)),
          h('td', { class: 'num' }, String(ranking.indexOf(id) + 1)),
        );
      }),
    ),
  );
}

function myPanel(ctx: StudentCtx, last: RoundRecord, mine: RegionResult): HTMLElement {
  const lost = last.results.benchmarkWelfare - last.results.welfare;
  const term = termOf(ctx, last.round);
  const ranking = term ? termRanking(ctx, term) : [];
  const deals = dealLines(ctx, last);
  return h(
    'div',
    { class: 'preview stack', 'data-testid': 'my-results' },
    h('h3', {}, tr('student.results.you')),
    h('p', {}, tr('student.results.vsClass', { mine: pct(mine.g), all: pct(last.results.gAll) })),
    h('p', {}, tr('student.results.budget', { tax: num(mine.tax, 2), growth: pct(mine.fiscalGrowth) })),
    h('p', {}, tr('student.results.points', { score: signed(mine.score), career: signed(mine.career) })),
    term
      ? h(
          'p',
          { 'data-testid': 'term-so-far' },
          tr('student.results.termSoFar', {
            from: term.fromRound,
            to: term.toRound,
            score: signed(term.score[ctx.me] ?? 0),
            rank: ranking.indexOf(ctx.me) + 1,
            n: ranking.length,
          }),
        )
      : null,
    h(
      'p',
      { 'data-testid': 'coop-would' },
      lost > 0.005
        ? tr('student.results.coopWould', { lost: num(lost), pct: pct(lost / last.results.benchmarkWelfare) })
        : tr('student.results.coopAchieved'),
    ),
    h('h3', {}, tr('student.results.why')),
    scoreParts(ctx, last, mine),
    deals.length > 0 ? h('div', {}, h('h3', {}, tr('student.results.deals')), h('ul', {}, deals)) : null,
  );
}

export function resultsPanel(ctx: StudentCtx): HTMLElement {
  const last = ctx.history[ctx.history.length - 1];
  if (!last) return h('section', { class: 'card' }, h('p', {}, tr('student.results.none')));
  const mine = last.results.regions[ctx.me];
  const promoted = promotedAfter(ctx, last.round);
  return h(
    'section',
    { class: 'card stack', 'data-testid': 'results', 'aria-labelledby': 'results-title' },
    h('h2', { id: 'results-title' }, tr('student.results.title', { round: last.round })),
    promoted
      ? h(
          'p',
          { class: 'announcement', 'data-testid': 'promoted', 'data-region': promoted.regionId },
          promoted.term.fromRound === promoted.term.toRound
            ? tr('student.results.promotedOne', {
                region: regionName(ctx.map, promoted.regionId),
                round: promoted.term.toRound,
              })
            : tr('student.results.promoted', {
                region: regionName(ctx.map, promoted.regionId),
                from: promoted.term.fromRound,
                to: promoted.term.toRound,
              }),
        )
      : null,
    h('div', { class: 'table-scroll' }, resultsTable(ctx, last, promoted?.regionId ?? null)),
    mine ? myPanel(ctx, last, mine) : null,
  );
}
