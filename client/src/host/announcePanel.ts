// Announcements to every screen (1-280 characters), with the latest ones listed and a button that clears them from
// every screen. The text being typed survives live updates: only the list is rebuilt.
import type { Component } from '../ui/component.js';
import { h, mount, uid } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { runCommand } from './commands.js';
import type { ConsoleCtx } from './controlsPanel.js';

export const MAX_ANNOUNCEMENT = 280;

export function announcePanel(ctx: ConsoleCtx): Component<ConsoleCtx> {
  const id = uid('announce');
  const area = h('textarea', {
    id,
    rows: 2,
    maxlength: MAX_ANNOUNCEMENT,
    'aria-describedby': `${id}-count`,
    'data-testid': 'announce-text',
  });
  const count = h('span', { class: 'hint', id: `${id}-count` });
  const send = h('button', { type: 'submit', class: 'primary', 'data-testid': 'announce-send' });
  const list = h('ol', { class: 'announcements', reversed: true });
  const label = h('label', { for: id });
  const heading = h('h2', { id: `${id}-h` });
  const clearHint = h('span', { class: 'hint', id: `${id}-clear-hint` });
  const clear = h('button', {
    type: 'button',
    'aria-describedby': `${id}-clear-hint`,
    'data-testid': 'announce-clear',
  });
  clear.addEventListener('click', () => {
    if (busy) return;
    busy = true;
    clear.disabled = true;
    void runCommand(
      ctx.client,
      'host:clearAnnouncements',
      {},
      tr('host.announce.clear'),
      clear,
      tr('host.announce.cleared'),
    ).then(() => {
      busy = false;
      lastSig = '';
      update();
    });
  });
  const clearRow = h('div', { class: 'row' }, clear, clearHint);
  let busy = false;
  let lastSig = '';

  const paint = () => {
    const n = [...area.value.trim()].length;
    count.textContent = tr('host.announce.count', { n, max: MAX_ANNOUNCEMENT });
    send.disabled = busy || n === 0 || n > MAX_ANNOUNCEMENT;
  };
  area.addEventListener('input', paint);
  const form = h(
    'form',
    { class: 'stack', 'aria-labelledby': `${id}-h` },
    label,
    area,
    h('div', { class: 'row' }, send, count),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = area.value.trim();
    if (text.length === 0 || busy) return;
    busy = true;
    paint();
    void runCommand(ctx.client, 'host:announce', { text }, tr('host.announce.send'), form).then((ok) => {
      busy = false;
      if (ok) area.value = '';
      paint();
    });
  });
  const el = h(
    'section',
    { class: 'card stack', 'data-testid': 'announce-card', 'data-feedback-host': '' },
    heading,
    form,
    list,
    clearRow,
  );

  const update = () => {
    const v = ctx.view();
    const sig = JSON.stringify([v.announcements.map((a) => a.seq), tr('host.announce.heading')]);
    if (sig === lastSig) return;
    lastSig = sig;
    heading.textContent = tr('host.announce.heading');
    label.textContent = tr('host.announce.label');
    send.textContent = tr('host.announce.send');
    clear.textContent = tr('host.announce.clear');
    clearHint.textContent = tr('host.announce.clearHint');
    clearRow.hidden = v.announcements.length === 0;
    clear.disabled = busy;
    mount(
      list,
      [...v.announcements]
        .reverse()
        .map((a) =>
          h(
            'li',
            { class: 'announcement' },
            h(
              'time',
              { datetime: a.at, class: 'hint' },
              new Date(a.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }),
            ),
            ' ',
            a.text,
          ),
        ),
    );
    if (v.announcements.length === 0) mount(list, h('li', { class: 'hint none' }, tr('host.announce.none')));
    paint();
  };
  return { el, update };
}
