// The student's game screen: header, banners, the map board and the panel of the current phase, each a component
// told about every new context (client/src/ui/component.ts).
import { mountBoard, sectorInitial } from '../board/mount.js';
import { buildBoardModel } from '../board/model.js';
import type { SessionClient } from '../state/session.js';
import { redrawn, type Component } from '../ui/component.js';
import { h, mount } from '../ui/dom.js';
import { onLangChange, tr } from '../ui/i18n.js';
import { regionName, sectorName } from '../ui/names.js';
import { connectionBanner, pausedBanner, pendingList } from '../ui/status.js';
import { studentCtx, type StudentCtx } from './context.js';
import { studentHeader } from './header.js';
import { helpDialog } from './help.js';
import { phasePanel } from './panels.js';
import { scoreStrip } from './score.js';
import { teamActs } from './team.js';

const LEGEND_LINKS = ['pending', 'signed', 'honoured', 'broken'] as const;

const legend = (): Component<StudentCtx> =>
  redrawn(
    (ctx) =>
      h(
        'div',
        {},
        LEGEND_LINKS.map((s) =>
          h('span', {}, `${s === 'pending' ? '┅' : s === 'broken' ? '✗' : '━'} ${tr(`student.link.${s}`)}`),
        ),
        h('span', {}, `▮ ${tr('term.barrier')}`),
        h('span', {}, `★ ${tr('common.you')}`),
        h(
          'span',
          { 'data-testid': 'legend-capacity' },
          `▮ ${tr('student.board.capacity')} (${ctx.map.sectors.map((s) => `${sectorInitial(s.name)} ${sectorName(ctx.map, s.id)}`).join(', ')})`,
        ),
        h('span', {}, `▲ ${tr('student.board.boom')}`),
        h('span', {}, `▢ ${tr('student.board.strength')}`),
      ),
    h('div', { class: 'board-legend', 'aria-hidden': 'true' }),
  );

const banners = (): Component<StudentCtx> =>
  redrawn((ctx) => {
    const announcement = ctx.view.announcements[ctx.view.announcements.length - 1];
    return h(
      'div',
      {},
      connectionBanner(ctx.client.store.get()),
      pausedBanner(ctx.client.store.get()),
      announcement
        ? h(
            'div',
            { class: 'banner banner-info', role: 'status', 'data-testid': 'announcement' },
            `» ${announcement.text}`,
          )
        : null,
    );
  });

export function mountGame(root: HTMLElement, client: SessionClient): () => void {
  const help = helpDialog(() => render());
  const header = redrawn<StudentCtx>((ctx) => studentHeader(ctx, client.store, () => help.toggle()));
  const panel = phasePanel();
  const board = mountBoard(
    { onRegion: (id) => panel.regionTapped(id) },
    { forStudent: true, el: h('div', { class: 'board-wrap', 'data-testid': 'board' }) },
  );
  const mapLegend = legend();
  const bannerPart = banners();
  const score = redrawn<StudentCtx>(scoreStrip);
  const team = redrawn<StudentCtx>(teamActs);
  const status = redrawn<StudentCtx>((ctx) => {
    const state = ctx.client.store.get();
    return h('div', {}, pendingList(state));
  });
  const parts: Component<StudentCtx>[] = [header, bannerPart, score, mapLegend, panel, team, status, help];
  mount(
    root,
    h(
      'div',
      {},
      header.el,
      bannerPart.el,
      h(
        'main',
        { class: 'game' },
        h('div', { class: 'board-col' }, board.el, mapLegend.el),
        h('div', { class: 'stack' }, score.el, panel.el, team.el),
      ),
      status.el,
      help.el,
    ),
  );

  const draw = () => {
    const ctx = studentCtx(client);
    if (!ctx) return;
    for (const part of parts) part.update(ctx);
    board.update(buildBoardModel(ctx.view, ctx.world, ctx.history, (id, map) => regionName(map, id), ctx.me));
  };
  function render(): void {
    try {
      draw();
    } catch (e) {
      // A rendering bug must not take the whole screen down; it is reported for the developers.
      console.error('render failed', e);
    }
  }

  const unsubscribe = client.store.subscribe(render);
  const unLang = onLangChange(render);
  render();
  return () => {
    unsubscribe();
    unLang();
    for (const part of parts) part.destroy?.();
    board.destroy();
  };
}
