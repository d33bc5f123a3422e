// The console's frame around the tabs: the header (code, title, phase, timer, connection, language), the banners
// (reconnecting, paused with a resume button, ended) and the list of commands on their way.
import type { GameState } from '../state/store.js';
import type { Component } from '../ui/component.js';
import { h } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { langSwitch } from '../ui/langSwitch.js';
import { connectionBanner, pendingList } from '../ui/status.js';
import { timerElement } from '../ui/timer.js';
import { controlOf, runCommand } from './commands.js';
import type { ConsoleCtx } from './controlsPanel.js';
import { spacedCode } from './joinPanel.js';
import { memo } from './widgets.js';

const lang = () => tr('app.title');

function connBadge(state: GameState): HTMLElement {
  const label = {
    connecting: tr('status.connecting'),
    online: tr('status.online'),
    reconnecting: tr('status.reconnecting'),
    closed: tr('status.offline'),
  }[state.status];
  return h(
    'span',
    { class: `conn ${state.status}`, 'data-testid': 'conn', 'data-status': state.status },
    h('span', { class: 'dot', 'aria-hidden': 'true' }),
    h('span', {}, label),
  );
}

export function consoleHeader(): Component<ConsoleCtx> {
  return memo(
    (ctx) => {
      const s = ctx.client.store.get();
      const view = ctx.view();
      const running = view.phase !== 'lobby' && view.phase !== 'ended';
      return h(
        'header',
        { class: 'app-header host-header' },
        h('span', { class: 'brand' }, tr('app.title')),
        h('span', { class: 'host-badge' }, tr('term.instructor')),
        h('span', { class: 'header-code', 'data-testid': 'header-code' }, spacedCode(ctx.code)),
        view.title ? h('span', { class: 'header-title' }, view.title) : null,
        h(
          'span',
          { class: 'phase' },
          view.round > 0 ? `${tr('common.round', { round: view.round, rounds: view.config.rounds })} · ` : '',
          tr(`phase.${view.phase}`),
        ),
        running ? timerElement(ctx.client.store) : null,
        h('span', { class: 'spacer' }),
        connBadge(s),
        langSwitch(),
      );
    },
    (ctx) => {
      const v = ctx.view();
      return JSON.stringify([lang(), ctx.client.store.get().status, v.phase, v.round, v.paused, v.title]);
    },
    { class: 'slot' },
  );
}

export function consoleBanners(): Component<ConsoleCtx> {
  return memo(
    (ctx) => {
      const view = ctx.view();
      return [
        connectionBanner(ctx.client.store.get()),
        view.paused
          ? h(
              'div',
              { class: 'banner banner-warn', role: 'status', 'data-testid': 'paused-banner' },
              '❚❚ ',
              tr('host.flow.pausedBanner'),
              h(
                'button',
                {
                  type: 'button',
                  class: 'small primary',
                  'data-fkey': 'banner-resume',
                  onclick: (e: Event) =>
                    void runCommand(ctx.client, 'host:resume', {}, tr('host.flow.resume'), controlOf(e)),
                },
                tr('host.flow.resume'),
              ),
            )
          : null,
        view.phase === 'ended'
          ? h(
              'div',
              { class: 'banner banner-info', role: 'status', 'data-testid': 'ended-banner' },
              tr('host.endedBanner'),
            )
          : null,
      ];
    },
    (ctx) => {
      const v = ctx.view();
      return JSON.stringify([lang(), ctx.client.store.get().status, v.paused, v.phase]);
    },
    { class: 'slot' },
  );
}

/** Commands on their way to the server (the outcome of each is confirmed by a toast). */
export function consolePending(): Component<ConsoleCtx> {
  const waiting = (ctx: ConsoleCtx) => ctx.client.store.get().pending.filter((p) => p.state === 'pending');
  return memo(
    (ctx) => pendingList({ ...ctx.client.store.get(), pending: waiting(ctx) }),
    (ctx) => JSON.stringify([lang(), waiting(ctx).map((p) => p.id)]),
    { class: 'slot' },
  );
}
