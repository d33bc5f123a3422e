// The briefing: who you are, how you are judged (the promotion and tax rules in force, in plain words), what you
// can do this round, and what changed. Short enough to read in a minute.
import { flagsOf, isSwitchable } from '../../../shared/model/ids.js';
import { h } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { treatmentsNow, type StudentCtx } from './context.js';
import { termLine } from './score.js';
import { hotSector, regionName, sectorName, strengthOf } from '../ui/names.js';

export function briefingCard(ctx: StudentCtx): HTMLElement {
  const t = treatmentsNow(ctx);
  const prev = ctx.history[ctx.history.length - 1]?.treatments ?? [];
  const added = t.filter((x) => !prev.includes(x));
  const removed = prev.filter((x) => !t.includes(x));
  const strength = strengthOf(ctx.map, ctx.me);
  const hot = hotSector(ctx.map);
  const teammates = ctx.view.seats.filter((s) => s.region === ctx.me).map((s) => s.name);
  const reforms = t.filter(isSwitchable);
  return h(
    'section',
    { class: 'card stack', 'data-testid': 'briefing', 'aria-labelledby': 'briefing-title' },
    h('h2', { id: 'briefing-title' }, tr('student.brief.title', { region: regionName(ctx.map, ctx.me) })),
    h(
      'p',
      {},
      tr('student.brief.you', {
        world: ctx.world.index + 1,
        team: teammates.length > 0 ? teammates.join(', ') : tr('common.none'),
      }),
    ),
    h(
      'dl',
      { class: 'kv' },
      h('dt', {}, tr('term.strength')),
      h('dd', {}, sectorName(ctx.map, strength)),
      h('dt', {}, tr('term.hotSector')),
      h('dd', {}, sectorName(ctx.map, hot)),
    ),
    h('h3', {}, tr('student.brief.judged')),
    h(
      'p',
      { 'data-testid': 'rule-promotion' },
      flagsOf(t).D1 ? tr('student.brief.ruleD1') : tr('student.brief.ruleBaseline'),
    ),
    h('p', { 'data-testid': 'rule-tax' }, flagsOf(t).D2 ? tr('student.brief.taxD2') : tr('student.brief.taxBaseline')),
    h('p', {}, tr('student.brief.career')),
    h('p', { 'data-testid': 'brief-term' }, h('strong', {}, termLine(ctx)), '. ', tr('student.brief.term')),
    reforms.length > 0
      ? h(
          'div',
          {},
          h('h3', {}, tr('student.brief.reforms')),
          h(
            'ul',
            {},
            reforms.map((r) => h('li', {}, h('strong', {}, tr(`reform.${r}`)), ' — ', tr(`reform.${r}.explain`))),
          ),
        )
      : h('p', { class: 'hint' }, tr('reform.baseline')),
    added.length + removed.length > 0 && ctx.history.length > 0
      ? h(
          'p',
          { class: 'announcement', 'data-testid': 'rule-change' },
          tr('student.brief.changed', {
            added: added.map((r) => tr(`reform.${r}`)).join(', ') || tr('common.none'),
            removed: removed.map((r) => tr(`reform.${r}`)).join(', ') || tr('common.none'),
          }),
        )
      : null,
    h('h3', {}, tr('student.brief.todo')),
    h(
      'ol',
      {},
      h('li', {}, tr('student.brief.todoNegotiate')),
      h('li', {}, tr('student.brief.todoDecide')),
      h('li', {}, tr('student.brief.todoResults')),
    ),
  );
}
