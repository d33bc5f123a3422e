// The fields of the decide form, each drawn from the context and the draft; a change hands back the new draft.
import { marketChoiceFor } from '../../../shared/model/decisions.js';
import type { Compliance } from '../../../shared/model/ids.js';
import type { Decision } from '../../../shared/model/state.js';
import { worldRules } from '../../../shared/model/world.js';
import { h, uid } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { hotSector, regionName, sectorName, strengthOf } from '../ui/names.js';
import { treatmentsNow, type StudentCtx } from './context.js';

/** Applies a change to the current draft (the fields are not redrawn on every change, so they never hold it). */
export type SetDraft = (change: (d: Decision) => Decision) => void;

/** The agreements of this round that involve `me`. */
export function myAgreements(ctx: StudentCtx) {
  return (ctx.world.current?.agreements ?? []).filter((a) => a.a === ctx.me || a.b === ctx.me);
}

export function investField(ctx: StudentCtx, draft: Decision, set: SetDraft): HTMLElement {
  const strength = strengthOf(ctx.map, ctx.me);
  const hot = hotSector(ctx.map);
  const B = treatmentsNow(ctx).includes('B');
  const choice = B
    ? marketChoiceFor(worldRules(ctx.view.config, ctx.world), treatmentsNow(ctx), ctx.world.state, ctx.me)
    : null;
  const name = uid('invest');
  return h(
    'fieldset',
    {},
    h('legend', {}, tr('student.decide.invest')),
    ctx.map.sectors.map((s) => {
      const input = h('input', { type: 'radio', name, value: s.id, 'data-testid': `invest-${s.id}` });
      input.checked = draft.invest === s.id;
      input.addEventListener('change', () => set((d) => ({ ...d, invest: s.id })));
      const tags = [
        s.id === strength ? `★ ${tr('term.strength')}` : '',
        s.id === hot ? `▲ ${tr('term.hotSector')}` : '',
        s.id === choice ? `◆ ${tr('student.decide.marketChoice')}` : '',
      ].filter(Boolean);
      return h(
        'label',
        { class: 'choice' },
        input,
        sectorName(ctx.map, s.id),
        tags.length ? h('span', { class: 'hint' }, ` (${tags.join(', ')})`) : null,
      );
    }),
    B ? h('p', { class: 'hint' }, tr('student.decide.overrideCost')) : null,
  );
}

export function barrierField(ctx: StudentCtx, draft: Decision, set: SetDraft): HTMLElement {
  const openPartners = new Set(
    myAgreements(ctx)
      .filter((a) => a.type === 'openMarket')
      .map((a) => (a.a === ctx.me ? a.b : a.a)),
  );
  return h(
    'fieldset',
    {},
    h('legend', {}, tr('student.decide.protect')),
    h('p', { class: 'hint' }, tr('student.decide.protectHint')),
    ctx.map.regions
      .filter((r) => r.id !== ctx.me)
      .map((r) => {
        const input = h('input', { type: 'checkbox', 'data-testid': `barrier-${r.id}` });
        input.checked = draft.barriers.includes(r.id);
        input.addEventListener('change', () =>
          set((d) => ({
            ...d,
            barriers: input.checked ? [...d.barriers, r.id] : d.barriers.filter((x) => x !== r.id),
          })),
        );
        return h(
          'label',
          { class: 'choice' },
          input,
          regionName(ctx.map, r.id),
          openPartners.has(r.id) ? h('span', { class: 'bad-text' }, ` (${tr('student.decide.breaksPledge')})`) : null,
        );
      }),
  );
}

export function projectsField(ctx: StudentCtx, draft: Decision, set: SetDraft): HTMLElement | null {
  const projects = myAgreements(ctx).filter((a) => a.type === 'project');
  if (projects.length === 0) return null;
  return h(
    'fieldset',
    {},
    h('legend', {}, tr('student.decide.projects')),
    projects.map((a) => {
      const name = uid('comply');
      const pick = (c: Compliance) => {
        const input = h('input', { type: 'radio', name, value: c, 'data-testid': `comply-${a.id}-${c}` });
        input.checked = (draft.comply[a.id] ?? 'honour') === c;
        input.addEventListener('change', () => set((d) => ({ ...d, comply: { ...d.comply, [a.id]: c } })));
        return h('label', { class: 'choice' }, input, tr(c === 'honour' ? 'term.keep' : 'term.break'));
      };
      const other = a.a === ctx.me ? a.b : a.a;
      return h(
        'div',
        { class: 'row' },
        h(
          'span',
          {},
          tr('student.decide.projectWith', {
            region: regionName(ctx.map, other),
            host: regionName(ctx.map, a.host ?? ''),
          }),
        ),
        pick('honour'),
        pick('breach'),
      );
    }),
  );
}
