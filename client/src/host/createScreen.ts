// The create screen (/host): pick a class plan, adjust the settings, create the session. Every problem is explained
// next to its field (checked on the client with the engine's schema; the server's 400 details are shown the same
// way), and creating opens the console at /host/<code>#<hostToken>.
import { errorText } from '../../../shared/i18n/index.js';
import { ApiError, createSession } from '../net/api.js';
import { saveToken } from '../net/storage.js';
import { h, mount } from '../ui/dom.js';
import { lang, onLangChange, tr } from '../ui/i18n.js';
import { langSwitch } from '../ui/langSwitch.js';
import { statusScreen } from '../ui/status.js';
import { armsEditor } from './armsEditor.js';
import { estimateMinutes, inputToForm, type ConfigForm } from './configForm.js';
import { configFields } from './createFields.js';
import type { FieldReg, FormCtx } from './formKit.js';
import {
  addIssue,
  errorCount,
  validateForm,
  serverDetailsToFields,
  type FieldErrors,
  type FieldIssue,
} from './issues.js';
import { fetchPresets, type ClassPlanInfo, type Presets } from './presetsApi.js';
import { remount } from './widgets.js';

export function issueText(issue: FieldIssue): string {
  return tr(issue.key, issue.params);
}

function planPicker(presets: Presets, selected: string, choose: (plan: ClassPlanInfo) => void): HTMLElement {
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

export async function startCreate(root: HTMLElement): Promise<void> {
  mount(root, statusScreen('loading'));
  let presets: Presets;
  try {
    presets = await fetchPresets();
  } catch (e) {
    const code = e instanceof ApiError ? e.code : 'INTERNAL';
    mount(
      root,
      statusScreen('error', errorText(lang(), code), { label: tr('status.retry'), run: () => void startCreate(root) }),
    );
    return;
  }
  const firstPlan = presets.classPlans.find((p) => p.id === presets.defaultClassPlan) ?? presets.classPlans[0];
  let planId = firstPlan?.id ?? '';
  let form: ConfigForm = inputToForm(firstPlan?.config ?? presets.defaults);
  let serverErrors: FieldErrors = {};
  let generalError = '';
  let attempted = false;
  let busy = false;

  const formSlot = h('div', {});
  const summary = h('div', { class: 'error-summary', tabindex: '-1', 'data-testid': 'error-summary' });
  const submitBtn = h('button', { type: 'submit', class: 'primary big-button', 'data-testid': 'create' });
  let fields = new Map<string, FieldReg>();

  const allErrors = (): FieldErrors => {
    const { errors } = validateForm(form);
    for (const [f, list] of Object.entries(serverErrors)) for (const i of list) addIssue(errors, f, i);
    return errors;
  };

  const paint = () => {
    const errors = allErrors();
    const loose: { label: string; text: string; control: HTMLElement | null }[] = [];
    for (const [field, reg] of fields) {
      const list = errors[field] ?? [];
      mount(
        reg.slot,
        list.map((i) => h('div', {}, issueText(i))),
      );
      if (reg.control) {
        if (list.length > 0) reg.control.setAttribute('aria-invalid', 'true');
        else reg.control.removeAttribute('aria-invalid');
      }
      for (const i of list) loose.push({ label: reg.label, text: issueText(i), control: reg.control });
    }
    for (const [field, list] of Object.entries(errors)) {
      if (fields.has(field)) continue;
      for (const i of list)
        loose.push({ label: field === '' ? tr('host.create.general') : field, text: issueText(i), control: null });
    }
    const n = errorCount(errors);
    const showList = n > 0 && (attempted || Object.keys(serverErrors).length > 0);
    mount(
      summary,
      generalError ? h('p', { class: 'field-error', role: 'alert' }, generalError) : null,
      n > 0
        ? h('p', { class: 'field-error' }, tr('host.create.problems', { n }))
        : h('p', { class: 'hint' }, tr('host.create.ready')),
      showList
        ? h(
            'ul',
            { class: 'problem-list' },
            loose.map((p) =>
              h(
                'li',
                {},
                p.control
                  ? h('button', { type: 'button', class: 'link-button', onclick: () => p.control?.focus() }, p.label)
                  : h('b', {}, p.label),
                lang() === 'zh-CN' ? '：' : ': ',
                p.text,
              ),
            ),
          )
        : null,
    );
    const duration = formSlot.querySelector('[data-testid="duration"]');
    const minutes = estimateMinutes(form);
    if (duration) duration.textContent = minutes === null ? '' : tr('host.create.duration', { minutes });
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
      buildForm();
    },
  };

  const mapLabel = (id: string) => {
    const key = `host.map.${id}`;
    const text = tr(key);
    return text === key ? id : text;
  };

  const buildForm = () => {
    fields = new Map();
    const maps = presets.maps.map((m) => ({ id: m.id, multiCentre: m.multiCentre }));
    const groups = configFields(ctx, presets, mapLabel);
    const arms = armsEditor(ctx, maps, mapLabel);
    remount(
      formSlot,
      planPicker(presets, planId, (p) => {
        planId = p.id;
        // Keep the title and map already chosen when the plan accepts them.
        try {
          form = inputToForm({ ...p.config, title: form.title, map: form.map });
        } catch {
          form = inputToForm(p.config);
        }
        attempted = false;
        ctx.rebuild();
      }),
      groups.basics,
      groups.phases,
      arms,
      groups.bots,
    );
    paint();
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
    try {
      const reply = await createSession({ config: input });
      saveToken('host', reply.code, reply.hostToken);
      saveToken('projector', reply.code, reply.projectorToken);
      location.assign(`/host/${reply.code}#${reply.hostToken}`);
      return;
    } catch (e) {
      busy = false;
      if (e instanceof ApiError) {
        serverErrors = serverDetailsToFields(e.details);
        generalError = errorText(lang(), e.code);
      } else {
        generalError = errorText(lang(), 'INTERNAL');
      }
      paint();
      summary.focus();
    }
  };

  const formEl = h(
    'form',
    { class: 'create-form stack', novalidate: true, 'data-testid': 'create-form' },
    formSlot,
    h('div', { class: 'create-footer card' }, summary, submitBtn),
  );
  formEl.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!busy) void submit();
  });

  const render = () => {
    mount(
      root,
      h(
        'header',
        { class: 'app-header' },
        h('span', { class: 'brand' }, tr('app.title')),
        h('span', {}, tr('host.create.heading')),
        h('span', { class: 'spacer' }),
        langSwitch(),
      ),
      h(
        'main',
        { class: 'host host-create' },
        h('h1', {}, tr('host.create.title')),
        h('p', { class: 'hint' }, tr('host.create.intro')),
        formEl,
      ),
    );
    buildForm();
  };
  onLangChange(render);
  render();
}
