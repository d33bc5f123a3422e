// "Your class against the bots": for each arm and period, the class's headline figures beside the same session
// played by bots of each strategy (computed in this browser by the lazily loaded botsRun chunk, once per data).
import { BOT_STRATEGIES, treatmentKey, type BotStrategy } from '../../../shared/model/ids.js';
import { aggregate, type PeriodSummary } from '../../../shared/model/sim/aggregate.js';
import { h, uid } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import type { BotSummaries, ReplayWorld } from './botsRun.js';
import { regionOrder, type DebriefData, type DebriefSourceData } from './data.js';
import { fmt, roundsRange, sourceLabel, treatmentsLong } from './format.js';
import type { Format } from './series.js';

export interface BotsCtx {
  data: DebriefData;
  /** The session seed of a source (a live session's comes from its export). */
  seedOf: (source: number) => Promise<string>;
  /** Called when a replay finishes or progresses (the panel is drawn again). */
  refresh: () => void;
  /** The panel's heading (h3 in the debrief's tab, h2 in the printable report); the periods' one level below. */
  headingLevel?: 'h2' | 'h3';
}

type RunState =
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; bots: BotSummaries }
  | { kind: 'failed'; reason: string };

/** Replays by source and data (a new round or another log starts a new one); kept while the page lives. */
const runs = new Map<string, RunState>();

/** The rows shown: the class, then the self-interested bots it is compared with, then the others. */
const PLAYERS: ('class' | BotStrategy)[] = [
  'class',
  'competitive',
  ...BOT_STRATEGIES.filter((s) => s !== 'competitive'),
];

const MEASURES: { key: 'cooperation' | 'welfareRatio' | 'welfareLostPerRound'; format: Format }[] = [
  { key: 'cooperation', format: 'pct' },
  { key: 'welfareRatio', format: 'pct' },
  { key: 'welfareLostPerRound', format: 'num' },
];

function replayWorlds(src: DebriefSourceData): ReplayWorld[] {
  return src.worlds
    .filter((w) => w.history.length > 0)
    .map((w) => ({ index: w.index, treatments: w.history.map((r) => r.treatments) }));
}

function runKey(src: DebriefSourceData, source: number): string {
  const worlds = replayWorlds(src).map((w) => `${w.index}:${w.treatments.map(treatmentKey).join('/')}`);
  return `${source}|${src.label}|${worlds.join(';')}`;
}

function start(ctx: BotsCtx, source: number, key: string): void {
  const src = ctx.data.sources[source];
  if (!src) return;
  const worlds = replayWorlds(src);
  runs.set(key, { kind: 'running', done: 0, total: worlds.length * BOT_STRATEGIES.length });
  let shown = 0;
  void Promise.all([ctx.seedOf(source), import('./botsRun.js')])
    .then(([seed, { playBots }]) =>
      playBots({ config: src.config, seed, worlds }, (done, total) => {
        runs.set(key, { kind: 'running', done, total });
        // Redraw the progress a few times, not after every game.
        if (done - shown >= Math.max(1, Math.ceil(total / 8))) {
          shown = done;
          ctx.refresh();
        }
      }),
    )
    .then((bots) => runs.set(key, { kind: 'done', bots }))
    .catch((e: unknown) => runs.set(key, { kind: 'failed', reason: e instanceof Error ? e.message : String(e) }))
    .finally(ctx.refresh);
}

const samePeriod = (a: PeriodSummary, b: PeriodSummary) =>
  a.arm === b.arm && a.fromRound === b.fromRound && a.toRound === b.toRound;

function verdict(cls: PeriodSummary, selfish: PeriodSummary | undefined): HTMLElement | null {
  if (!selfish) return null;
  const d = cls.cooperation - selfish.cooperation;
  const params = { class: fmt('pct', cls.cooperation), bots: fmt('pct', selfish.cooperation) };
  const key = Math.abs(d) < 0.005 ? 'debrief.bots.same' : d > 0 ? 'debrief.bots.more' : 'debrief.bots.less';
  return h('p', { class: `bots-verdict ${d > 0.005 ? 'good-text' : ''}` }, tr(key, params));
}

function periodCard(
  data: DebriefData,
  source: number,
  src: DebriefSourceData,
  cls: PeriodSummary,
  bots: BotSummaries,
  heading: 'h3' | 'h4',
): HTMLElement {
  const of = (p: 'class' | BotStrategy) => (p === 'class' ? cls : bots[p].find((b) => samePeriod(b, cls)));
  const rows = PLAYERS.map((p) => ({ player: p, summary: of(p) }));
  const arms = new Set(src.worlds.map((w) => w.arm)).size > 1;
  const armName = src.worlds.find((w) => w.arm === cls.arm)?.armName ?? '';
  const parts = [
    data.sources.length > 1 ? sourceLabel(data, source) : null,
    arms ? armName : null,
    roundsRange(cls.fromRound, cls.toRound),
  ].filter((x): x is string => x !== null);
  const id = uid('bots-period');
  const most = (key: (typeof MEASURES)[number]['key']) =>
    Math.max(1e-9, ...rows.map((r) => Math.abs(r.summary?.[key] ?? 0)));
  const cell = (m: (typeof MEASURES)[number], s: PeriodSummary | undefined) => {
    const v = s?.[m.key] ?? null;
    const share = v === null ? 0 : m.format === 'pct' ? Math.min(1, Math.max(0, v)) : Math.abs(v) / most(m.key);
    return h(
      'td',
      { class: 'num bar-cell' },
      h(
        'span',
        { class: 'bar-track', 'aria-hidden': 'true' },
        h('span', { class: 'bar-fill', style: `width:${(share * 100).toFixed(1)}%` }),
      ),
      h('span', { class: 'bar-value' }, fmt(m.format, v)),
    );
  };
  return h(
    'section',
    { class: 'bots-period', 'aria-labelledby': id, 'data-testid': 'bots-period' },
    h(heading, { id }, parts.join(' · '), h('span', { class: 'bots-rules' }, treatmentsLong(cls.treatments))),
    verdict(cls, of('competitive')),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': id },
      h(
        'table',
        { class: 'data-table bots-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, tr('debrief.bots.player')),
            MEASURES.map((m) => h('th', { scope: 'col', class: 'num' }, tr(`debrief.sum.${m.key}`))),
          ),
        ),
        h(
          'tbody',
          {},
          rows.map((r) =>
            h(
              'tr',
              { class: r.player === 'class' ? 'bots-class' : '', 'data-player': r.player },
              h(
                'th',
                { scope: 'row' },
                r.player === 'class' ? tr('debrief.bots.class') : tr(`debrief.bots.s.${r.player}`),
              ),
              MEASURES.map((m) => cell(m, r.summary)),
            ),
          ),
        ),
      ),
    ),
  );
}

function sourceBlock(ctx: BotsCtx, source: number, src: DebriefSourceData): HTMLElement[] {
  const key = runKey(src, source);
  let state = runs.get(key);
  if (!state) {
    start(ctx, source, key);
    state = runs.get(key);
  }
  if (!state || state.kind === 'running') {
    const { done, total } = state?.kind === 'running' ? state : { done: 0, total: 0 };
    return [
      h(
        'p',
        { class: 'hint', role: 'status', 'aria-busy': 'true', 'data-testid': 'bots-running' },
        tr('debrief.bots.running', { done, total }),
      ),
      h('progress', { max: Math.max(1, total), value: done, 'aria-label': tr('debrief.bots.title') }),
    ];
  }
  if (state.kind === 'failed')
    return [h('p', { class: 'field-error', role: 'alert' }, tr('debrief.bots.failed', { reason: state.reason }))];
  const bots = state.bots;
  const classSummaries = aggregate(
    src.worlds
      .filter((w) => w.history.length > 0)
      .map((w) => ({ arm: w.arm, regionOrder: regionOrder(w), history: w.history })),
  );
  const heading = ctx.headingLevel === 'h2' ? 'h3' : 'h4';
  return classSummaries.map((cls) => periodCard(ctx.data, source, src, cls, bots, heading));
}

/** The "Class vs bots" tab. */
export function botsPanel(ctx: BotsCtx): HTMLElement {
  const id = uid('bots-title');
  return h(
    'section',
    { class: 'dsection dbots', 'aria-labelledby': id, 'data-testid': 'debrief-bots' },
    h(ctx.headingLevel ?? 'h3', { id }, tr('debrief.bots.title')),
    h('p', { class: 'dsection-intro' }, tr('debrief.bots.intro')),
    h(
      'div',
      { class: 'bots-grid' },
      ctx.data.sources.flatMap((src, i) => sourceBlock(ctx, i, src)),
    ),
    h('p', { class: 'hint' }, tr('debrief.bots.note')),
  );
}
