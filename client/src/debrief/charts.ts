// The chart sections: for every section-9 metric a line chart per round (one line per world or per arm, per log),
// the fiscal view as bars, promotions as a table; each with its discussion question.
import { h, uid } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { fiscalChart } from './barChart.js';
import { roundCount, type DebriefData } from './data.js';
import { questionBlock } from './discussion.js';
import { groupLabel, groupShort, periodName, regionName, roundsRange } from './format.js';
import { lineChart, type ChartLine } from './lineChart.js';
import { yDomain } from './scale.js';
import { questionFor, SECTIONS, type ChartSpec, type SectionSpec } from './sections.js';
import { fiscalMeans, METRICS, periodBands, seriesValues, type Group } from './series.js';
import { loseLoseTable, promotionsTable } from './tables.js';

export interface ChartCtx {
  data: DebriefData;
  groups: Group[];
  compact: boolean;
  table: 'details' | 'open' | 'none';
  /** Add the list of lose-lose moves under its chart. */
  details: boolean;
}

function figuresFor(ctx: ChartCtx, spec: ChartSpec): HTMLElement[] {
  const { data, groups } = ctx;
  const bands = periodBands(groups, data.maxRound);
  const figure = (title: string, lines: ChartLine[], format = METRICS[spec.measures[0] ?? 'cooperation'].format) =>
    lineChart({
      title,
      format,
      domain: yDomain(
        spec.domain,
        lines.flatMap((l) => l.values),
      ),
      maxRound: data.maxRound,
      lines,
      bands,
      compact: ctx.compact,
      table: ctx.table,
    });
  const byGroup = (metric: (typeof spec.measures)[number]) =>
    groups.map((g, i) => ({
      label: groupLabel(data, g),
      short: groupShort(data, g),
      values: seriesValues(g, metric, data.maxRound),
      style: i,
    }));
  if (groups.length === 1 && spec.measures.length > 1) {
    const g = groups[0] as Group;
    return [
      figure(
        tr(`debrief.chart.${spec.id}`),
        spec.measures.map((metric, i) => ({
          label: tr(`debrief.m.${metric}`),
          short: tr(`debrief.m.${metric}.short`),
          values: seriesValues(g, metric, data.maxRound),
          style: i,
        })),
      ),
    ];
  }
  if (spec.measures.length === 1)
    return [figure(tr(`debrief.chart.${spec.id}`), byGroup(spec.measures[0] as (typeof spec.measures)[number]))];
  return spec.measures.map((metric) => figure(tr(`debrief.m.${metric}`), byGroup(metric), METRICS[metric].format));
}

function sectionBody(ctx: ChartCtx, s: SectionSpec): (HTMLElement | null)[] {
  const { data, groups } = ctx;
  if (s.kind === 'promotions') return [promotionsTable(data)];
  if (s.kind === 'fiscal') {
    return [
      h(
        'div',
        { class: 'dgrid' },
        groups.map((g) => {
          const map = g.worlds[0]?.map;
          return fiscalChart({
            title: `${tr('debrief.chart.fiscal')} · ${groupLabel(data, g)}`,
            rows: fiscalMeans(g),
            regionLabel: (id) => regionName(map, id),
            compact: ctx.compact,
            table: ctx.table,
          });
        }),
      ),
    ];
  }
  return [
    h(
      'div',
      { class: 'dgrid' },
      s.charts.flatMap((c) => figuresFor(ctx, c)),
    ),
    s.id === 'loseLose' && ctx.details ? loseLoseTable(data) : null,
  ];
}

/** The periods of the game in full words, once above the charts (whose bands carry short names). */
function periodList(ctx: ChartCtx, level: 'h2' | 'h3'): HTMLElement {
  const id = uid('dperiods');
  const bands = periodBands(ctx.groups, ctx.data.maxRound).filter((b) => b.label !== '');
  return h(
    'section',
    { class: 'dsection dperiods', 'aria-labelledby': id, 'data-testid': 'debrief-periods' },
    h(level, { id }, tr('debrief.periods.title')),
    h(
      'ol',
      { class: 'period-list' },
      bands.map((b) => h('li', {}, h('strong', {}, roundsRange(b.from, b.to)), h('span', {}, periodName(b)))),
    ),
  );
}

/** Every chart section; `level` is the heading level of the section titles. */
export function chartSections(ctx: ChartCtx, level: 'h2' | 'h3' = 'h3'): HTMLElement[] {
  if (roundCount(ctx.data) === 0) return [h('p', { class: 'dempty' }, tr('debrief.noRounds'))];
  return [
    periodList(ctx, level),
    ...SECTIONS.map((s) => {
      const id = uid(`dsec-${s.id}`);
      const q = questionFor(s.id);
      return h(
        'section',
        { class: 'dsection', 'aria-labelledby': id, 'data-section': s.id },
        h(level, { id }, tr(`debrief.section.${s.id}`)),
        h('p', { class: 'dsection-intro' }, tr(`debrief.section.${s.id}.intro`)),
        ...sectionBody(ctx, s),
        q ? questionBlock(q) : null,
      );
    }),
  ];
}
