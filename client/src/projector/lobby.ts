// The lobby on the big screen: join code, QR code and link, and how many have joined.
import type { Component } from '../ui/component.js';
import { h, mount } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { qrElement } from '../ui/qr.js';
import type { ProjectorCtx } from './context.js';

export function lobbyStage(ctx: ProjectorCtx): Component<ProjectorCtx> {
  const joinUrl = `${location.origin}/join/${ctx.view.code}`;
  const joined = h('p', { 'data-testid': 'joined' });
  const el = h(
    'main',
    { class: 'projector-lobby card join-big', 'data-testid': 'projector-lobby' },
    h('h1', {}, tr('projector.join')),
    h('div', { class: 'code', 'data-testid': 'join-code' }, ctx.view.code),
    qrElement(joinUrl, tr('projector.qrLabel', { url: joinUrl })),
    h('p', { class: 'join-url' }, joinUrl),
    joined,
  );
  const update = (c: ProjectorCtx) => mount(joined, tr('projector.joined', { n: c.view.students.total }));
  update(ctx);
  return { el, update };
}
