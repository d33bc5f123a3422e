// The headline of the student screens: the promotion score this term so far and the rank it gives (none before
// the term's first round), where the term stands (rounds, how many left), and career points over the game.
import { h } from '../ui/dom.js';
import { signed, tr, trCount } from '../ui/i18n.js';
import type { StudentCtx } from './context.js';
import { termOf, termPlan, termRanking } from './term.js';

/** "Term: rounds 1–3 · 2 rounds left after this one" (or "last round of the term"). */
export function termLine(ctx: StudentCtx): string {
  const plan = termPlan(ctx);
  const span = trCount('student.term.span', plan.toRound - plan.fromRound + 1, {
    from: plan.fromRound,
    to: plan.toRound,
  });
  const inRound = ctx.world.current !== null || ctx.history.length === 0;
  const left = plan.toRound - plan.fromRound + 1 - plan.played - (inRound ? 1 : 0);
  const rest =
    left > 0
      ? trCount(inRound ? 'student.term.leftAfter' : 'student.term.left', left)
      : tr(inRound ? 'student.term.lastRound' : 'student.term.over');
  return `${span} · ${rest}`;
}

export function scoreStrip(ctx: StudentCtx): HTMLElement {
  const plan = termPlan(ctx);
  const term = plan.played > 0 ? termOf(ctx, plan.fromRound) : null;
  const ranking = term ? termRanking(ctx, term) : [];
  const rank = ranking.indexOf(ctx.me) + 1;
  const career = ctx.world.regions.find((r) => r.id === ctx.me)?.career ?? 0;
  return h(
    'section',
    { class: 'score-strip', 'data-testid': 'score-strip', 'aria-label': tr('student.score.label') },
    h(
      'div',
      { class: 'headline' },
      h('span', {}, tr('student.score.term')),
      ' ',
      h('strong', { 'data-testid': 'term-score' }, signed(term?.score[ctx.me] ?? 0)),
      ' · ',
      h(
        'span',
        { 'data-testid': 'term-rank' },
        rank > 0 ? tr('student.score.rank', { rank, n: ranking.length }) : tr('student.score.noRank'),
      ),
    ),
    h('div', { class: 'hint', 'data-testid': 'term-line' }, termLine(ctx)),
    h('div', { class: 'hint' }, tr('student.score.career', { career: signed(career) })),
  );
}
