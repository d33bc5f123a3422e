// Projector (/projector/:code#token): the big screen for the room. Public data only: the join code and QR while
// the lobby is open, the map, the timer, decided counts, the leaderboard under the rule in force beside total
// output, and the results reveal.
import { mapById } from '../../../shared/model/config.js';
import { createBoard, type Board } from '../board/board.js';
import type { BoardTexts } from '../board/BoardScene.js';
import { buildBoardModel } from '../board/model.js';
import { takeTokenFromHash } from '../net/storage.js';
import { SessionClient } from '../state/session.js';
import { h, mount } from '../ui/dom.js';
import { num, onLangChange, pct, tr } from '../ui/i18n.js';
import { langSwitch } from '../ui/langSwitch.js';
import { qrElement } from '../ui/qr.js';
import { connectionBanner, fatalScreen, pausedOverlay, statusScreen } from '../ui/status.js';
import { timerElement } from '../ui/timer.js';
import { regionName } from '../ui/names.js';
import { leaderboard } from './leaderboard.js';

const CYCLE_MS = 20_000;

function texts(): BoardTexts {
  return {
    you: '',
    bot: tr('common.bot'),
    rank: (n) => tr('student.board.rank', { n }),
    output: (g) => num(g, 1),
    growth: (g) => pct(g),
    linkLabel: (s) => (s ? tr(`student.link.${s}`) : ''),
    shock: (e) => tr(`student.shock.${e < 0 ? 'miss' : e > 0 ? 'beat' : 'meet'}`),
    inspected: tr('term.inspection'),
    submitted: tr('student.board.decided'),
  };
}

export function startProjector(root: HTMLElement, code: string): void {
  const token = takeTokenFromHash('projector', code);
  const client = new SessionClient(code, token);
  const top = h('div', {});
  const body = h('div', {});
  const boardWrap = h('div', { class: 'board-wrap', 'data-testid': 'board' });
  const side = h('div', { class: 'stack' });
  const overlays = h('div', {});
  const frame = h('div', {}, top, body, overlays);
  let board: Board | null = null;
  let loading = false;
  let worldIndex = 0;
  let lastCycle = Date.now();
  let layout: 'none' | 'lobby' | 'game' = 'none';

  const render = () => {
    const s = client.store.get();
    if (s.fatal) return mount(root, fatalScreen(s.fatal));
    const v = s.view;
    if (!v) return mount(root, statusScreen('connecting'));
    // The connecting screen replaced the projector's frame: put it back once the first view arrives.
    if (!frame.isConnected) mount(root, frame);
    if (v.worldCount > 1 && Date.now() - lastCycle > CYCLE_MS) {
      worldIndex = (worldIndex + 1) % Math.max(1, v.worlds.length);
      lastCycle = Date.now();
    }
    const world = v.worlds[worldIndex] ?? v.worlds[0];
    mount(
      top,
      h(
        'header',
        { class: 'app-header' },
        h('span', { class: 'brand' }, tr('app.title')),
        v.round > 0 ? h('span', {}, tr('common.round', { round: v.round, rounds: v.config.rounds })) : null,
        h('span', { class: 'phase', 'data-testid': 'phase', 'data-phase': v.phase }, tr(`phase.${v.phase}`)),
        h('span', { class: 'spacer' }),
        h('span', {}, `${tr('term.joinCode')}: `, h('strong', {}, v.code)),
        langSwitch(),
      ),
      connectionBanner(s),
    );
    mount(overlays, pausedOverlay(s));
    if (v.phase === 'lobby' || !world) {
      layout = 'lobby';
      const joinUrl = `${location.origin}/join/${v.code}`;
      mount(
        body,
        h(
          'main',
          { class: 'projector-lobby card join-big', 'data-testid': 'projector-lobby' },
          h('h1', {}, tr('projector.join')),
          h('div', { class: 'code', 'data-testid': 'join-code' }, v.code),
          qrElement(joinUrl, tr('projector.qrLabel', { url: joinUrl })),
          h('p', { class: 'join-url' }, joinUrl),
          h('p', { 'data-testid': 'joined' }, tr('projector.joined', { n: v.students.total })),
        ),
      );
      return;
    }
    if (layout !== 'game') {
      layout = 'game';
      mount(body, h('main', { class: 'projector' }, h('div', {}, boardWrap), side));
    }
    const decided = v.decided.find((d) => d.world === world.index);
    mount(
      side,
      v.phase !== 'ended' ? timerElement(client.store, true) : null,
      v.worldCount > 1
        ? h(
            'div',
            { class: 'tabs', role: 'tablist' },
            v.worlds.map((w, k) =>
              h(
                'button',
                {
                  type: 'button',
                  role: 'tab',
                  'aria-selected': k === worldIndex ? 'true' : 'false',
                  onclick: () => {
                    worldIndex = k;
                    lastCycle = Date.now();
                    render();
                  },
                },
                tr('common.world', { world: w.index + 1 }),
              ),
            ),
          )
        : null,
      h(
        'p',
        { class: 'hint' },
        (v.worldInfo[world.index]?.treatments ?? []).map((t) => tr(`reform.${t}`)).join(' · ') || tr('reform.baseline'),
      ),
      decided && (v.phase === 'decide' || v.phase === 'negotiate')
        ? h(
            'p',
            { class: 'decided', 'data-testid': 'decided' },
            tr('projector.decided', { n: decided.submitted, of: decided.of }),
          )
        : null,
      leaderboard(v, world, s.history.get(world.index) ?? []),
      v.announcements.length > 0
        ? h('p', { class: 'announcement' }, v.announcements[v.announcements.length - 1]?.text ?? '')
        : null,
    );
    const map = mapById(v.config, world.mapId);
    const model = buildBoardModel(v, world, s.history.get(world.index) ?? [], (id) => regionName(map, id), null);
    if (board) board.update(model, texts());
    else if (!loading) {
      loading = true;
      void createBoard(boardWrap, { onRegion: () => undefined }).then((b) => {
        board = b;
        render();
      });
    }
  };
  mount(root, frame);
  client.store.subscribe(render);
  onLangChange(() => {
    layout = 'none';
    render();
  });
  setInterval(render, 5000);
  render();
}
