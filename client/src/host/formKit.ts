// Form controls of the create screen, bound to the form model: each registers its field key so that validation
// can put the explanation next to it (aria-invalid + aria-describedby) and the summary can jump to it.
import { h, uid } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import type { ConfigForm } from './configForm.js';
import { readNumber } from './configForm.js';
import { errorSlot, labelled } from './widgets.js';

export interface FieldReg {
  slot: HTMLElement;
  control: HTMLElement | null;
  label: string;
}

export interface FormCtx {
  form: ConfigForm;
  fields: Map<string, FieldReg>;
  /** A value changed: validate again. */
  changed(): void;
  /** The structure changed (arms, steps): build the form again. */
  rebuild(): void;
}

export function register(ctx: FormCtx, field: string, label: string, control: HTMLElement | null): HTMLElement {
  const slot = errorSlot(field);
  ctx.fields.set(field, { slot, control, label });
  if (control && !control.dataset['fkey']) control.dataset['fkey'] = field;
  return slot;
}

interface NumOpts {
  min?: number;
  max?: number;
  hint?: string;
  unit?: string;
}

export function numField(
  ctx: FormCtx,
  field: string,
  label: string,
  get: () => number,
  set: (n: number) => void,
  opts: NumOpts = {},
): HTMLElement {
  const input = h('input', {
    type: 'number',
    inputmode: 'numeric',
    step: 1,
    min: opts.min,
    max: opts.max,
    class: 'num-input',
    'data-testid': `field-${field}`,
  });
  input.value = Number.isFinite(get()) ? String(get()) : '';
  input.addEventListener('input', () => {
    set(readNumber(input.value));
    ctx.changed();
  });
  const slot = register(ctx, field, label, input);
  const wrapped = labelled(label, input, { error: slot, ...(opts.hint ? { hint: opts.hint } : {}) });
  if (opts.unit) {
    const row = h('div', { class: 'row nowrap' });
    input.replaceWith(row);
    row.append(input, h('span', { class: 'unit' }, opts.unit));
  }
  return wrapped;
}

export function textField(
  ctx: FormCtx,
  field: string,
  label: string,
  get: () => string,
  set: (s: string) => void,
  opts: { maxLength?: number; hint?: string; placeholder?: string } = {},
): HTMLElement {
  const input = h('input', {
    type: 'text',
    maxlength: opts.maxLength,
    placeholder: opts.placeholder,
    'data-testid': `field-${field}`,
    autocomplete: 'off',
  });
  input.value = get();
  input.addEventListener('input', () => {
    set(input.value);
    ctx.changed();
  });
  const slot = register(ctx, field, label, input);
  return labelled(label, input, { error: slot, ...(opts.hint ? { hint: opts.hint } : {}) });
}

export function selectField(
  ctx: FormCtx,
  field: string,
  label: string,
  options: { value: string; label: string }[],
  get: () => string,
  set: (v: string) => void,
  opts: { hint?: string; rebuild?: boolean } = {},
): HTMLElement {
  const select = h(
    'select',
    { 'data-testid': `field-${field}` },
    options.map((o) => h('option', { value: o.value, selected: o.value === get() }, o.label)),
  );
  select.value = get();
  select.addEventListener('change', () => {
    set(select.value);
    if (opts.rebuild) ctx.rebuild();
    else ctx.changed();
  });
  const slot = register(ctx, field, label, select);
  return labelled(label, select, { error: slot, ...(opts.hint ? { hint: opts.hint } : {}) });
}

/** A checkbox with its label after it and an optional explanation under it. */
export function checkField(
  ctx: FormCtx,
  field: string,
  label: string,
  get: () => boolean,
  set: (on: boolean) => void,
  opts: { hint?: string; rebuild?: boolean; disabled?: boolean } = {},
): HTMLElement {
  const id = uid('cb');
  const box = h('input', {
    type: 'checkbox',
    id,
    checked: get(),
    disabled: opts.disabled === true,
    'data-testid': `field-${field}`,
  });
  box.addEventListener('change', () => {
    set(box.checked);
    if (opts.rebuild) ctx.rebuild();
    else ctx.changed();
  });
  const slot = register(ctx, field, label, box);
  const hint = opts.hint ? h('span', { class: 'hint', id: `${id}-hint` }, opts.hint) : null;
  if (hint) box.setAttribute('aria-describedby', `${id}-hint ${slot.id}`);
  else box.setAttribute('aria-describedby', slot.id);
  return h(
    'div',
    { class: 'field check-field' },
    h('label', { for: id, class: 'check' }, box, h('span', {}, label)),
    hint,
    slot,
  );
}

/** A fieldset with a legend. */
export function group(legend: string, ...children: (HTMLElement | null)[]): HTMLElement {
  return h('fieldset', { class: 'form-group' }, h('legend', {}, legend), ...children);
}

export function seconds(n: number): string {
  return tr('common.seconds', { n });
}
