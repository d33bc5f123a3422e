// Tables' data: the section-9 aggregates per source, arm and treatment period (engine's aggregate()), promotions
// with their record, a round-by-round timeline per world and the list of lose-lose moves. Pure (no DOM).
import type { RegionId, Treatment } from '../../../shared/model/ids.js';
import type { LoseLoseMove } from '../../../shared/model/metrics.js';
import type { PromotionRecord } from '../../../shared/model/promotion.js';
import { aggregate, type PeriodSummary } from '../../../shared/model/sim/aggregate.js';
import { regionOrder, worldPromotions, type DebriefData } from './data.js';
import { honouredCount, type Format } from './series.js';

export interface SummaryColumn {
  source: number;
  armName: string;
  summary: PeriodSummary;
  /** The same arm's previous period (for the change "before/after a reform"). */
  previous: PeriodSummary | null;
}

export type SummaryKey = Exclude<keyof PeriodSummary, 'arm' | 'fromRound' | 'toRound' | 'treatments' | 'promoted'>;

export const SUMMARY_ROWS: { key: SummaryKey; format: Format; delta: boolean }[] = [
  { key: 'worlds', format: 'count', delta: false },
  { key: 'rounds', format: 'count', delta: false },
  { key: 'cooperation', format: 'pct', delta: true },
  { key: 'cooperationOpenMarket', format: 'pct', delta: true },
  { key: 'cooperationProject', format: 'pct', delta: true },
  { key: 'effectiveCooperation', format: 'pct', delta: true },
  { key: 'breachRate', format: 'pct', delta: true },
  { key: 'detectionRate', format: 'pct', delta: true },
  { key: 'welfareRatio', format: 'pct', delta: true },
  { key: 'welfareLostPerRound', format: 'num', delta: true },
  { key: 'gini', format: 'ratio', delta: true },
  { key: 'maxMinRatio', format: 'ratio', delta: true },
  { key: 'duplicateShare', format: 'pct', delta: true },
  { key: 'similarity', format: 'ratio', delta: true },
  { key: 'segmentation', format: 'pct', delta: true },
  { key: 'linksBlocked', format: 'pct', delta: true },
  { key: 'tradeSegmentation', format: 'pct', delta: true },
  { key: 'loseLoseMovesPerRound', format: 'num', delta: true },
];

/** One column per source x arm x treatment period, in that order. */
export function summaryColumns(data: DebriefData): SummaryColumn[] {
  const out: SummaryColumn[] = [];
  data.sources.forEach((src, source) => {
    const worlds = src.worlds
      .filter((w) => w.history.length > 0)
      .map((w) => ({ arm: w.arm, regionOrder: regionOrder(w), history: w.history }));
    let prev: PeriodSummary | null = null;
    for (const summary of aggregate(worlds)) {
      const armName = src.worlds.find((w) => w.arm === summary.arm)?.armName ?? '';
      out.push({ source, armName, summary, previous: prev && prev.arm === summary.arm ? prev : null });
      prev = summary;
    }
  });
  return out;
}

export interface PromotionRow {
  source: number;
  world: number;
  armName: string;
  fromRound: number;
  toRound: number;
  treatments: Treatment[];
  regionId: RegionId;
  termScore: number;
  record: PromotionRecord;
}

export function promotionRows(data: DebriefData): PromotionRow[] {
  const out: PromotionRow[] = [];
  data.sources.forEach((src, source) => {
    for (const w of src.worlds) {
      for (const p of worldPromotions(w)) {
        out.push({
          source,
          world: w.index,
          armName: w.armName,
          fromRound: p.fromRound,
          toRound: p.afterRound,
          treatments: p.treatments,
          regionId: p.regionId,
          termScore: p.termScore,
          record: p.record,
        });
      }
    }
  });
  return out;
}

export interface TimelineRow {
  round: number;
  treatments: Treatment[];
  signed: number;
  honoured: number;
  barriers: number;
  duplicates: number;
  welfareRatio: number;
  promoted: RegionId[];
}

export interface WorldTimeline {
  source: number;
  world: number;
  armName: string;
  rows: TimelineRow[];
}

export function timelines(data: DebriefData): WorldTimeline[] {
  const out: WorldTimeline[] = [];
  data.sources.forEach((src, source) => {
    for (const w of src.worlds) {
      if (w.history.length === 0) continue;
      const promoted = worldPromotions(w);
      out.push({
        source,
        world: w.index,
        armName: w.armName,
        rows: w.history.map((r) => ({
          round: r.round,
          treatments: r.treatments,
          signed: r.agreements.length,
          honoured: honouredCount(r),
          barriers: Object.values(r.decisions).reduce((s, d) => s + d.barriers.length, 0),
          duplicates: Object.values(r.results.regions).filter((x) => x.dup).length,
          welfareRatio: r.metrics.welfareRatio,
          promoted: promoted.filter((p) => p.afterRound === r.round).map((p) => p.regionId),
        })),
      });
    }
  });
  return out;
}

export interface LoseLoseRow extends LoseLoseMove {
  source: number;
  world: number;
  round: number;
}

export function loseLoseRows(data: DebriefData): LoseLoseRow[] {
  const out: LoseLoseRow[] = [];
  data.sources.forEach((src, source) => {
    for (const w of src.worlds)
      for (const r of w.history)
        for (const mv of r.metrics.loseLoseMoves) out.push({ ...mv, source, world: w.index, round: r.round });
  });
  return out;
}
