// "How to play": the briefing in a dialog over the game, opened from the header.
import type { Component } from '../ui/component.js';
import { h, mount } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { briefingCard } from './briefing.js';
import type { StudentCtx } from './context.js';

export interface HelpDialog extends Component<StudentCtx> {
  toggle(): void;
}

export function helpDialog(redraw: () => void): HelpDialog {
  const el = h('div', {});
  let open = false;
  const close = () => {
    open = false;
    redraw();
  };
  return {
    el,
    toggle() {
      open = !open;
      redraw();
    },
    update(ctx) {
      if (!open) return mount(el);
      mount(
        el,
        h(
          'div',
          { class: 'overlay', role: 'dialog', 'aria-modal': 'true', 'aria-label': tr('student.help') },
          h(
            'div',
            { class: 'overlay-card stack' },
            briefingCard(ctx),
            h('button', { type: 'button', class: 'primary', onclick: close }, tr('common.close')),
          ),
        ),
      );
    },
  };
}
