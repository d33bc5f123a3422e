// The class plans on the create screen: one radio per plan with its name, its rounds and its teaching goal. The
// chosen plan's rounds follow the form ("4 + 4 rounds" becomes "4 + 6 rounds" when the rounds change); plans name
// their groups in the instructor's language.
import { planRounds } from '../../../shared/model/presets.js';
import { h } from '../ui/dom.js';
import { lang, tr, trCount } from '../ui/i18n.js';
import type { ConfigForm } from './configForm.js';
import type { ClassPlanInfo, Presets } from './presetsApi.js';

/** "4 + 4 rounds" or "8 rounds" ('' while a number is being typed). */
export function roundsLabel(split: number[] | null): string {
  if (!split) return '';
  const [a, b] = split;
  return a !== undefined && b !== undefined
    ? tr('host.create.planSplit', { a, b })
    : trCount('host.create.planRounds', a ?? 0);
}

/** A plan's own rounds, read from its config. */
function planSplit(plan: ClassPlanInfo): number[] | null {
  const cfg = plan.config;
  const rounds = typeof cfg['rounds'] === 'number' ? cfg['rounds'] : NaN;
  const arms = Array.isArray(cfg['arms']) ? cfg['arms'] : [];
  const schedules = arms.map((a: unknown) => ({
    schedule:
      typeof a === 'object' && a !== null && 'schedule' in a && Array.isArray(a.schedule)
        ? a.schedule.map((st: unknown) => ({
            fromRound:
              typeof st === 'object' && st !== null && 'fromRound' in st && typeof st.fromRound === 'number'
                ? st.fromRound
                : NaN,
          }))
        : [],
  }));
  return planRounds(rounds, schedules);
}

/** The rounds of the form being edited. */
export function formSplit(form: ConfigForm): number[] | null {
  return planRounds(
    form.rounds,
    form.arms.map((a) => ({ schedule: a.steps })),
  );
}

/** Group names of a plan in the current language: an arm still named as the plan names it (in either language). */
export function localiseGroups(form: ConfigForm, plan: ClassPlanInfo | undefined): ConfigForm {
  if (!plan) return form;
  const zh = lang() === 'zh-CN';
  const arms = form.arms.map((a, i) => {
    const g = plan.groups[i];
    return g && (a.name === g.en || a.name === g.zh) ? { ...a, name: zh ? g.zh : g.en } : a;
  });
  return { ...form, arms };
}

export function planPicker(
  presets: Presets,
  selected: string,
  choose: (plan: ClassPlanInfo) => void,
  selectedSplit: number[] | null,
): HTMLElement {
  const zh = lang() === 'zh-CN';
  return h(
    'fieldset',
    { class: 'plans', 'data-testid': 'plans' },
    h('legend', {}, tr('host.create.plan')),
    h('p', { class: 'hint' }, tr('host.create.planHint')),
    h(
      'div',
      { class: 'plan-list' },
      presets.classPlans.map((p) => {
        const id = `plan-${p.id}`;
        const radio = h('input', {
          type: 'radio',
          name: 'plan',
          id,
          value: p.id,
          checked: p.id === selected,
          'data-fkey': id,
          'aria-describedby': `${id}-rounds ${id}-goal`,
        });
        radio.addEventListener('change', () => {
          if (radio.checked) choose(p);
        });
        return h(
          'label',
          { for: id, class: 'plan', 'data-testid': id },
          radio,
          h(
            'span',
            { class: 'plan-text' },
            h('span', { class: 'plan-name' }, zh ? p.name.zh : p.name.en),
            h(
              'span',
              { class: 'plan-rounds', id: `${id}-rounds`, 'data-plan-rounds': p.id },
              roundsLabel(p.id === selected ? selectedSplit : planSplit(p)),
            ),
            h('span', { class: 'plan-goal hint', id: `${id}-goal` }, zh ? p.goal.zh : p.goal.en),
          ),
        );
      }),
    ),
  );
}
