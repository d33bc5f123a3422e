// The create form as a component: the plan picker, the config fields, the groups (arms) and bots, and a footer with
// the summary of problems and the create button. `update` builds the form again (a new language); edits repaint
// only the errors, so focus and typed values survive.
import { errorText, receivedErrorText } from '../../../shared/i18n/index.js';
import { ApiError } from '../net/api.js';
import type { Component } from '../ui/component.js';
import { h } from '../ui/dom.js';
import { hasText, lang, tr } from '../ui/i18n.js';
import { armsEditor } from './armsEditor.js';
import { estimateMinutes, inputToForm, type ConfigForm } from './configForm.js';
import { configFields } from './createFields.js';
import { paintSummary } from './createSummary.js';
import type { FieldReg, FormCtx } from './formKit.js';
import { addIssue, errorCount, validateForm, serverDetailsToFields, type FieldErrors } from './issues.js';
import { formSplit, localiseGroups, planPicker, roundsLabel } from './planPicker.js';
import type { Presets } from './presetsApi.js';
import { remount } from './widgets.js';

function mapLabel(id: string): string {
  const key = `host.map.${id}`;
  return hasText(key) ? tr(key) : id;
}

export function createForm(
  presets: Presets,
  create: (input: Record<string, unknown>) => Promise<void>,
): Component<undefined> {
  const firstPlan = presets.classPlans.find((p) => p.id === presets.defaultClassPlan) ?? presets.classPlans[0];
  let planId = firstPlan?.id ?? '';
  let form: ConfigForm = inputToForm(firstPlan?.config ?? presets.defaults);
  let serverErrors: FieldErrors = {};
  let generalError = '';
  let attempted = false;
  let busy = false;
  let fields = new Map<string, FieldReg>();

  const formSlot = h('div', {});
  const summary = h('div', { class: 'error-summary', tabindex: '-1', 'data-testid': 'error-summary' });
  const submitBtn = h('button', { type: 'submit', class: 'primary big-button', 'data-testid': 'create' });

  const allErrors = (): FieldErrors => {
    const { errors } = validateForm(form);
    for (const [f, list] of Object.entries(serverErrors)) for (const i of list) addIssue(errors, f, i);
    return errors;
  };

  const paint = () => {
    paintSummary(summary, allErrors(), fields, {
      generalError,
      showList: attempted || Object.keys(serverErrors).length > 0,
    });
    const duration = formSlot.querySelector('[data-testid="duration"]');
    const minutes = estimateMinutes(form);
    if (duration) duration.textContent = minutes === null ? '' : tr('host.create.duration', { minutes });
    // The chosen plan's label follows the edits.
    const rounds = formSlot.querySelector(`[data-plan-rounds="${CSS.escape(planId)}"]`);
    if (rounds) rounds.textContent = roundsLabel(formSplit(form));
    submitBtn.disabled = busy;
    submitBtn.textContent = busy ? tr('host.create.creating') : tr('host.create.submit');
  };

  const ctx: FormCtx = {
    get form() {
      return form;
    },
    get fields() {
      return fields;
    },
    changed() {
      serverErrors = {};
      generalError = '';
      paint();
    },
    rebuild() {
      serverErrors = {};
      build();
    },
  };

  const choosePlan = (p: Presets['classPlans'][number]) => {
    planId = p.id;
    // Keep the title and map already chosen when the plan accepts them.
    try {
      form = inputToForm({ ...p.config, title: form.title, map: form.map });
    } catch {
      form = inputToForm(p.config);
    }
    attempted = false;
    ctx.rebuild();
  };

  function build(): void {
    fields = new Map();
    form = localiseGroups(
      form,
      presets.classPlans.find((p) => p.id === planId),
    );
    const maps = presets.maps.map((m) => ({ id: m.id, multiCentre: m.multiCentre }));
    const groups = configFields(ctx, presets, mapLabel);
    remount(
      formSlot,
      planPicker(presets, planId, choosePlan, formSplit(form)),
      groups.basics,
      groups.phases,
      armsEditor(ctx, maps, mapLabel),
      groups.bots,
    );
    paint();
  }

  const failed = (e: unknown) => {
    busy = false;
    if (e instanceof ApiError) {
      serverErrors = serverDetailsToFields(e.details);
      generalError = receivedErrorText(lang(), e.code, e.message);
    } else {
      generalError = errorText(lang(), 'INTERNAL');
    }
    paint();
    summary.focus();
  };

  const submit = async () => {
    attempted = true;
    generalError = '';
    const { errors, input } = validateForm(form);
    if (errorCount(errors) > 0) {
      paint();
      summary.focus();
      return;
    }
    busy = true;
    paint();
    await create(input).catch(failed);
  };

  const el = h(
    'form',
    { class: 'create-form stack', novalidate: true, 'data-testid': 'create-form' },
    formSlot,
    h('div', { class: 'create-footer card' }, summary, submitBtn),
  );
  el.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!busy) void submit();
  });
  return { el, update: build };
}
