// docs/rules.md section 9 aggregates: the per-round metrics of many worlds averaged per arm and treatment period.
import { treatmentKey, type Treatment } from '../ids.js';
import type { RoundMetrics } from '../metrics.js';
import { promotions } from '../promotion.js';
import type { RoundRecord } from '../round.js';

export interface WorldHistory {
  arm: number;
  regionOrder: readonly string[];
  history: readonly RoundRecord[];
}

export interface PeriodSummary {
  arm: number;
  fromRound: number;
  toRound: number;
  treatments: Treatment[];
  worlds: number;
  rounds: number;
  cooperation: number;
  cooperationOpenMarket: number;
  cooperationProject: number;
  effectiveCooperation: number;
  breachRate: number | null;
  detectionRate: number | null;
  welfareRatio: number;
  welfareLostPerRound: number;
  gini: number;
  maxMinRatio: number;
  duplicateShare: number;
  similarity: number;
  segmentation: number;
  linksBlocked: number;
  tradeSegmentation: number;
  loseLoseMovesPerRound: number;
  /** Promotions at the end of this period's terms, by region. */
  promoted: Record<string, number>;
}

type MeanKey =
  | 'cooperation'
  | 'cooperationOpenMarket'
  | 'cooperationProject'
  | 'effectiveCooperation'
  | 'gini'
  | 'maxMinRatio'
  | 'duplicateShare'
  | 'similarity'
  | 'segmentation'
  | 'linksBlocked'
  | 'tradeSegmentation'
  | 'welfareLost';
const MEANS: MeanKey[] = [
  'cooperation',
  'cooperationOpenMarket',
  'cooperationProject',
  'effectiveCooperation',
  'gini',
  'maxMinRatio',
  'duplicateShare',
  'similarity',
  'segmentation',
  'linksBlocked',
  'tradeSegmentation',
  'welfareLost',
];

/** Periods of an arm: runs of rounds with the same treatments (taken from the first world of the arm). */
export function aggregate(worlds: readonly WorldHistory[]): PeriodSummary[] {
  const out: PeriodSummary[] = [];
  const arms = [...new Set(worlds.map((w) => w.arm))].sort((a, b) => a - b);
  for (const arm of arms) {
    const group = worlds.filter((w) => w.arm === arm);
    const first = group[0];
    if (!first) continue;
    const periods: { from: number; to: number; treatments: Treatment[] }[] = [];
    for (const r of first.history) {
      const last = periods[periods.length - 1];
      if (last && treatmentKey(last.treatments) === treatmentKey(r.treatments)) last.to = r.round;
      else periods.push({ from: r.round, to: r.round, treatments: r.treatments });
    }
    for (const p of periods) {
      const metrics: RoundMetrics[] = [];
      const promoted: Record<string, number> = {};
      for (const w of group) {
        const rounds = w.history.filter((r) => r.round >= p.from && r.round <= p.to);
        metrics.push(...rounds.map((r) => r.metrics));
        for (const pr of promotions(w.regionOrder, w.history, true)) {
          if (pr.afterRound >= p.from && pr.afterRound <= p.to)
            promoted[pr.regionId] = (promoted[pr.regionId] ?? 0) + 1;
        }
      }
      const mean = (k: MeanKey) => metrics.reduce((s, m) => s + m[k], 0) / Math.max(1, metrics.length);
      const sum = (f: (m: RoundMetrics) => number) => metrics.reduce((s, m) => s + f(m), 0);
      const signed = sum((m) => m.signed);
      const breaches = sum((m) => m.breaches);
      const means = Object.fromEntries(MEANS.map((k) => [k, mean(k)])) as Record<MeanKey, number>;
      out.push({
        arm,
        fromRound: p.from,
        toRound: p.to,
        treatments: p.treatments,
        worlds: group.length,
        rounds: metrics.length,
        ...means,
        breachRate: signed > 0 ? breaches / (2 * signed) : null,
        detectionRate: breaches > 0 ? sum((m) => m.detected) / breaches : null,
        welfareRatio:
          sum((m) => m.welfare) /
          Math.max(
            1e-12,
            sum((m) => m.benchmark),
          ),
        welfareLostPerRound: means.welfareLost,
        loseLoseMovesPerRound: sum((m) => m.loseLoseMoves.length) / Math.max(1, metrics.length),
        promoted,
      });
    }
  }
  return out;
}
