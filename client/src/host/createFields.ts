// The create form's settings apart from the arms: title, map, rounds, class size, worlds, phase lengths, bots,
// pseudonyms and the advanced parameters (JSON).
import { h, uid } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { PHASE_NAMES, estimateMinutes } from './configForm.js';
import { checkField, group, numField, register, selectField, textField, type FormCtx } from './formKit.js';
import type { Presets } from './presetsApi.js';
import { labelled } from './widgets.js';

function worldsField(ctx: FormCtx): HTMLElement {
  const { form } = ctx;
  const name = uid('worlds');
  const radio = (auto: boolean, label: string) => {
    const id = uid('wr');
    const r = h('input', {
      type: 'radio',
      name,
      id,
      checked: form.worldsAuto === auto,
      'data-fkey': `worlds.${auto ? 'auto' : 'fixed'}`,
      'data-testid': `worlds-${auto ? 'auto' : 'fixed'}`,
    });
    r.addEventListener('change', () => {
      if (r.checked) {
        form.worldsAuto = auto;
        ctx.rebuild();
      }
    });
    return h('label', { for: id, class: 'check' }, r, h('span', {}, label));
  };
  return h(
    'fieldset',
    { class: 'form-group inner' },
    h('legend', {}, tr('host.create.worlds')),
    h('div', { class: 'row' }, radio(true, tr('host.create.worldsAuto')), radio(false, tr('host.create.worldsFixed'))),
    form.worldsAuto
      ? h('p', { class: 'hint' }, tr('host.create.worldsAutoHint'))
      : numField(
          ctx,
          'worlds.count',
          tr('host.create.worldsCount'),
          () => form.worldsCount,
          (n) => (form.worldsCount = n),
          { min: 1, max: 60, hint: tr('host.create.worldsCountHint') },
        ),
  );
}

function paramsField(ctx: FormCtx): HTMLElement {
  const area = h('textarea', { rows: 14, spellcheck: 'false', class: 'json-input', 'data-testid': 'field-params' });
  area.value = ctx.form.paramsJson;
  area.addEventListener('input', () => {
    ctx.form.paramsJson = area.value;
    ctx.changed();
  });
  const slot = register(ctx, 'params', tr('host.create.params'), area);
  const details = h(
    'details',
    { class: 'advanced' },
    h('summary', {}, tr('host.create.advanced')),
    labelled(tr('host.create.params'), area, { hint: tr('host.create.paramsHint'), error: slot }),
  );
  // Open the section when it holds a problem, so the explanation is visible.
  new MutationObserver(() => {
    if (slot.childElementCount > 0) details.open = true;
  }).observe(slot, { childList: true });
  return details;
}

/** The settings groups; the arms editor goes between `phases` and `bots`. */
export function configFields(
  ctx: FormCtx,
  presets: Presets,
  mapLabel: (id: string) => string,
): { basics: HTMLElement; phases: HTMLElement; bots: HTMLElement } {
  const { form } = ctx;
  const minutes = estimateMinutes(form);
  const phaseLabel = (p: (typeof PHASE_NAMES)[number]) => `${tr(`phase.${p}`)} (${tr('host.create.secondsUnit')})`;
  return {
    basics: group(
      tr('host.create.basics'),
      h(
        'div',
        { class: 'form-cols' },
        textField(
          ctx,
          'title',
          tr('host.create.titleField'),
          () => form.title,
          (v) => (form.title = v),
          { maxLength: 80, hint: tr('host.create.titleHint') },
        ),
        selectField(
          ctx,
          'map',
          tr('host.create.map'),
          presets.maps.map((m) => ({ value: m.id, label: mapLabel(m.id) })),
          () => form.map,
          (v) => (form.map = v),
          { hint: tr('host.create.mapHint'), rebuild: true },
        ),
        numField(
          ctx,
          'rounds',
          tr('host.create.rounds'),
          () => form.rounds,
          (n) => (form.rounds = n),
          { min: 1, max: 40 },
        ),
        numField(
          ctx,
          'worlds.maxSeatsPerRegion',
          tr('host.create.seats'),
          () => form.seatsPerRegion,
          (n) => (form.seatsPerRegion = n),
          { min: 1, max: 20, hint: tr('host.create.seatsHint') },
        ),
      ),
      worldsField(ctx),
    ),
    phases: group(
      tr('host.create.phases'),
      h(
        'div',
        { class: 'form-cols four' },
        PHASE_NAMES.map((p) =>
          numField(
            ctx,
            `phases.${p}`,
            phaseLabel(p),
            () => form.phases[p],
            (n) => (form.phases[p] = n),
            { min: 5, max: 3600 },
          ),
        ),
      ),
      h(
        'p',
        { class: 'hint', 'data-testid': 'duration' },
        minutes === null ? '' : tr('host.create.duration', { minutes }),
      ),
    ),
    bots: group(
      tr('host.create.botsPrivacy'),
      selectField(
        ctx,
        'bots.strategy',
        tr('host.create.botStrategy'),
        presets.botStrategies.map((s) => ({ value: s, label: tr(`host.bot.${s}`) })),
        () => form.botStrategy,
        (v) => (form.botStrategy = v as typeof form.botStrategy),
        { hint: tr('host.create.botHint') },
      ),
      checkField(
        ctx,
        'bots.takeover',
        tr('host.create.takeover'),
        () => form.takeover,
        (on) => (form.takeover = on),
        { hint: tr('host.takeoverHint') },
      ),
      checkField(
        ctx,
        'pseudonyms',
        tr('host.create.pseudonyms'),
        () => form.pseudonyms,
        (on) => (form.pseudonyms = on),
        { hint: tr('host.create.pseudonymsHint') },
      ),
      paramsField(ctx),
    ),
  };
}
