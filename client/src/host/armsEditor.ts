// The arms of a session (treatment schedules): each arm has a name, a map, reform C (fixed all game), and steps
// "from round n, these reforms are in force". Worlds are assigned to arms in turn.
import { h, uid } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import {
  MAX_ARMS,
  MAX_STEPS,
  SWITCHABLE,
  addStep,
  newArm,
  readNumber,
  removeStep,
  toggle,
  type ArmForm,
  type Switchable,
} from './configForm.js';
import { checkField, group, register, selectField, textField, type FormCtx } from './formKit.js';

export interface MapChoice {
  id: string;
  multiCentre: boolean;
}

/** The one-line explanations, shown once above the schedules (each checkbox points to its line). */
function reformLegend(ids: Map<Switchable, string>): HTMLElement {
  return h(
    'details',
    { class: 'reform-legend', open: true },
    h('summary', {}, tr('host.create.reformsExplained')),
    h(
      'dl',
      {},
      SWITCHABLE.flatMap((t) => [
        h('dt', {}, `${t} · ${tr(`reform.${t}`)}`),
        h('dd', { id: ids.get(t) }, tr(`reform.${t}.explain`)),
      ]),
      h('dt', {}, `C · ${tr('reform.C')}`),
      h('dd', {}, tr('reform.C.explain'), ' ', tr('host.create.cFixed')),
    ),
  );
}

function stepRow(
  ctx: FormCtx,
  armIndex: number,
  arm: ArmForm,
  stepIndex: number,
  explainIds: Map<Switchable, string>,
): HTMLElement {
  const step = arm.steps[stepIndex];
  if (!step) return h('div', {});
  const base = `arms.${armIndex}.schedule.${stepIndex}`;
  const roundId = uid('from');
  const round = h('input', {
    type: 'number',
    inputmode: 'numeric',
    id: roundId,
    min: 1,
    max: ctx.form.rounds,
    step: 1,
    class: 'num-input',
    'data-testid': `field-${base}.fromRound`,
  });
  round.value = Number.isFinite(step.fromRound) ? String(step.fromRound) : '';
  round.addEventListener('input', () => {
    step.fromRound = readNumber(round.value);
    ctx.changed();
  });
  const roundLabel = tr('host.create.fromRound');
  const roundSlot = register(
    ctx,
    `${base}.fromRound`,
    `${arm.name || tr('host.create.armN', { n: armIndex + 1 })} · ${tr('host.create.stepN', { n: stepIndex + 1 })} · ${roundLabel}`,
    round,
  );
  round.setAttribute('aria-describedby', roundSlot.id);
  const boxes = SWITCHABLE.map((t) => {
    const id = uid('rf');
    const box = h('input', {
      type: 'checkbox',
      id,
      checked: step.treatments.includes(t),
      'aria-describedby': explainIds.get(t),
      'data-fkey': `${base}.${t}`,
      'data-testid': `step-${armIndex}-${stepIndex}-${t}`,
    });
    box.addEventListener('change', () => {
      step.treatments = toggle(step.treatments, t, box.checked);
      ctx.changed();
    });
    return h('label', { for: id, class: 'chip-check' }, box, h('span', {}, h('b', {}, t), ' ', tr(`reform.${t}`)));
  });
  const treatSlot = register(
    ctx,
    `${base}.treatments`,
    `${tr('host.create.stepN', { n: stepIndex + 1 })} · ${tr('host.create.reforms')}`,
    null,
  );
  const remove =
    arm.steps.length > 1
      ? h(
          'button',
          {
            type: 'button',
            class: 'small',
            'data-fkey': `${base}.remove`,
            onclick: () => {
              ctx.form.arms[armIndex] = removeStep(arm, stepIndex);
              ctx.rebuild();
            },
          },
          tr('host.create.removeStep'),
        )
      : null;
  if (remove) remove.setAttribute('aria-label', tr('host.create.removeStepN', { n: stepIndex + 1 }));
  return h(
    'li',
    { class: 'step', 'data-testid': `step-${armIndex}-${stepIndex}` },
    h('div', { class: 'row step-head' }, h('label', { for: roundId, class: 'step-round' }, roundLabel), round, remove),
    roundSlot,
    h(
      'fieldset',
      { class: 'step-reforms' },
      h(
        'legend',
        { class: 'visually-hidden' },
        tr('host.create.reformsFromRound', { n: Number.isFinite(step.fromRound) ? step.fromRound : '?' }),
      ),
      h('div', { class: 'chip-list' }, boxes),
      step.treatments.length === 0 ? h('span', { class: 'hint' }, tr('reform.baseline')) : null,
    ),
    treatSlot,
  );
}

function armCard(
  ctx: FormCtx,
  index: number,
  maps: MapChoice[],
  mapLabel: (id: string) => string,
  explainIds: Map<Switchable, string>,
): HTMLElement {
  const arm = ctx.form.arms[index];
  if (!arm) return h('div', {});
  const isMulti = (id: string) => maps.find((m) => m.id === id)?.multiCentre ?? false;
  const forcedByMap = arm.map !== '' ? isMulti(arm.map) : isMulti(ctx.form.map);
  const scheduleSlot = register(
    ctx,
    `arms.${index}.schedule`,
    `${tr('host.create.armN', { n: index + 1 })} · ${tr('host.create.schedule')}`,
    null,
  );
  const canAddStep = arm.steps.length < MAX_STEPS;
  const card = h(
    'section',
    { class: 'arm card-inner', 'data-testid': `arm-${index}` },
    h(
      'div',
      { class: 'row arm-head' },
      h('h2', {}, tr('host.create.armN', { n: index + 1 })),
      h('span', { class: 'spacer' }),
      ctx.form.arms.length > 1
        ? h(
            'button',
            {
              type: 'button',
              class: 'small',
              'data-fkey': `arms.${index}.remove`,
              'aria-label': tr('host.create.removeArmN', { n: index + 1 }),
              onclick: () => {
                ctx.form.arms.splice(index, 1);
                ctx.rebuild();
              },
            },
            tr('host.create.removeArm'),
          )
        : null,
    ),
    h(
      'div',
      { class: 'form-cols' },
      textField(
        ctx,
        `arms.${index}.name`,
        tr('host.create.armName'),
        () => arm.name,
        (v) => (arm.name = v),
        { maxLength: 60 },
      ),
      selectField(
        ctx,
        `arms.${index}.map`,
        tr('host.create.armMap'),
        [
          { value: '', label: tr('host.create.armMapSession') },
          ...maps.map((m) => ({ value: m.id, label: mapLabel(m.id) })),
        ],
        () => arm.map,
        (v) => (arm.map = v),
        { rebuild: true },
      ),
    ),
    checkField(
      ctx,
      `arms.${index}.C`,
      `C · ${tr('reform.C')}`,
      () => arm.multiCentre || forcedByMap,
      (on) => (arm.multiCentre = on),
      {
        hint: forcedByMap ? tr('host.create.cByMap') : tr('host.create.cFixed'),
        rebuild: true,
        disabled: forcedByMap,
      },
    ),
    h('h3', {}, tr('host.create.schedule')),
    h(
      'ol',
      { class: 'steps' },
      arm.steps.map((_, j) => stepRow(ctx, index, arm, j, explainIds)),
    ),
    scheduleSlot,
    canAddStep
      ? h(
          'button',
          {
            type: 'button',
            class: 'small',
            'data-fkey': `arms.${index}.addStep`,
            onclick: () => {
              ctx.form.arms[index] = addStep(arm, ctx.form.rounds);
              ctx.rebuild();
            },
          },
          tr('host.create.addStep'),
        )
      : null,
  );
  // In the problem summary, say which arm a field belongs to.
  for (const part of ['name', 'map', 'C']) {
    const reg = ctx.fields.get(`arms.${index}.${part}`);
    if (reg) reg.label = `${tr('host.create.armN', { n: index + 1 })} · ${reg.label}`;
  }
  return card;
}

export function armsEditor(ctx: FormCtx, maps: MapChoice[], mapLabel: (id: string) => string): HTMLElement {
  const explainIds = new Map<Switchable, string>(SWITCHABLE.map((t) => [t, uid(`explain-${t}`)]));
  const armsSlot = register(ctx, 'arms', tr('host.create.arms'), null);
  return group(
    tr('host.create.arms'),
    h('p', { class: 'hint' }, tr('host.create.armsHint')),
    reformLegend(explainIds),
    ...ctx.form.arms.map((_, i) => armCard(ctx, i, maps, mapLabel, explainIds)),
    armsSlot,
    ctx.form.arms.length < MAX_ARMS
      ? h(
          'button',
          {
            type: 'button',
            'data-fkey': 'arms.add',
            'data-testid': 'add-arm',
            onclick: () => {
              ctx.form.arms.push(newArm(ctx.form.arms.length, (n) => tr('host.create.armN', { n })));
              ctx.rebuild();
            },
          },
          tr('host.create.addArm'),
        )
      : null,
  );
}
