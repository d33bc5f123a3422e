// Negotiate and decide on the big screen (one stage for both: the map is not rebuilt when decide starts): the map of
// the world on show (links with an offer pending and signed links, never their terms) with the key to its industry
// bars, beside the world picker, the timer, the reforms in force, and who has finished negotiating or
// has decided, by region (and, with several worlds, over the whole class).
import { mapById } from '../../../shared/model/config.js';
import { buildBoardModel } from '../board/model.js';
import { mountBoard } from '../board/mount.js';
import type { Component } from '../ui/component.js';
import { h, mount } from '../ui/dom.js';
import { lang, tr, trCount } from '../ui/i18n.js';
import { regionName } from '../ui/names.js';
import { timerElement } from '../ui/timer.js';
import { shownWorld, type ProjectorCtx } from './context.js';
import { economyLegend } from './legend.js';
import { worldPicker } from './worldPicker.js';

/** How the whole class is doing, when it plays in several worlds: the map shows one world at a time. */
function classProgress(ctx: ProjectorCtx): HTMLElement | null {
  const v = ctx.view;
  if (v.worldCount <= 1) return null;
  const deciding = v.phase === 'decide';
  const n = deciding ? v.decided.reduce((s, d) => s + d.submitted, 0) : v.regions.filter((r) => r.done).length;
  const of = deciding ? v.decided.reduce((s, d) => s + d.of, 0) : v.regions.length;
  return h(
    'p',
    { class: 'class-progress', 'data-testid': 'class-progress' },
    tr(deciding ? 'projector.class.decided' : 'projector.class.done', { n, of }),
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

/** The links with an offer pending and the signed ones, in words (the map draws them; terms are never shown). */
function linkSummary(ctx: ProjectorCtx, world: NonNullable<ReturnType<typeof shownWorld>>): HTMLElement {
  const map = mapById(ctx.view.config, world.mapId);
  const pair = (a: string, b: string) => `${regionName(map, a)} – ${regionName(map, b)}`;
  const pending = world.current?.pendingLinks ?? [];
  const signed = [...new Map((world.current?.agreements ?? []).map((ag) => [pair(ag.a, ag.b), ag])).keys()];
  const line = (cls: string, testid: string, title: string, pairs: string[]) =>
    h(
      'div',
      { class: `link-line link-${cls}`, 'data-testid': testid },
      h('p', { class: 'link-count' }, h('span', { class: 'link-swatch', 'aria-hidden': 'true' }), title),
      pairs.length > 0 ? h('p', { class: 'link-pairs' }, pairs.join(' · ')) : null,
    );
  return h(
    'section',
    { class: 'link-summary' },
    line(
      'pending',
      'pending-links',
      trCount('projector.pendingLinks', pending.length),
      pending.map(([a, b]) => pair(a, b)),
    ),
    line('signed', 'signed-count', tr('projector.signed', { n: world.current?.agreements.length ?? 0 }), signed),
  );
}

function side(ctx: ProjectorCtx): (HTMLElement | null)[] {
  const v = ctx.view;
  const world = shownWorld(ctx);
  if (!world) return [];
  return [
    timerElement(ctx.store, true),
    h(
      'p',
      { class: 'stage-hint' },
      (v.worldInfo[world.index]?.treatments ?? []).map((t) => tr(`reform.${t}`)).join(' · ') || tr('reform.baseline'),
    ),
    v.phase === 'negotiate' ? linkSummary(ctx, world) : null,
    regionChecks(ctx, world.index),
    classProgress(ctx),
  ];
}

export function playStage(first: ProjectorCtx): Component<ProjectorCtx> {
  const board = mountBoard(
    { onRegion: () => undefined },
    { forStudent: false, el: h('div', { class: 'board-wrap', 'data-testid': 'board' }) },
  );
  const sideEl = h('div', { class: 'stack' });
  // The world picker is drawn again only when the world on show changes: an open selector is not closed by every view.
  const pickEl = h('div', { class: 'slot' });
  let lastPick = '';
  const legendEl = h('div', { class: 'slot' });
  let lastLegend = '';
  const el = h(
    'main',
    { class: 'stage stage-play', 'data-testid': `projector-${first.view.phase}` },
    // The map takes the height the key and a banner (pause, announcement) leave it: the stage never scrolls.
    h('div', { class: 'stage-map' }, h('div', { class: 'map-box' }, board.el), legendEl),
    h('div', { class: 'stack' }, pickEl, sideEl),
  );

  const drawMap = (ctx: ProjectorCtx) => {
    const world = shownWorld(ctx);
    if (!world) return;
    const map = mapById(ctx.view.config, world.mapId);
    const history = ctx.state.history.get(world.index) ?? [];
    const model = buildBoardModel(ctx.view, world, history, (id) => regionName(map, id), null);
    board.update(model);
    // Drawn again only when what it says changes (the language, the sectors, the booming one).
    const legendSig = JSON.stringify([tr('projector.legend.title'), model.sectors.map((x) => x.id), model.boom]);
    if (legendSig !== lastLegend) {
      lastLegend = legendSig;
      mount(legendEl, economyLegend(model));
    }
  };
  // On a change of phase the stage's new frame goes first and the map follows in the next one: a WebGL redraw
  // (software rendering on many projector PCs) held decide's first frame for 100-400 ms on a busy machine, and the
  // new board's WebGL probe held negotiate's. So the first update, too, draws the map after the stage is painted.
  let phase = '';
  let latest = first;
  let deferred = false;
  let destroyed = false;
  const update = (ctx: ProjectorCtx) => {
    // Negotiate and decide share this stage (and its map): only the test id follows the phase.
    el.dataset['testid'] = `projector-${ctx.view.phase}`;
    mount(sideEl, side(ctx));
    const pickSig = [lang(), ctx.world, ctx.view.worlds.length, ctx.view.paused].join(':');
    if (pickSig !== lastPick) {
      lastPick = pickSig;
      mount(pickEl, worldPicker(ctx));
    }
    latest = ctx;
    if (ctx.view.phase !== phase) {
      phase = ctx.view.phase;
      deferred = true;
      // In the next frame's callbacks: after this frame has been painted, and before anything else runs in between.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          deferred = false;
          if (!destroyed) drawMap(latest);
        }),
      );
    }
    if (!deferred) drawMap(ctx);
  };
  update(first);
  return {
    el,
    update,
    destroy: () => {
      destroyed = true;
      board.destroy();
    },
  };
}
