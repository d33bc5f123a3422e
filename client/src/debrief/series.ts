// Series for the charts: worlds grouped one line per world or one per arm (mean over its worlds), for every
// source; the per-round value of each section-9 metric; and the treatment periods to shade. Pure (no DOM).
import { treatmentKey, type Treatment } from '../../../shared/model/ids.js';
import type { RoundMetrics } from '../../../shared/model/metrics.js';
import type { RoundRecord } from '../../../shared/model/round.js';
import type { DebriefData, DebriefWorld } from './data.js';

export type GroupMode = 'world' | 'arm';

export interface Group {
  key: string;
  source: number;
  arm: number;
  armName: string;
  /** The world's index in world mode; null for an arm's mean. */
  world: number | null;
  worlds: DebriefWorld[];
}

/** One line per world, or one per arm (per source when several logs are open). */
export function groupsOf(data: DebriefData, mode: GroupMode): Group[] {
  const out: Group[] = [];
  data.sources.forEach((src, s) => {
    if (mode === 'world') {
      for (const w of src.worlds)
        out.push({ key: `${s}:w${w.index}`, source: s, arm: w.arm, armName: w.armName, world: w.index, worlds: [w] });
      return;
    }
    const arms = [...new Set(src.worlds.map((w) => w.arm))].sort((a, b) => a - b);
    for (const arm of arms) {
      const worlds = src.worlds.filter((w) => w.arm === arm);
      out.push({ key: `${s}:a${arm}`, source: s, arm, armName: worlds[0]?.armName ?? '', world: null, worlds });
    }
  });
  return out;
}

/** Arm means when some arm has several worlds, else one line per world. */
export function defaultMode(data: DebriefData): GroupMode {
  for (const src of data.sources) {
    const arms = new Set(src.worlds.map((w) => w.arm));
    if (arms.size < src.worlds.length) return 'arm';
  }
  return 'world';
}

export type Format = 'pct' | 'count' | 'num' | 'ratio';

export type MetricId =
  | 'cooperation'
  | 'cooperationOpenMarket'
  | 'cooperationProject'
  | 'effectiveCooperation'
  | 'signed'
  | 'honoured'
  | 'breachRate'
  | 'detectionRate'
  | 'welfareRatio'
  | 'cumulativeWelfareLost'
  | 'gini'
  | 'maxMinRatio'
  | 'duplicateShare'
  | 'similarity'
  | 'segmentation'
  | 'linksBlocked'
  | 'tradeSegmentation'
  | 'loseLoseMoves';

export interface MetricDef {
  format: Format;
  value: (r: RoundRecord) => number | null;
  /** A ratio of sums over several worlds' rounds (instead of the mean of their ratios). */
  pooled?: (rs: readonly RoundRecord[]) => number | null;
}

/** Agreements of a round kept by both parties. */
export function honouredCount(r: Pick<RoundRecord, 'agreements' | 'decisions'>): number {
  let n = 0;
  for (const ag of r.agreements) {
    const broke = (x: string, other: string) =>
      ag.type === 'openMarket'
        ? (r.decisions[x]?.barriers.includes(other) ?? false)
        : r.decisions[x]?.comply[ag.id] === 'breach';
    if (!broke(ag.a, ag.b) && !broke(ag.b, ag.a)) n++;
  }
  return n;
}

const m = (f: (x: RoundMetrics) => number | null) => (r: RoundRecord) => f(r.metrics);
const sum = (rs: readonly RoundRecord[], f: (x: RoundMetrics) => number) => rs.reduce((s, r) => s + f(r.metrics), 0);

export const METRICS: Record<MetricId, MetricDef> = {
  cooperation: { format: 'pct', value: m((x) => x.cooperation) },
  cooperationOpenMarket: { format: 'pct', value: m((x) => x.cooperationOpenMarket) },
  cooperationProject: { format: 'pct', value: m((x) => x.cooperationProject) },
  effectiveCooperation: { format: 'pct', value: m((x) => x.effectiveCooperation) },
  signed: { format: 'count', value: m((x) => x.signed) },
  honoured: { format: 'count', value: (r) => honouredCount(r) },
  breachRate: {
    format: 'pct',
    value: m((x) => x.breachRate),
    pooled: (rs) => {
      const s = sum(rs, (x) => x.signed);
      return s > 0 ? sum(rs, (x) => x.breaches) / (2 * s) : null;
    },
  },
  detectionRate: {
    format: 'pct',
    value: m((x) => x.detectionRate),
    pooled: (rs) => {
      const b = sum(rs, (x) => x.breaches);
      return b > 0 ? sum(rs, (x) => x.detected) / b : null;
    },
  },
  welfareRatio: {
    format: 'pct',
    value: m((x) => x.welfareRatio),
    pooled: (rs) => {
      const b = sum(rs, (x) => x.benchmark);
      return b > 0 ? sum(rs, (x) => x.welfare) / b : null;
    },
  },
  cumulativeWelfareLost: { format: 'num', value: m((x) => x.cumulativeWelfareLost) },
  gini: { format: 'ratio', value: m((x) => x.gini) },
  maxMinRatio: { format: 'ratio', value: m((x) => x.maxMinRatio) },
  duplicateShare: { format: 'pct', value: m((x) => x.duplicateShare) },
  similarity: { format: 'ratio', value: m((x) => x.similarity) },
  segmentation: { format: 'pct', value: m((x) => x.segmentation) },
  linksBlocked: { format: 'pct', value: m((x) => x.linksBlocked) },
  tradeSegmentation: { format: 'pct', value: m((x) => x.tradeSegmentation) },
  loseLoseMoves: { format: 'count', value: m((x) => x.loseLoseMoves.length) },
};

/** A group's value in each round 1..maxRound (null where no world of the group has a value). */
export function seriesValues(group: Group, metric: MetricId, maxRound: number): (number | null)[] {
  const def = METRICS[metric];
  const out: (number | null)[] = [];
  for (let r = 1; r <= maxRound; r++) {
    const recs = group.worlds
      .map((w) => w.history[r - 1])
      .filter((x): x is RoundRecord => x !== undefined && x.round === r);
    if (recs.length === 0) {
      out.push(null);
      continue;
    }
    if (recs.length > 1 && def.pooled) {
      out.push(def.pooled(recs));
      continue;
    }
    const vals = recs.map(def.value).filter((v): v is number => v !== null && Number.isFinite(v));
    out.push(vals.length > 0 ? vals.reduce((s, v) => s + v, 0) / vals.length : null);
  }
  return out;
}

/** The treatments in force in a round for a group (its first world that played the round). */
export function treatmentsAt(group: Group, round: number): Treatment[] | null {
  for (const w of group.worlds) {
    const r = w.history[round - 1];
    if (r && r.round === round) return r.treatments;
  }
  return null;
}

export interface Band {
  from: number;
  to: number;
  /** 'baseline', a treatment key such as 'A B D1', 'mixed' when groups differ, '' when nothing was played. */
  label: string;
  /** The reforms in force when every group has the same (null when they differ or nothing was played). */
  treatments: Treatment[] | null;
  /** The treatment key of each group in this band (null: not played). */
  byGroup: (string | null)[];
}

/** Runs of rounds in which every group keeps the same treatments: the periods to shade. */
export function periodBands(groups: readonly Group[], maxRound: number): Band[] {
  const bands: Band[] = [];
  let sig = '';
  for (let r = 1; r <= maxRound; r++) {
    const lists = groups.map((g) => treatmentsAt(g, r));
    const byGroup = lists.map((t) => (t ? treatmentKey(t) : null));
    if (byGroup.every((k) => k === null)) break;
    const next = byGroup.map((k) => k ?? '').join('|');
    const last = bands[bands.length - 1];
    if (last && next === sig) {
      last.to = r;
      continue;
    }
    sig = next;
    const played = [...new Set(byGroup.filter((k): k is string => k !== null))];
    bands.push({
      from: r,
      to: r,
      label: played.length === 1 ? (played[0] as string) : played.length === 0 ? '' : 'mixed',
      treatments: played.length === 1 ? (lists.find((t) => t !== null) ?? null) : null,
      byGroup,
    });
  }
  return bands;
}

export interface FiscalRow {
  regionId: string;
  origin: number;
  destination: number;
}

/** Each region's local tax under the origin and destination bases, averaged over the group's rounds and worlds. */
export function fiscalMeans(group: Group): FiscalRow[] {
  const first = group.worlds[0];
  if (!first) return [];
  return first.map.regions.map((reg) => {
    let o = 0;
    let d = 0;
    let n = 0;
    for (const w of group.worlds) {
      for (const r of w.history) {
        const f = r.metrics.fiscal[reg.id];
        if (!f) continue;
        o += f.origin;
        d += f.destination;
        n++;
      }
    }
    return { regionId: reg.id, origin: n > 0 ? o / n : 0, destination: n > 0 ? d / n : 0 };
  });
}
