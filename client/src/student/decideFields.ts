// The fields of the decide form, each drawn from the context and the draft; a change hands back the new draft.
import { flagsOf } from '../../../shared/model/ids.js';
import { marketChoiceFor } from '../../../shared/model/decisions.js';
import type { Compliance } from '../../../shared/model/ids.js';
import type { Decision } from '../../../shared/model/state.js';
import { worldRules } from '../../../shared/model/world.js';
import { h, uid } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { hotSector, regionName, sectorName, strengthOf } from '../ui/names.js';
import { treatmentsNow, type StudentCtx } from './context.js';
import { myAgreements, pledgePartners } from './decideSafety.js';

/** Applies a change to the current draft (the fields are not redrawn on every change, so they never hold it). */
export type SetDraft = (change: (d: Decision) => Decision) => void;

/** A warning beside a choice that breaks an agreement; shown while the draft breaks it (see decide.ts). */
function breachWarning(key: string, text: string): HTMLElement {
  const el = h('span', { class: 'bad-text warning', 'data-breach': key, 'data-testid': `warn-${key}` }, `⚠ ${text}`);
  el.hidden = true;
  return el;
}

export function investField(ctx: StudentCtx, draft: Decision, set: SetDraft): HTMLElement {
  const strength = strengthOf(ctx.map, ctx.me);
  const hot = hotSector(ctx.map);
  const B = flagsOf(treatmentsNow(ctx)).B;
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
  const openPartners = pledgePartners(ctx);
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
        const region = regionName(ctx.map, r.id);
        return h(
          'div',
          {},
          h(
            'label',
            { class: 'choice' },
            input,
            region,
            openPartners.has(r.id) ? h('span', { class: 'hint' }, ` (${tr('student.decide.pledged')})`) : null,
          ),
          openPartners.has(r.id) ? breachWarning(`barrier-${r.id}`, tr('student.decide.warnPledge', { region })) : null,
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
        breachWarning(`comply-${a.id}`, tr('student.decide.warnProject', { region: regionName(ctx.map, other) })),
      );
    }),
  );
}
