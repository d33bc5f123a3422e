// The game on the big screen: the map of the world on show beside the timer, world tabs, the reforms in force,
// decided counts, the leaderboard and the latest announcement.
import { mapById } from '../../../shared/model/config.js';
import { buildBoardModel } from '../board/model.js';
import { mountBoard } from '../board/mount.js';
import type { Component } from '../ui/component.js';
import { h, mount } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { worldLabel } from '../ui/labels.js';
import { regionName } from '../ui/names.js';
import { timerElement } from '../ui/timer.js';
import { shownWorld, type ProjectorCtx } from './context.js';
import { leaderboard } from './leaderboard.js';

function worldTabs(ctx: ProjectorCtx): HTMLElement | null {
  if (ctx.view.worldCount <= 1) return null;
  return h(
    'div',
    { class: 'tabs', role: 'tablist' },
    ctx.view.worlds.map((w, k) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          'aria-selected': k === ctx.world ? 'true' : 'false',
          onclick: () => ctx.showWorld(k),
        },
        worldLabel(w.index),
      ),
    ),
  );
}

function side(ctx: ProjectorCtx): (HTMLElement | null)[] {
  const v = ctx.view;
  const world = shownWorld(ctx);
  if (!world) return [];
  const decided = v.decided.find((d) => d.world === world.index);
  const history = ctx.state.history.get(world.index) ?? [];
  return [
    v.phase !== 'ended' ? timerElement(ctx.store, true) : null,
    worldTabs(ctx),
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
    leaderboard(v, world, history),
    v.announcements.length > 0
      ? h('p', { class: 'announcement' }, v.announcements[v.announcements.length - 1]?.text ?? '')
      : null,
  ];
}

export function playStage(first: ProjectorCtx): Component<ProjectorCtx> {
  const board = mountBoard(
    { onRegion: () => undefined },
    { forStudent: false, el: h('div', { class: 'board-wrap', 'data-testid': 'board' }) },
  );
  const sideEl = h('div', { class: 'stack' });
  const el = h('main', { class: 'projector' }, h('div', {}, board.el), sideEl);

  const update = (ctx: ProjectorCtx) => {
    mount(sideEl, side(ctx));
    const world = shownWorld(ctx);
    if (!world) return;
    const map = mapById(ctx.view.config, world.mapId);
    const history = ctx.state.history.get(world.index) ?? [];
    board.update(buildBoardModel(ctx.view, world, history, (id) => regionName(map, id), null));
  };
  update(first);
  return { el, update, destroy: () => board.destroy() };
}
