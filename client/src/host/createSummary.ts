// The summary at the foot of the create form: every problem of the config, each next to its field and listed here
// with a link to the control (the general server error first).
import { h, mount } from '../ui/dom.js';
import { lang, tr, trCount } from '../ui/i18n.js';
import type { FieldReg } from './formKit.js';
import { errorCount, type FieldErrors, type FieldIssue } from './issues.js';

export function issueText(issue: FieldIssue): string {
  return tr(issue.key, issue.params);
}

interface Problem {
  label: string;
  text: string;
  control: HTMLElement | null;
}

/** Writes each field's problems into its slot (marking the control invalid) and returns all of them in order. */
export function showFieldErrors(errors: FieldErrors, fields: ReadonlyMap<string, FieldReg>): Problem[] {
  const problems: Problem[] = [];
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
    for (const i of list) problems.push({ label: reg.label, text: issueText(i), control: reg.control });
  }
  for (const [field, list] of Object.entries(errors)) {
    if (fields.has(field)) continue;
    for (const i of list)
      problems.push({ label: field === '' ? tr('host.create.general') : field, text: issueText(i), control: null });
  }
  return problems;
}

function problemList(problems: Problem[]): HTMLElement {
  return h(
    'ul',
    { class: 'problem-list' },
    problems.map((p) =>
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
  );
}

/** Fills the summary: the general error, the count of problems (or "ready"), and the list once it is useful. */
export function paintSummary(
  summary: HTMLElement,
  errors: FieldErrors,
  fields: ReadonlyMap<string, FieldReg>,
  opts: { generalError: string; showList: boolean },
): void {
  const problems = showFieldErrors(errors, fields);
  const n = errorCount(errors);
  mount(
    summary,
    opts.generalError ? h('p', { class: 'field-error', role: 'alert' }, opts.generalError) : null,
    n > 0
      ? h('p', { class: 'field-error' }, trCount('host.create.problems', n))
      : h('p', { class: 'hint' }, tr('host.create.ready')),
    n > 0 && opts.showList ? problemList(problems) : null,
  );
}
