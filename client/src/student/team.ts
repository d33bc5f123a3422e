// Who of the team did what this round (docs/rules.md section 8): the seats of one region see each other's
// proposals, answers and submissions by name, beside the item and in a short list.
import type { SeatActKind } from '../../../shared/model/session/state.js';
import type { ActView } from '../../../shared/model/session/view.js';
import { h } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { regionName } from '../ui/names.js';
import type { StudentCtx } from './context.js';

const BY = {
  propose: 'student.team.propose',
  counter: 'student.team.counter',
  accept: 'student.team.accept',
  reject: 'student.team.reject',
  withdraw: 'student.team.withdraw',
  submit: 'student.team.submit',
} as const satisfies Record<SeatActKind, string>;

/** The last act of this kind (on this proposal) by a seat of the student's region. */
export function lastAct(ctx: StudentCtx, kinds: readonly SeatActKind[], proposal: string | null): ActView | undefined {
  return ctx.view.acts.filter((a) => kinds.includes(a.kind) && a.proposal === proposal && a.region === ctx.me).at(-1);
}

/** "Accepted by Li Wei" ("by you" for the student's own seat). */
export function byText(ctx: StudentCtx, act: ActView): string {
  return tr(BY[act.kind], { name: act.seatId === ctx.seatId ? tr('student.team.me') : act.name });
}

/** A small "by whom" note beside an item, or nothing when nobody of the team did it. */
export function byNote(ctx: StudentCtx, act: ActView | undefined): HTMLElement | null {
  return act ? h('span', { class: 'hint', 'data-testid': `by-${act.kind}` }, byText(ctx, act)) : null;
}

/** The team's acts of this round, newest first; shown only when the region has several seats. */
export function teamActs(ctx: StudentCtx): HTMLElement | null {
  const phase = ctx.view.phase;
  if (ctx.view.seats.length < 2 || (phase !== 'negotiate' && phase !== 'decide')) return null;
  const other = (a: ActView) => {
    const p = ctx.world.current?.proposals.find((x) => x.id === a.proposal);
    return p ? ` · ${regionName(ctx.map, p.from === ctx.me ? p.to : p.from)}` : '';
  };
  const acts = ctx.view.acts.filter((a) => a.region === ctx.me).slice(-5);
  return h(
    'section',
    { class: 'card stack', 'data-testid': 'team-acts', 'aria-live': 'polite' },
    h('h2', {}, tr('student.team.title')),
    acts.length === 0
      ? h('p', { class: 'hint' }, tr('student.team.none'))
      : h(
          'ul',
          {},
          acts.reverse().map((a) => h('li', { 'data-kind': a.kind }, `${byText(ctx, a)}${other(a)}`)),
        ),
  );
}
