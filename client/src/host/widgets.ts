// Small building blocks of the host screens: labelled fields, copy buttons, modal confirmations, toasts and a
// component that rebuilds when what it shows changes, keeping keyboard focus on the same control.
import type { Component } from '../ui/component.js';
import { h, mount, uid } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';

/** A labelled control with a hint and an error slot wired to aria-describedby. */
export function labelled(
  label: string,
  control: HTMLElement,
  opts: { hint?: string; error?: HTMLElement; id?: string } = {},
): HTMLElement {
  const id = opts.id ?? (control.id || uid('f'));
  control.id = id;
  const hintEl = opts.hint ? h('span', { class: 'hint', id: `${id}-hint` }, opts.hint) : null;
  const described = [hintEl ? `${id}-hint` : null, opts.error ? opts.error.id : null].filter(Boolean).join(' ');
  if (described) control.setAttribute('aria-describedby', described);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl, opts.error ?? null);
}

/** An error slot for a field; filled by the form's validation. */
export function errorSlot(field: string): HTMLElement {
  return h('div', { class: 'field-error', id: uid('err'), 'data-error-for': field, 'aria-live': 'polite' });
}

/** Copies text, with a fallback for pages served over plain http on a LAN (no clipboard API there). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const area = h('textarea', { 'aria-hidden': 'true', style: 'position:fixed;left:-9999px;top:0' });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** A read-only link with a copy button that says when it worked. */
export function linkRow(label: string, url: string, key: string): HTMLElement {
  const input = h('input', {
    type: 'text',
    readonly: true,
    value: url,
    class: 'link-input',
    'data-fkey': `${key}-input`,
    'data-testid': `${key}-url`,
  });
  input.addEventListener('focus', () => input.select());
  const status = h('span', { class: 'copy-status', role: 'status' });
  const button = h(
    'button',
    { type: 'button', class: 'small', 'data-fkey': `${key}-copy`, 'data-testid': `${key}-copy` },
    tr('common.copy'),
  );
  button.addEventListener('click', () => {
    void copyText(url).then((ok) => {
      status.textContent = ok ? `✓ ${tr('common.copied')}` : tr('host.copyFailed');
      setTimeout(() => (status.textContent = ''), 3000);
    });
  });
  const id = uid('link');
  input.id = id;
  return h(
    'div',
    { class: 'field link-row' },
    h('label', { for: id }, label),
    h('div', { class: 'row nowrap' }, input, button),
    status,
  );
}

export interface ConfirmOptions {
  title: string;
  body: string;
  confirm: string;
  danger?: boolean;
}

/** A dialog's title with a visible close button (✕) beside it; Escape does the same. */
export function dialogHead(titleId: string, title: string, close: () => void): HTMLElement {
  return h(
    'div',
    { class: 'dialog-head' },
    h('h2', { id: titleId }, title),
    h(
      'button',
      {
        type: 'button',
        class: 'small dialog-close',
        'aria-label': tr('common.close'),
        title: tr('common.close'),
        'data-testid': 'dialog-close',
        onclick: close,
      },
      '✕',
    ),
  );
}

/** A modal question (native <dialog>: focus trapped, Escape or ✕ cancels). Resolves true when confirmed. */
export function confirmDialog(opts: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const titleId = uid('dlg');
    const dialog = h('dialog', { class: 'host-dialog', 'aria-labelledby': titleId, 'data-testid': 'confirm-dialog' });
    const finish = (ok: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(ok);
    };
    mount(
      dialog,
      dialogHead(titleId, opts.title, () => finish(false)),
      h('p', { 'data-testid': 'confirm-body' }, opts.body),
      h(
        'div',
        { class: 'row dialog-actions' },
        h(
          'button',
          { type: 'button', onclick: () => finish(false), 'data-testid': 'confirm-cancel' },
          tr('common.cancel'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: opts.danger ? 'danger' : 'primary',
            onclick: () => finish(true),
            'data-testid': 'confirm-ok',
          },
          opts.confirm,
        ),
      ),
    );
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    // The safe answer has the focus (not the ✕, the first control).
    dialog.querySelector<HTMLElement>('[data-testid=confirm-cancel]')?.focus();
  });
}

let toastHost: HTMLElement | null = null;

/** A short confirmation or failure message at the corner of the screen (announced to screen readers). */
export function toast(kind: 'ok' | 'fail', text: string): void {
  if (!toastHost || !toastHost.isConnected) {
    toastHost = h('div', { class: 'host-toasts', role: 'status', 'aria-live': 'polite', 'data-testid': 'toasts' });
    document.body.append(toastHost);
  }
  const el = h(
    'div',
    { class: `host-toast host-toast-${kind}`, 'data-testid': `toast-${kind}` },
    kind === 'ok' ? '✓ ' : '✗ ',
    text,
  );
  toastHost.append(el);
  while (toastHost.childElementCount > 4) toastHost.firstElementChild?.remove();
  setTimeout(() => el.remove(), kind === 'ok' ? 4000 : 9000);
}

/** The part of the console an action's outcome is shown in: the card (component) that holds its control. */
export function feedbackHost(at: Element): Element {
  return at.closest('[data-feedback-host]') ?? at.parentElement ?? at;
}

/**
 * Shows the outcome of an action where it was taken: a status line at the foot of the card that holds the
 * control (kept when the card is rebuilt, cleared after a while).
 */
export function showFeedback(host: Element, kind: 'ok' | 'fail', text: string): void {
  let el = host.querySelector<HTMLElement>(':scope > .action-feedback');
  if (!el) {
    el = h('p', { class: 'action-feedback', role: 'status', 'aria-live': 'polite', 'data-testid': 'action-feedback' });
    host.append(el);
  }
  el.className = `action-feedback action-feedback-${kind}`;
  el.dataset['kind'] = kind;
  el.textContent = `${kind === 'ok' ? '✓' : '✗'} ${text}`;
  const shown = el;
  const stamp = String(Date.now());
  shown.dataset['stamp'] = stamp;
  setTimeout(
    () => {
      if (shown.dataset['stamp'] === stamp) shown.remove();
    },
    kind === 'ok' ? 6000 : 12000,
  );
}

/**
 * Replaces an element's children, giving focus back to the control with the same data-fkey afterwards and keeping
 * the scroll position of boxes with the same data-scroll-key.
 */
export function remount(el: HTMLElement, ...children: (Node | string | null | false | undefined)[]): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && el.contains(active) ? active.dataset['fkey'] : undefined;
  const feedback = el.querySelector(':scope > .action-feedback');
  const scrolled = [...el.querySelectorAll<HTMLElement>('[data-scroll-key]')].map(
    (x) => [x.dataset['scrollKey'], x.scrollTop] as const,
  );
  mount(el, ...children);
  if (feedback) el.append(feedback);
  for (const [k, top] of scrolled) {
    const again = k ? el.querySelector<HTMLElement>(`[data-scroll-key="${CSS.escape(k)}"]`) : null;
    if (again) again.scrollTop = top;
  }
  if (key) {
    const again = el.querySelector<HTMLElement>(`[data-fkey="${CSS.escape(key)}"]`);
    again?.focus();
  }
}

/**
 * A component rebuilt whenever `signature(ctx)` changes (what it shows), keeping keyboard focus on the same control;
 * untouched otherwise, so typed text and focus survive live updates that do not concern it.
 */
export function memo<C>(
  build: (ctx: C) => (Node | null)[] | Node | null,
  signature: (ctx: C) => string,
  attrs: Record<string, string> = {},
): Component<C> {
  const el = h('div', { ...attrs, 'data-feedback-host': '' });
  let last: string | null = null;
  return {
    el,
    update(ctx) {
      const sig = signature(ctx);
      if (sig === last) return;
      last = sig;
      const built = build(ctx);
      remount(el, ...(Array.isArray(built) ? built : [built]));
    },
  };
}
