// The end of the game on the big screen: a podium (most promotions, then career points) of the world on show and a
// class summary over every world: cooperation before and after the reforms, and the output lost against full
// cooperation.
import { mapById } from '../../../shared/model/config.js';
import type { RoundRecord } from '../../../shared/model/round.js';
import type { Component } from '../ui/component.js';
import { h } from '../ui/dom.js';
import { num, pct, tr, trCount } from '../ui/i18n.js';
import { regionName } from '../ui/names.js';
import { shownWorld, type ProjectorCtx } from './context.js';
import { worldPicker } from './worldPicker.js';

const SWITCHED = (r: RoundRecord) => r.treatments.some((t) => t !== 'C');

export interface ClassSummary {
  before: number | null;
  after: number | null;
  lost: number;
  ratio: number | null;
}

/** Mean cooperation in rounds without and with reforms, and the output lost, over every world's rounds. */
export function classSummary(histories: readonly (readonly RoundRecord[])[]): ClassSummary {
  const all = histories.flat();
  const mean = (list: RoundRecord[]) =>
    list.length === 0 ? null : list.reduce((s, r) => s + r.metrics.cooperation, 0) / list.length;
  const lost = histories.reduce((s, h) => s + (h[h.length - 1]?.metrics.cumulativeWelfareLost ?? 0), 0);
  const welfare = all.reduce((s, r) => s + r.metrics.welfare, 0);
  const bench = all.reduce((s, r) => s + r.metrics.benchmark, 0);
  return {
    before: mean(all.filter((r) => !SWITCHED(r))),
    after: mean(all.filter(SWITCHED)),
    lost,
    ratio: bench > 0 ? welfare / bench : null,
  };
}

function podium(ctx: ProjectorCtx): HTMLElement | null {
  const world = shownWorld(ctx);
  if (!world) return null;
  const map = mapById(ctx.view.config, world.mapId);
  const promotions = (id: string) => world.promoted.filter((p) => p.regionId === id).length;
  const top = [...world.regions].sort((a, b) => promotions(b.id) - promotions(a.id) || b.career - a.career).slice(0, 3);
  const order = [top[1], top[0], top[2]];
  return h(
    'ol',
    { class: 'podium', 'data-testid': 'podium' },
    order.map((r) =>
      r
        ? h(
            'li',
            { class: `podium-place place-${top.indexOf(r) + 1}` },
            h('span', { class: 'podium-rank' }, String(top.indexOf(r) + 1)),
            h('strong', {}, regionName(map, r.id)),
            h('span', {}, trCount('projector.end.promotions', promotions(r.id))),
            h('span', { class: 'stage-hint' }, tr('projector.end.career', { n: num(r.career) })),
          )
        : null,
    ),
  );
}

function summary(ctx: ProjectorCtx): HTMLElement {
  const s = classSummary(ctx.view.worlds.map((w) => ctx.state.history.get(w.index) ?? []));
  const fmt = (x: number | null) => (x === null ? '–' : pct(x, 0));
  return h(
    'section',
    { class: 'class-summary', 'data-testid': 'class-summary' },
    h('h2', {}, tr('projector.end.summary')),
    h(
      'dl',
      {},
      h('dt', {}, tr('projector.end.coopBefore')),
      h('dd', {}, fmt(s.before)),
      h('dt', {}, tr('projector.end.coopAfter')),
      h('dd', {}, fmt(s.after)),
      h('dt', {}, tr('projector.end.ratio')),
      h('dd', {}, fmt(s.ratio)),
      h('dt', {}, tr('projector.end.lost')),
      h('dd', {}, num(s.lost)),
    ),
  );
}

export function endedStage(ctx: ProjectorCtx): Component<ProjectorCtx> {
  return {
    el: h(
      'main',
      { class: 'stage stage-ended', 'data-testid': 'projector-ended' },
      h('h1', {}, tr('projector.end.title')),
      worldPicker(ctx),
      h('div', { class: 'ended-grid' }, podium(ctx), summary(ctx)),
    ),
    update: () => undefined,
  };
}
