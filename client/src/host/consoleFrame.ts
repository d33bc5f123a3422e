// The console once connected: header, banners (reconnecting, paused, ended), four tabs (game, reforms, join & links,
// debrief). The game tab opens on the live game: the phase strip and the worlds (map, offers and their terms, who has
// finished, who is away) fill the first screen at 1366x768; the cards below it (away, announcements, lobby, seats,
// end of game) are a scroll away, and the reforms, switched between rounds, have a tab of their own. Each part is a
// component that rebuilds only when what it shows changes, so focus and typed text survive live updates.
import type { Component } from '../ui/component.js';
import { h, mount } from '../ui/dom.js';
import { onLangChange, tr } from '../ui/i18n.js';
import { loadToken } from '../net/storage.js';
import { announcePanel } from './announcePanel.js';
import { consoleBanners, consoleHeader, consolePending } from './consoleChrome.js';
import { botRegionCount, currentStrategy } from './consoleModel.js';
import { endCard, lobbyCard, phaseStrip, type ConsoleCtx } from './controlsPanel.js';
import { debriefTab } from './debriefTab.js';
import { joinCard, linksCard, spacedCode } from './joinPanel.js';
import { reformsPanel } from './reformsPanel.js';
import { seatsCard } from './seatsPanel.js';
import { tabBar, type TabDef } from './tabs.js';
import { currentPhoneBase, loadNetwork } from './network.js';
import { memo } from './widgets.js';
import { liveWorldsPanel } from './liveWorlds.js';
import { awayCard } from './worldsPanel.js';

type TabId = 'game' | 'reforms' | 'join' | 'debrief';

const L = () => tr('app.title');
/** Changes every 30 s, so that "away for n minutes" stays true. */
const halfMinute = () => Math.floor(Date.now() / 30_000);
const sig = (...parts: unknown[]) => JSON.stringify([L(), ...parts]);

/** The game tab's cards (flow, lobby, worlds, who is away, announcements, seats, end of game) and the reforms. */
function gameComponents(ctx: ConsoleCtx, openReforms: () => void) {
  const slot = { class: 'slot' };
  return {
    // Its feedback floats below its buttons: the live worlds under it do not move.
    strip: memo<ConsoleCtx>(
      (c) => phaseStrip(c, openReforms),
      (c) => sig(c.view().phase, c.view().round, c.view().paused, c.view().students),
      { class: 'strip-slot' },
    ),
    lobbyJoin: memo<ConsoleCtx>(
      (c) => (c.view().phase === 'lobby' ? joinCard(c.code, { large: true }) : null),
      (c) => sig(c.view().phase === 'lobby', currentPhoneBase()),
      slot,
    ),
    lobby: memo<ConsoleCtx>(
      lobbyCard,
      (c) => {
        const v = c.view();
        return sig(v.locked, v.takeover, v.phase, botRegionCount(v), currentStrategy(v));
      },
      slot,
    ),
    worlds: liveWorldsPanel(ctx),
    away: memo<ConsoleCtx>(
      (c) => awayCard(c.view(), Date.now()),
      (c) => {
        const v = c.view();
        return sig(
          halfMinute(),
          v.takeover,
          v.students,
          v.seats.map((s) => [s.id, s.name, s.connected, s.kicked, s.awaySince, s.world, s.region]),
        );
      },
      slot,
    ),
    reforms: reformsPanel(ctx),
    announce: announcePanel(ctx),
    seats: memo<ConsoleCtx>(
      (c) => seatsCard(c, Date.now()),
      (c) => sig(halfMinute(), c.view().phase, c.view().seats, c.view().worldCount),
      slot,
    ),
    end: memo<ConsoleCtx>(endCard, (c) => sig(c.view().phase), slot),
  };
}

export function mountConsole(root: HTMLElement, ctx: ConsoleCtx): () => void {
  const store = ctx.client.store;
  const v = () => ctx.view();
  let tab: TabId = v().phase === 'ended' ? 'debrief' : 'game';

  const header = consoleHeader();
  const banners = consoleBanners();
  const pending = consolePending();
  const cards = gameComponents(ctx, () => bar.select('reforms', true));
  const game: Component<ConsoleCtx>[] = Object.values(cards);
  const gamePanel = h(
    'div',
    { class: 'stack game-tab' },
    cards.strip.el,
    cards.lobbyJoin.el,
    cards.worlds.el,
    h('div', { class: 'host-grid' }, cards.away.el, h('div', { class: 'slot' }, cards.announce.el), cards.lobby.el),
    cards.seats.el,
    cards.end.el,
  );
  const reformsPanel = h('div', { class: 'stack reforms-tab' }, cards.reforms.el);

  // Join & links tab
  const joinTab = memo(
    (c: ConsoleCtx) => [joinCard(c.code, { large: true }), linksCard(c.code, c.token, loadToken('projector', c.code))],
    () => sig(currentPhoneBase()),
    { class: 'host-grid join-tab' },
  );

  // Debrief tab
  const debrief = debriefTab(ctx.client, ctx.code, ctx.token);

  const tabs: TabDef<TabId>[] = [
    { id: 'game', label: () => tr('host.tab.game'), panel: gamePanel },
    { id: 'reforms', label: () => tr('host.tab.reforms'), panel: reformsPanel },
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
    for (const c of [header, banners, pending, ...game, joinTab]) c.update(ctx);
    bar.update();
  };
  const unsubscribe = store.subscribe(update);
  loadNetwork(update);
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
    cards.worlds.destroy?.();
  };
}
