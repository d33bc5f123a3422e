// Negotiate and decide on the big screen: the map of the world on show (signed links, never their terms) beside
// the timer, world tabs, the reforms in force, and who has finished negotiating or has decided, by region.
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

/** Who has decided (decide) or finished negotiating (negotiate), by region: public, never what they chose. */
function regionChecks(ctx: ProjectorCtx, worldIndex: number): HTMLElement {
  const map = mapById(ctx.view.config, ctx.view.worldInfo[worldIndex]?.mapId ?? '');
  const deciding = ctx.view.phase === 'decide';
  const list = ctx.view.regions.filter((r) => r.world === worldIndex);
  const count = list.filter((r) => r.done).length;
  // Regions with students (bots decide when the phase ends), as in the console.
  const decided = ctx.view.decided.find((d) => d.world === worldIndex);
  return h(
    'section',
    { class: 'card region-checks', 'data-testid': deciding ? 'decided-regions' : 'negotiating-regions' },
    h(
      'h2',
      { 'data-testid': deciding ? 'decided' : 'negotiated' },
      deciding
        ? tr('projector.decided', { n: decided?.submitted ?? 0, of: decided?.of ?? 0 })
        : tr('projector.doneOf', { n: count, of: list.length }),
    ),
    h(
      'ul',
      {},
      list.map((r) => {
        const ok = deciding ? r.submitted : r.done;
        return h(
          'li',
          { class: ok ? 'ok' : 'wait' },
          h('span', { 'aria-hidden': 'true' }, ok ? '✔' : '…'),
          ` ${regionName(map, r.region)}`,
          r.bot ? h('span', { class: 'hint' }, ` · ${tr('common.bot')}`) : null,
          h('span', { class: 'visually-hidden' }, ok ? ` ${tr('projector.yes')}` : ` ${tr('projector.notYet')}`),
        );
      }),
    ),
  );
}

function side(ctx: ProjectorCtx): (HTMLElement | null)[] {
  const v = ctx.view;
  const world = shownWorld(ctx);
  if (!world) return [];
  const signed = world.current?.agreements.length ?? 0;
  return [
    timerElement(ctx.store, true),
    worldTabs(ctx),
    h(
      'p',
      { class: 'stage-hint' },
      (v.worldInfo[world.index]?.treatments ?? []).map((t) => tr(`reform.${t}`)).join(' · ') || tr('reform.baseline'),
    ),
    v.phase === 'negotiate'
      ? h('p', { class: 'signed-count', 'data-testid': 'signed-count' }, tr('projector.signed', { n: signed }))
      : null,
    regionChecks(ctx, world.index),
  ];
}

export function playStage(first: ProjectorCtx): Component<ProjectorCtx> {
  const board = mountBoard(
    { onRegion: () => undefined },
    { forStudent: false, el: h('div', { class: 'board-wrap', 'data-testid': 'board' }) },
  );
  const sideEl = h('div', { class: 'stack' });
  const el = h(
    'main',
    { class: 'stage stage-play', 'data-testid': `projector-${first.view.phase}` },
    h('div', { class: 'stage-map' }, board.el),
    sideEl,
  );

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
