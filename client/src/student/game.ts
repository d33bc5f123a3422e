// The student's game screen: header, banners, the map board and the panel of the current phase. Panels are
// rebuilt when the phase or round changes and patched otherwise, so a half-filled form survives live updates.
import { createBoard, type Board } from '../board/board.js';
import type { BoardTexts } from '../board/BoardScene.js';
import { buildBoardModel } from '../board/model.js';
import type { SessionClient } from '../state/session.js';
import { h, mount } from '../ui/dom.js';
import { num, onLangChange, pct, tr } from '../ui/i18n.js';
import { connectionBanner, pausedOverlay, pendingList } from '../ui/status.js';
import { briefingCard } from './briefing.js';
import { studentCtx, type StudentCtx } from './context.js';
import { decidePanel } from './decide.js';
import { studentHeader } from './header.js';
import { regionName } from '../ui/names.js';
import { negotiatePanel, type NegotiatePanel } from './negotiate.js';
import { resultsPanel } from './results.js';

interface Panel {
  el: HTMLElement;
  update(ctx: StudentCtx): void;
}

function boardTexts(): BoardTexts {
  return {
    you: tr('common.you'),
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

export function mountGame(root: HTMLElement, client: SessionClient): () => void {
  const header = h('div', {});
  const banners = h('div', {});
  const boardWrap = h('div', { class: 'board-wrap', 'data-testid': 'board' });
  const legend = h('div', { class: 'board-legend', 'aria-hidden': 'true' });
  const panelSlot = h('div', { class: 'panel', 'data-testid': 'panel' });
  const overlays = h('div', {});
  mount(
    root,
    h(
      'div',
      {},
      header,
      banners,
      h('main', { class: 'game' }, h('div', { class: 'board-col' }, boardWrap, legend), panelSlot),
      overlays,
    ),
  );

  let board: Board | null = null;
  let boardLoading = false;
  let panel: Panel | null = null;
  let panelKey = '';
  let showHelp = false;

  const panelFor = (ctx: StudentCtx): Panel => {
    const rebuild = (make: (c: StudentCtx) => HTMLElement): Panel => {
      const el = h('div', { class: 'stack' }, make(ctx));
      return { el, update: (c) => mount(el, make(c)) };
    };
    switch (ctx.view.phase) {
      case 'negotiate':
        return negotiatePanel(ctx);
      case 'decide':
        return decidePanel(ctx);
      case 'results':
        return rebuild(resultsPanel);
      case 'ended':
        return rebuild((c) =>
          h(
            'div',
            { class: 'stack' },
            h(
              'section',
              { class: 'card', 'data-testid': 'ended' },
              h('h2', {}, tr('status.ended')),
              h('p', {}, tr('status.endedHint')),
            ),
            resultsPanel(c),
          ),
        );
      case 'lobby':
        return rebuild((c) =>
          h(
            'div',
            { class: 'stack' },
            h(
              'section',
              { class: 'card', 'data-testid': 'lobby' },
              h('h2', {}, tr('student.lobby.title')),
              h('p', {}, tr('student.lobby.wait')),
            ),
            briefingCard(c),
          ),
        );
      default:
        return rebuild((c) =>
          h('div', { class: 'stack' }, briefingCard(c), c.history.length > 0 ? resultsPanel(c) : null),
        );
    }
  };

  const render = () => {
    try {
      draw();
    } catch (e) {
      // A rendering bug must not take the whole screen down; it is reported for the developers.
      console.error('render failed', e);
    }
  };

  const draw = () => {
    const state = client.store.get();
    const ctx = studentCtx(client);
    if (!ctx) return;
    mount(
      header,
      studentHeader(ctx, client.store, () => {
        showHelp = !showHelp;
        render();
      }),
    );
    const announcement = ctx.view.announcements[ctx.view.announcements.length - 1];
    mount(
      banners,
      connectionBanner(state),
      announcement
        ? h(
            'div',
            { class: 'banner banner-info', role: 'status', 'data-testid': 'announcement' },
            `» ${announcement.text}`,
          )
        : null,
    );
    mount(
      overlays,
      pausedOverlay(state),
      pendingList(state),
      showHelp
        ? h(
            'div',
            { class: 'overlay', role: 'dialog', 'aria-modal': 'true', 'aria-label': tr('student.help') },
            h(
              'div',
              { class: 'overlay-card stack' },
              briefingCard(ctx),
              h(
                'button',
                {
                  type: 'button',
                  class: 'primary',
                  onclick: () => {
                    showHelp = false;
                    render();
                  },
                },
                tr('common.close'),
              ),
            ),
          )
        : null,
    );
    const key = `${ctx.view.phase}|${ctx.view.round}|${ctx.me}|${ctx.world.index}`;
    if (key !== panelKey || !panel) {
      panelKey = key;
      panel = panelFor(ctx);
      mount(panelSlot, panel.el);
    } else {
      panel.update(ctx);
    }
    mount(
      legend,
      ...['pending', 'signed', 'honoured', 'broken'].map((s) =>
        h('span', {}, `${s === 'pending' ? '┅' : s === 'broken' ? '✗' : '━'} ${tr(`student.link.${s}`)}`),
      ),
      h('span', {}, `▮ ${tr('term.barrier')}`),
      h('span', {}, `★ ${tr('common.you')}`),
    );
    const model = buildBoardModel(ctx.view, ctx.world, ctx.history, (id, map) => regionName(map, id), ctx.me);
    if (board) board.update(model, boardTexts());
    else if (!boardLoading) {
      boardLoading = true;
      void createBoard(
        boardWrap,
        {
          onRegion: (id) => {
            if (panel && 'proposeTo' in panel) (panel as NegotiatePanel).proposeTo(id);
          },
        },
        tr('student.board.unavailable'),
      ).then((b) => {
        board = b;
        render();
      });
    }
  };

  const unsubscribe = client.store.subscribe(render);
  const unLang = onLangChange(() => {
    panelKey = '';
    render();
  });
  render();
  return () => {
    unsubscribe();
    unLang();
    board?.destroy();
  };
}
