// "How to play": the briefing in a dialog over the game, opened from the header. Its text scrolls inside the
// dialog so that Close stays on screen on a phone; Escape and a tap outside close it too.
import type { Component } from '../ui/component.js';
import { h, mount, uid } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { briefingCard } from './briefing.js';
import type { StudentCtx } from './context.js';

export interface HelpDialog extends Component<StudentCtx> {
  toggle(): void;
}

export function helpDialog(redraw: () => void): HelpDialog {
  const el = h('div', {});
  let open = false;
  let justOpened = false;
  const setOpen = (next: boolean) => {
    open = next;
    justOpened = next;
    redraw();
  };
  const onKey = (e: KeyboardEvent) => {
    if (open && e.key === 'Escape') setOpen(false);
  };
  document.addEventListener('keydown', onKey);
  return {
    el,
    toggle: () => setOpen(!open),
    update(ctx) {
      if (!open) return mount(el);
      const titleId = uid('help');
      const close = h(
        'button',
        { type: 'button', class: 'primary', 'data-testid': 'help-close', onclick: () => setOpen(false) },
        tr('common.close'),
      );
      const overlay = h(
        'div',
        { class: 'overlay', 'data-testid': 'help-overlay' },
        h(
          'div',
          { class: 'overlay-card help-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId },
          h('h2', { id: titleId, class: 'help-title' }, tr('student.help')),
          // Focusable, so that keyboard users can scroll it too.
          h('div', { class: 'help-body', 'data-testid': 'help-body', tabindex: 0 }, briefingCard(ctx)),
          h('div', { class: 'help-foot' }, close),
        ),
      );
      // A tap on the dimmed backdrop (not inside the card) closes the dialog.
      overlay.addEventListener('click', (e) => {
        if (e.target === overlay) setOpen(false);
      });
      mount(el, overlay);
      if (justOpened) close.focus();
      justOpened = false;
    },
    destroy: () => document.removeEventListener('keydown', onKey),
  };
}
