// The class plans on the create screen: one radio per plan with its name and teaching goal.
import { h } from '../ui/dom.js';
import { lang, tr } from '../ui/i18n.js';
import type { ClassPlanInfo, Presets } from './presetsApi.js';

export function planPicker(presets: Presets, selected: string, choose: (plan: ClassPlanInfo) => void): HTMLElement {
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
          'aria-describedby': `${id}-goal`,
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
            h('span', { class: 'plan-goal hint', id: `${id}-goal` }, zh ? p.goal.zh : p.goal.en),
          ),
        );
      }),
    ),
  );
}
