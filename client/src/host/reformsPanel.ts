// Reforms for the next round, per arm or for every arm: checkboxes with the one-line explanation of each reform.
// C (the multi-centre map) is fixed when a world is created, so it is shown but cannot be switched.
import type { Treatment } from '../../../shared/model/ids.js';
import type { Component } from '../ui/component.js';
import { h, uid } from '../ui/dom.js';
import { tr, trCount } from '../ui/i18n.js';
import { controlOf, runCommand } from './commands.js';
import { appliedText, reformChange, reformQuestion } from './reformConfirm.js';
import { SWITCHABLE, toggle, type Switchable } from './configForm.js';
import { armStatuses, controlsFor, sameSet, switchableOf, type ArmStatus } from './consoleModel.js';
import type { ConsoleCtx } from './controlsPanel.js';
import { confirmDialog, remount } from './widgets.js';
import { worldLabel } from '../ui/labels.js';

function badges(list: readonly Treatment[] | null): HTMLElement {
  if (list === null) return h('span', { class: 'hint' }, tr('host.reforms.noNext'));
  return h(
    'span',
    { class: 'reform-badges' },
    list.length === 0
      ? h('span', { class: 'badge' }, tr('reform.baseline'))
      : list.map((t) =>
          h(
            'span',
            { class: 'badge reform-badge' },
            t,
            h('span', { class: 'visually-hidden' }, ` ${tr(`reform.${t}`)}`),
          ),
        ),
  );
}

/** Up to this many worlds are listed by name; a lecture's are counted, their names folded away. */
const LIST_WORLDS_UP_TO = 6;

function armWorlds(worlds: readonly number[]): HTMLElement {
  if (worlds.length === 0) return h('div', { class: 'hint' }, tr('host.reforms.noWorld'));
  const names = worlds.map(worldLabel).join(', ');
  if (worlds.length <= LIST_WORLDS_UP_TO) return h('div', { class: 'hint' }, names);
  return h(
    'details',
    { class: 'hint arm-worlds' },
    h('summary', {}, trCount('host.reforms.worldCount', worlds.length)),
    names,
  );
}

function armTable(arms: ArmStatus[]): HTMLElement {
  return h(
    'table',
    { class: 'arm-table' },
    h('caption', { class: 'visually-hidden' }, tr('host.reforms.tableCaption')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, tr('host.reforms.arm')),
        h('th', { scope: 'col' }, tr('host.reforms.now')),
        h('th', { scope: 'col' }, tr('host.reforms.next')),
      ),
    ),
    h(
      'tbody',
      {},
      arms.map((a) =>
        h(
          'tr',
          { 'data-testid': `arm-row-${a.arm}` },
          h('th', { scope: 'row' }, a.name, armWorlds(a.worlds)),
          h('td', {}, badges(a.now)),
          h('td', {}, badges(a.next)),
        ),
      ),
    ),
  );
}

export function reformsPanel(ctx: ConsoleCtx): Component<ConsoleCtx> {
  const el = h('section', {
    class: 'card stack',
    'aria-labelledby': 'reforms-heading',
    'data-testid': 'reforms-card',
    'data-feedback-host': '',
  });
  let scope: number | null = null;
  let draft: Switchable[] = [];
  let dirty = false;
  let last = '';

  const target = (arms: ArmStatus[]) => arms.find((a) => a.arm === (scope ?? 0)) ?? arms[0];

  const apply = async (at: Element | null) => {
    const v = ctx.view();
    const plan = reformChange(v, scope, draft);
    if (!(await confirmDialog(reformQuestion(v, plan)))) return;
    const ok = await runCommand(
      ctx.client,
      'host:setReforms',
      { arm: scope, treatments: [...draft] },
      tr('host.reforms.apply'),
      at,
      appliedText(plan),
    );
    if (ok) {
      dirty = false;
      update(true);
    }
  };

  function build(): void {
    const v = ctx.view();
    const arms = armStatuses(v);
    const c = controlsFor(v);
    const nextRound = v.phase === 'lobby' ? 1 : v.round + 1;
    const multi = arms.filter((a) => a.multiCentre);
    const radios =
      arms.length > 1
        ? h(
            'fieldset',
            { class: 'form-group inner' },
            h('legend', {}, tr('host.reforms.scope')),
            h(
              'div',
              { class: 'row' },
              [null, ...arms.map((a) => a.arm)].map((value) => {
                const id = uid('scope');
                const r = h('input', {
                  type: 'radio',
                  name: 'reform-scope',
                  id,
                  checked: scope === value,
                  disabled: !c.reforms,
                  'data-fkey': `scope-${value ?? 'all'}`,
                  'data-testid': `scope-${value ?? 'all'}`,
                });
                r.addEventListener('change', () => {
                  if (!r.checked) return;
                  scope = value;
                  dirty = false;
                  update(true);
                });
                return h(
                  'label',
                  { for: id, class: 'check' },
                  r,
                  h('span', {}, value === null ? tr('host.reforms.allArms') : (arms[value]?.name ?? '')),
                );
              }),
            ),
          )
        : null;
    const boxes = SWITCHABLE.map((t) => {
      const id = uid('nr');
      const box = h('input', {
        type: 'checkbox',
        id,
        checked: draft.includes(t),
        disabled: !c.reforms,
        'aria-describedby': `${id}-x`,
        'data-fkey': `next-${t}`,
        'data-testid': `next-${t}`,
      });
      box.addEventListener('change', () => {
        draft = toggle(draft, t, box.checked);
        dirty = true;
        update(true);
      });
      return h(
        'li',
        { class: 'reform-option' },
        h('label', { for: id, class: 'check' }, box, h('span', {}, h('b', {}, t), ' · ', tr(`reform.${t}`))),
        h('span', { class: 'hint', id: `${id}-x` }, tr(`reform.${t}.explain`)),
      );
    });
    remount(
      el,
      h('h2', { id: 'reforms-heading' }, tr('host.reforms.heading')),
      armTable(arms),
      c.reforms
        ? h(
            'p',
            { class: 'hint' },
            tr(v.phase === 'lobby' ? 'host.reforms.fromStart' : 'host.reforms.fromRound', { n: nextRound }),
          )
        : h('p', { class: 'hint' }, tr('host.reforms.noNext')),
      radios,
      h('ul', { class: 'reform-options' }, boxes),
      h(
        'p',
        { class: 'hint c-note', 'data-testid': 'c-note' },
        h('b', {}, `C · ${tr('reform.C')}: `),
        tr('host.reforms.cFixed'),
        ' ',
        multi.length === 0
          ? tr('host.reforms.cNone')
          : tr('host.reforms.cArms', { arms: multi.map((a) => a.name).join(', ') }),
      ),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            disabled: !c.reforms || !dirty,
            'data-fkey': 'apply-reforms',
            'data-testid': 'apply-reforms',
            onclick: (e: Event) => void apply(controlOf(e)),
          },
          tr('host.reforms.apply'),
        ),
        h(
          'button',
          {
            type: 'button',
            disabled: !dirty,
            'data-fkey': 'reset-reforms',
            onclick: () => {
              dirty = false;
              update(true);
            },
          },
          tr('host.reforms.reset'),
        ),
        dirty ? h('span', { class: 'badge warn', role: 'status' }, tr('host.reforms.unsaved')) : null,
      ),
    );
  }

  function update(force = false): void {
    const v = ctx.view();
    const arms = armStatuses(v);
    const t = target(arms);
    const server = switchableOf(t?.next ?? null);
    if (!dirty && !sameSet(server, draft)) draft = server;
    const sig = JSON.stringify([arms, scope, draft, dirty, controlsFor(v).reforms, v.phase, v.round, tr('reform.A')]);
    if (!force && sig === last) return;
    last = sig;
    build();
  }

  return { el, update: () => update() };
}
