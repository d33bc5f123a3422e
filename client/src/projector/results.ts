// Results on the big screen, revealed in steps (every few seconds, or at once with → / space / a click): the
// agreements kept or broken (who broke, whether an inspection caught it), growth per region, the world's output
// against full cooperation, the term leaderboard, and, when a term ended, who is promoted and why.
import { mapById } from '../../../shared/model/config.js';
import type { Promotion } from '../../../shared/model/promotion.js';
import type { RoundRecord } from '../../../shared/model/round.js';
import type { Component } from '../ui/component.js';
import { h, mount } from '../ui/dom.js';
import { num, pct, tr } from '../ui/i18n.js';
import { regionName } from '../ui/names.js';
import { shownWorld, type ProjectorCtx } from './context.js';
import { leaderboard } from './leaderboard.js';
import { worldPicker } from './worldPicker.js';

const STEP_MS = 6000;
type Step = 'deals' | 'growth' | 'output' | 'board' | 'promotion';
const ALL_STEPS = 5;

/**
 * Where the reveal of a round's results is, kept across a rebuild of the stage (the language switched): the
 * ceremony stays on screen instead of the reveal starting again. `held`: a step was picked by hand.
 */
let revealAt: { key: string; step: number; held: boolean } | null = null;
const revealKey = (ctx: ProjectorCtx) => `${ctx.view.code}:${ctx.view.round}:${ctx.world}`;

/** Each step's time on screen: at most 6 s, and short enough that the last step shows within the results phase. */
const stepMs = (ctx: ProjectorCtx) =>
  Math.min(STEP_MS, Math.floor((ctx.view.config.phases.results * 1000) / ALL_STEPS));

function dealsStep(rec: RoundRecord, name: (id: string) => string): HTMLElement {
  const rows = rec.agreements.map((ag) => {
    const breakers = [ag.a, ag.b].filter((r) => rec.decisions[r]?.comply[ag.id] === 'breach');
    const inspected = rec.draws.audit[ag.id] === true;
    const kind = ag.type === 'project' ? tr('term.project') : tr('term.openMarket');
    return h(
      'li',
      { class: `deal ${breakers.length > 0 ? 'deal-broken' : 'deal-kept'}` },
      h('span', { class: 'deal-pair' }, `${name(ag.a)} ↔ ${name(ag.b)}`),
      h('span', { class: 'deal-kind' }, kind),
      breakers.length === 0
        ? h('strong', {}, `✔ ${tr('projector.results.kept')}`)
        : h(
            'strong',
            {},
            `✖ ${tr('projector.results.brokenBy', { who: breakers.map(name).join(', ') })} · `,
            inspected ? tr('projector.results.caught') : tr('projector.results.notCaught'),
          ),
    );
  });
  return h(
    'section',
    { class: 'reveal-step', 'data-testid': 'reveal-deals' },
    h('h2', {}, tr('projector.results.deals')),
    rows.length > 0
      ? h('ul', { class: 'deal-list' }, rows)
      : h('p', { class: 'stage-hint' }, tr('projector.results.noDeals')),
  );
}

function growthStep(rec: RoundRecord, name: (id: string) => string): HTMLElement {
  const list = Object.entries(rec.results.regions).sort((x, y) => y[1].g - x[1].g);
  const max = Math.max(0.0001, ...list.map(([, r]) => Math.abs(r.g)));
  return h(
    'section',
    { class: 'reveal-step', 'data-testid': 'reveal-growth' },
    h('h2', {}, tr('projector.results.growth')),
    h(
      'ul',
      { class: 'growth-bars' },
      list.map(([id, r]) =>
        h(
          'li',
          {},
          h('span', { class: 'bar-label' }, name(id)),
          h(
            'span',
            { class: 'bar-track' },
            h('span', {
              class: `bar ${r.g < 0 ? 'bar-neg' : ''}`,
              style: `width:${Math.round((Math.abs(r.g) / max) * 100)}%`,
            }),
          ),
          h('span', { class: 'bar-value' }, pct(r.g)),
        ),
      ),
    ),
  );
}

function outputStep(rec: RoundRecord): HTMLElement {
  const m = rec.metrics;
  return h(
    'section',
    { class: 'reveal-step', 'data-testid': 'reveal-output' },
    h('h2', {}, tr('projector.results.output')),
    h('p', { class: 'big-figure' }, pct(m.welfareRatio, 0)),
    h('p', { class: 'stage-text' }, tr('projector.results.outputOf', { ratio: pct(m.welfareRatio, 0) })),
    h(
      'p',
      { class: 'stage-text' },
      tr('projector.results.lost', { lost: num(m.welfareLost), total: num(m.cumulativeWelfareLost) }),
    ),
  );
}

export function promotionCeremony(p: Promotion, name: (id: string) => string): HTMLElement {
  const r = p.record;
  return h(
    'section',
    { class: 'reveal-step ceremony', 'data-testid': 'reveal-promotion' },
    h('p', { class: 'ceremony-star', 'aria-hidden': 'true' }, '★'),
    h('h2', {}, tr('projector.promo.title', { region: name(p.regionId) })),
    h(
      'p',
      { class: 'stage-text' },
      // A term of one round says "round 1", not "rounds 1-1".
      tr(p.fromRound === p.afterRound ? 'projector.promo.whyOne' : 'projector.promo.why', {
        from: p.fromRound,
        to: p.afterRound,
        score: num(p.termScore),
      }),
    ),
    h(
      'p',
      { class: 'stage-text' },
      tr('projector.promo.record', {
        honoured: r.honoured,
        breaches: r.breaches,
        detected: r.detected,
        barriers: r.barriers,
        duplications: r.duplications,
      }),
    ),
  );
}

export function resultsStage(first: ProjectorCtx): Component<ProjectorCtx> {
  const stepEl = h('div', { class: 'reveal-body' });
  const dots = h('ol', { class: 'reveal-dots', 'aria-label': tr('projector.results.steps') });
  const el = h(
    'main',
    { class: 'stage stage-results', 'data-testid': 'projector-results', tabindex: '0' },
    worldPicker(first),
    stepEl,
    dots,
  );
  const key = revealKey(first);
  const kept = revealAt?.key === key ? revealAt : null;
  let step = kept?.step ?? 0;
  let held = kept?.held ?? false;
  let latest = first;
  /** What the step on screen was drawn from: a view that changes none of it does not draw it (and fade it in) again. */
  let drawn = '';
  const steps = (ctx: ProjectorCtx): Step[] => {
    const world = shownWorld(ctx);
    const promoted = world?.promoted.some((p) => p.afterRound === ctx.view.round) ?? false;
    return ['deals', 'growth', 'output', 'board', ...(promoted ? (['promotion'] as const) : [])];
  };
  const draw = (ctx: ProjectorCtx) => {
    latest = ctx;
    revealAt = { key, step, held };
    const world = shownWorld(ctx);
    if (!world) return;
    const map = mapById(ctx.view.config, world.mapId);
    const name = (id: string) => regionName(map, id);
    const history = ctx.state.history.get(world.index) ?? [];
    const rec = history.find((r) => r.round === ctx.view.round) ?? history[history.length - 1];
    const list = steps(ctx);
    const at = list[Math.min(step, list.length - 1)] ?? 'deals';
    const promotion = world.promoted.find((p) => p.afterRound === ctx.view.round);
    el.dataset['step'] = at;
    const sig = JSON.stringify([at, world.index, rec?.round, history.length, world.promoted, world.regions]);
    if (sig !== drawn)
      mount(
        stepEl,
        !rec
          ? null
          : at === 'deals'
            ? dealsStep(rec, name)
            : at === 'growth'
              ? growthStep(rec, name)
              : at === 'output'
                ? outputStep(rec)
                : at === 'promotion' && promotion
                  ? promotionCeremony(promotion, name)
                  : leaderboard(ctx.view, world, history),
      );
    drawn = sig;
    mount(
      dots,
      list.map((s, i) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: s === at ? 'on' : '',
              'aria-current': s === at ? 'step' : null,
              'data-testid': `step-${s}`,
              onclick: (e: Event) => {
                e.stopPropagation();
                // Picked by hand: the reveal stops moving on by itself.
                clearInterval(timer);
                held = true;
                step = i;
                draw(latest);
              },
            },
            tr(`projector.step.${s}`),
          ),
        ),
      ),
    );
  };
  const next = () => {
    if (step < steps(latest).length - 1) {
      step++;
      draw(latest);
    }
  };
  const timer = held ? undefined : setInterval(next, stepMs(first));
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === ' ' || e.key === 'PageDown') next();
  };
  el.addEventListener('click', next);
  document.addEventListener('keydown', onKey);
  draw(first);
  return {
    el,
    update: draw,
    destroy: () => {
      clearInterval(timer);
      document.removeEventListener('keydown', onKey);
    },
  };
}
