// The console once connected: header, banners (reconnecting, paused, ended), three tabs (game, join & links,
// debrief). Each part rebuilds only when what it shows changes, so focus and typed text survive live updates.
import type { GameState } from '../state/store.js';
import { h, mount } from '../ui/dom.js';
import { onLangChange, tr } from '../ui/i18n.js';
import { langSwitch } from '../ui/langSwitch.js';
import { connectionBanner, pendingList } from '../ui/status.js';
import { timerElement } from '../ui/timer.js';
import { loadToken } from '../net/storage.js';
import { announcePanel } from './announcePanel.js';
import { botRegionCount, currentStrategy } from './consoleModel.js';
import { endCard, lobbyCard, phaseStrip, type ConsoleCtx } from './controlsPanel.js';
import { debriefTab } from './debriefTab.js';
import { joinCard, linksCard, spacedCode } from './joinPanel.js';
import { reformsPanel } from './reformsPanel.js';
import { seatsCard } from './seatsPanel.js';
import { tabBar, type TabDef } from './tabs.js';
import { runCommand } from './commands.js';
import { section } from './widgets.js';
import { awayCard, worldsCard } from './worldsPanel.js';

type TabId = 'game' | 'join' | 'debrief';

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

export function mountConsole(root: HTMLElement, ctx: ConsoleCtx): () => void {
  const store = ctx.client.store;
  const v = () => ctx.view();
  const minute = () => Math.floor(Date.now() / 30_000);
  const L = () => tr('app.title');
  let tab: TabId = v().phase === 'ended' ? 'debrief' : 'game';

  const header = section(
    () => {
      const s = store.get();
      const view = v();
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
        running ? timerElement(store) : null,
        h('span', { class: 'spacer' }),
        connBadge(s),
        langSwitch(),
      );
    },
    () => JSON.stringify([L(), store.get().status, v().phase, v().round, v().paused, v().title]),
    { class: 'slot' },
  );

  const banners = section(
    () => {
      const s = store.get();
      const view = v();
      return [
        connectionBanner(s),
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
                  onclick: () => void runCommand(ctx.client, 'host:resume', {}, tr('host.flow.resume')),
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
    () => JSON.stringify([L(), store.get().status, v().paused, v().phase]),
    { class: 'slot' },
  );

  const pending = section(
    () => {
      const s = store.get();
      return pendingList({ ...s, pending: s.pending.filter((p) => p.state === 'pending') });
    },
    () =>
      JSON.stringify([
        L(),
        store
          .get()
          .pending.filter((p) => p.state === 'pending')
          .map((p) => p.id),
      ]),
    { class: 'slot' },
  );

  // Game tab
  const strip = section(
    () => phaseStrip(ctx),
    () => JSON.stringify([L(), v().phase, v().round, v().paused, v().students]),
    { class: 'slot' },
  );
  const lobbyJoin = section(
    () => (v().phase === 'lobby' ? joinCard(ctx.code, { large: true }) : null),
    () => JSON.stringify([L(), v().phase === 'lobby']),
    { class: 'slot' },
  );
  const lobby = section(
    () => lobbyCard(ctx),
    () => JSON.stringify([L(), v().locked, v().takeover, v().phase, botRegionCount(v()), currentStrategy(v())]),
    { class: 'slot' },
  );
  const worlds = section(
    () => worldsCard(v()),
    () => JSON.stringify([L(), v().phase, v().worldInfo, v().regions, v().decided]),
    { class: 'slot' },
  );
  const away = section(
    () => awayCard(v(), Date.now()),
    () =>
      JSON.stringify([
        L(),
        minute(),
        v().takeover,
        v().students,
        v().seats.map((s) => [s.id, s.name, s.connected, s.kicked, s.awaySince, s.world, s.region]),
      ]),
    { class: 'slot' },
  );
  const seats = section(
    () => seatsCard(ctx, Date.now()),
    () => JSON.stringify([L(), minute(), v().phase, v().seats, v().worldCount]),
    { class: 'slot' },
  );
  const end = section(
    () => endCard(ctx),
    () => JSON.stringify([L(), v().phase]),
    { class: 'slot' },
  );
  const reforms = reformsPanel(ctx);
  const announce = announcePanel(ctx);
  const gamePanel = h(
    'div',
    { class: 'stack' },
    strip.el,
    h(
      'div',
      { class: 'host-grid' },
      lobbyJoin.el,
      lobby.el,
      worlds.el,
      away.el,
      reforms.el,
      h('div', { class: 'slot' }, announce.el),
    ),
    seats.el,
    end.el,
  );

  // Join & links tab
  const joinTab = section(
    () => [joinCard(ctx.code, { large: true }), linksCard(ctx.code, ctx.token, loadToken('projector', ctx.code))],
    () => L(),
    { class: 'host-grid join-tab' },
  );

  // Debrief tab
  const debrief = debriefTab(ctx.client, ctx.code, ctx.token);

  const tabs: TabDef<TabId>[] = [
    { id: 'game', label: () => tr('host.tab.game'), panel: gamePanel },
    { id: 'join', label: () => tr('host.tab.join'), panel: joinTab.el },
    { id: 'debrief', label: () => tr('host.tab.debrief'), panel: debrief.el },
  ];
  const bar = tabBar(
    tabs,
    () => tab,
    (id) => {
      tab = id;
      if (id === 'debrief') debrief.show();
    },
  );

  const title = h('h1', { class: 'visually-hidden' });
  mount(
    root,
    h('div', { class: 'host-top' }, header.el, banners.el),
    h('main', { class: 'host', id: 'host-main' }, title, bar.el, ...tabs.map((t) => t.panel)),
    pending.el,
  );

  let lastPhase = v().phase;
  const update = () => {
    if (!store.get().view) return;
    const phase = v().phase;
    if (phase === 'ended' && lastPhase !== 'ended') bar.select('debrief');
    lastPhase = phase;
    document.title = `${spacedCode(ctx.code)} · ${tr('term.instructor')} · ${tr('app.title')}`;
    title.textContent = tr('host.consoleTitle', { code: spacedCode(ctx.code) });
    for (const s of [header, banners, pending, strip, lobbyJoin, lobby, worlds, away, seats, end, joinTab]) s.update();
    reforms.update();
    announce.update();
    bar.update();
  };
  const unsubscribe = store.subscribe(update);
  const unLang = onLangChange(() => {
    debrief.relabel();
    update();
  });
  const tick = setInterval(update, 20_000);
  update();
  bar.select(tab);
  return () => {
    unsubscribe();
    unLang();
    clearInterval(tick);
    debrief.destroy();
  };
}
