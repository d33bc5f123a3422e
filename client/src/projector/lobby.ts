// The lobby on the big screen: join code, QR code and link, and the names of students as they join (newest first,
// each sliding in; beyond the names that fit, a count of the others).
import type { Component } from '../ui/component.js';
import { h, mount } from '../ui/dom.js';
import { tr, trCount } from '../ui/i18n.js';
import { qrElement } from '../ui/qr.js';
import type { ProjectorCtx } from './context.js';

/** Names shown at most; the rest are counted ("and 12 more"). */
export const NAMES_SHOWN = 40;

export function lobbyStage(ctx: ProjectorCtx): Component<ProjectorCtx> {
  const joinUrl = `${location.origin}/join/${ctx.view.code}`;
  const joined = h('p', { class: 'joined-count', 'data-testid': 'joined', role: 'status' });
  const names = h('ul', { class: 'joined-names', 'data-testid': 'joined-names' });
  const more = h('p', { class: 'joined-more', 'data-testid': 'joined-more' });
  const seen = new Set<string>();
  const el = h(
    'main',
    { class: 'stage stage-lobby', 'data-testid': 'projector-lobby' },
    h(
      'div',
      { class: 'lobby-join join-big' },
      h('h1', {}, tr('projector.join')),
      h('div', { class: 'code', 'data-testid': 'join-code' }, ctx.view.code),
      qrElement(joinUrl, tr('projector.qrLabel', { url: joinUrl })),
      h('p', { class: 'join-url' }, joinUrl),
    ),
    h('div', { class: 'lobby-names' }, joined, names, more),
  );
  const update = (c: ProjectorCtx) => {
    mount(joined, trCount('projector.joinedN', c.view.students.total));
    // Newest first: seats arrive in joining order.
    const list = [...c.view.seats].reverse();
    mount(
      names,
      list.slice(0, NAMES_SHOWN).map((s) => {
        const fresh = !seen.has(s.id);
        seen.add(s.id);
        return h('li', { class: fresh ? 'name-in' : '' }, s.name);
      }),
    );
    const rest = list.length - NAMES_SHOWN;
    mount(more, rest > 0 ? trCount('projector.andMore', rest) : '');
  };
  update(ctx);
  return { el, update };
}
