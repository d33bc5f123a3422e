// Projector (/projector/:code#token): the big screen for the room. Public data only. A stage keyed by phase: the
// lobby with the join code, then the game; a banner (not a curtain) while paused; a clear screen when the link
// lacks its token.
import { takeTokenFromHash } from '../net/storage.js';
import { SessionClient } from '../state/session.js';
import type { GameState } from '../state/store.js';
import { keyed } from '../ui/component.js';
import { h, mount } from '../ui/dom.js';
import { lang, onLangChange, tr } from '../ui/i18n.js';
import { langSwitch } from '../ui/langSwitch.js';
import { connectionBanner, fatalScreen, pausedBanner, statusScreen } from '../ui/status.js';
import type { ProjectorCtx } from './context.js';
import { lobbyStage } from './lobby.js';
import { playStage } from './play.js';
import { tokenScreen } from './tokenScreen.js';

const CYCLE_MS = 20_000;

function header(ctx: ProjectorCtx): HTMLElement {
  const v = ctx.view;
  return h(
    'header',
    { class: 'app-header' },
    h('span', { class: 'brand' }, tr('app.title')),
    v.round > 0 ? h('span', {}, tr('common.round', { round: v.round, rounds: v.config.rounds })) : null,
    h('span', { class: 'phase', 'data-testid': 'phase', 'data-phase': v.phase }, tr(`phase.${v.phase}`)),
    h('span', { class: 'spacer' }),
    h('span', {}, `${tr('term.joinCode')}: `, h('strong', {}, v.code)),
    langSwitch(),
  );
}

export function startProjector(root: HTMLElement, code: string): void {
  const token = takeTokenFromHash('projector', code);
  if (!token) {
    const show = () => mount(root, tokenScreen(code, 'missing'));
    onLangChange(show);
    show();
    return;
  }
  const client = new SessionClient(code, token);
  const top = h('div', {});
  const stage = keyed<ProjectorCtx>(
    (c) => `${lang()}:${c.view.phase === 'lobby' || c.view.worlds.length === 0 ? 'lobby' : 'game'}`,
    (c) => (c.view.phase === 'lobby' || c.view.worlds.length === 0 ? lobbyStage(c) : playStage(c)),
  );
  const frame = h('div', {}, top, stage.el);
  let world = 0;
  let lastCycle = Date.now();

  const ctxOf = (state: GameState): ProjectorCtx | null => {
    const view = state.view;
    if (!view) return null;
    if (view.worldCount > 1 && Date.now() - lastCycle > CYCLE_MS) {
      world = (world + 1) % Math.max(1, view.worlds.length);
      lastCycle = Date.now();
    }
    return {
      state,
      view,
      store: client.store,
      world,
      showWorld: (k) => {
        world = k;
        lastCycle = Date.now();
        render();
      },
    };
  };

  const render = () => {
    const s = client.store.get();
    if (s.fatal === 'UNAUTHORIZED') return mount(root, tokenScreen(code, 'wrong'));
    if (s.fatal) return mount(root, fatalScreen(s.fatal));
    const ctx = ctxOf(s);
    if (!ctx) return mount(root, statusScreen('connecting'));
    // The connecting screen replaced the projector's frame: put it back once the first view arrives.
    if (!frame.isConnected) mount(root, frame);
    mount(top, header(ctx), connectionBanner(s), pausedBanner(s));
    stage.update(ctx);
  };
  client.store.subscribe(render);
  onLangChange(render);
  setInterval(render, 5000);
  render();
}
