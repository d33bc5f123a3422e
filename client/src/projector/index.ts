// Projector (/projector/:code#token): the big screen for the room. Public data only. A full-screen stage keyed by
// phase: the lobby (code, QR, names), the briefing (rules in force, or a "New rules" card), negotiate/decide (map
// and who is done), results revealed in steps (with the promotion ceremony), the podium at the end; a banner (not a
// curtain) while paused; a clear screen when the link lacks its token.
import './texts.js';
import './projector.css';
import { takeTokenFromHash } from '../net/storage.js';
import { SessionClient } from '../state/session.js';
import type { GameState } from '../state/store.js';
import { keyed, type Component } from '../ui/component.js';
import { h, mount } from '../ui/dom.js';
import { lang, onLangChange, tr } from '../ui/i18n.js';
import { langSwitch } from '../ui/langSwitch.js';
import { connectionBanner, fatalScreen, pausedBanner, statusScreen } from '../ui/status.js';
import { WORLD_TURN_MS, worldsTakeTurns, type ProjectorCtx } from './context.js';
import { endedStage } from './ended.js';
import { lobbyStage } from './lobby.js';
import { playStage } from './play.js';
import { resultsStage } from './results.js';
import { briefingStage } from './rules.js';
import { tokenScreen } from './tokenScreen.js';

const ANNOUNCEMENT_MS = 3 * 60_000;

type StageKind = 'lobby' | 'briefing' | 'play' | 'results' | 'ended';

function stageKind(ctx: ProjectorCtx): StageKind {
  const phase = ctx.view.phase;
  if (phase === 'lobby' || ctx.view.worlds.length === 0) return 'lobby';
  if (phase === 'negotiate' || phase === 'decide') return 'play';
  return phase;
}

/**
 * A new layout for every phase, round, language and world on show; patched in between. Negotiate and decide share
 * the play stage, so that decide's first frame does not wait for a new map (a WebGL board) to be built.
 */
function stageKey(ctx: ProjectorCtx): string {
  const kind = stageKind(ctx);
  const phase = kind === 'play' ? 'play' : ctx.view.phase;
  return [lang(), kind, phase, kind === 'lobby' ? 0 : ctx.view.round, kind === 'lobby' ? 0 : ctx.world].join(':');
}

function buildStage(ctx: ProjectorCtx): Component<ProjectorCtx> {
  const kind = stageKind(ctx);
  if (kind === 'lobby') return lobbyStage(ctx);
  if (kind === 'briefing') return briefingStage(ctx);
  if (kind === 'results') return resultsStage(ctx);
  if (kind === 'ended') return endedStage(ctx);
  return playStage(ctx);
}

/** The latest announcement, until the host clears it (the view keeps the last few). */
function announcement(ctx: ProjectorCtx): HTMLElement | null {
  const a = ctx.view.announcements[ctx.view.announcements.length - 1];
  // Shown for a while, not forever: the room has read it by then.
  if (!a || Date.now() + ctx.state.clockOffset - Date.parse(a.at) > ANNOUNCEMENT_MS) return null;
  return h(
    'div',
    { class: 'projector-announcement', role: 'status', 'data-testid': 'projector-announcement' },
    `» ${a.text}`,
  );
}

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
  const stage = keyed<ProjectorCtx>(stageKey, buildStage, h('div', { class: 'stage-host' }));
  const frame = h('div', { class: 'projector-frame' }, top, stage.el);
  let world = 0;
  let lastCycle = Date.now();

  const ctxOf = (state: GameState): ProjectorCtx | null => {
    const view = state.view;
    if (!view) return null;
    // A world's turn starts again when the turns resume (after the results, or a pause).
    if (!worldsTakeTurns(view)) lastCycle = Date.now();
    else if (Date.now() - lastCycle > WORLD_TURN_MS) {
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
    mount(top, header(ctx), connectionBanner(s), pausedBanner(s), announcement(ctx));
    stage.update(ctx);
  };
  document.documentElement.classList.add('projector-root');
  client.store.subscribe(render);
  onLangChange(render);
  setInterval(render, 5000);
  render();
}
