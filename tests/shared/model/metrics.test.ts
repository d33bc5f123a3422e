// docs/rules.md section 9: the debrief metrics of a round, checked against the definitions on constructed rounds.
import { describe, expect, it } from 'vitest';
import { compileMap } from '../../../shared/model/compiled.js';
import { MAP_PRESETS } from '../../../shared/model/maps.js';
import { runMarket } from '../../../shared/model/market.js';
import { gini, structuralSimilarity } from '../../../shared/model/metrics.js';
import { defaultParams } from '../../../shared/model/params.js';
import { resolveRound } from '../../../shared/model/resolve.js';
import { playRound } from '../../../shared/model/round.js';
import { initialState, type RecordedDecision, type WorldRules } from '../../../shared/model/state.js';
import type { Compliance } from '../../../shared/model/ids.js';
import { near, openMarketAg, projectAg } from './helpers.js';

const rules: WorldRules = { params: defaultParams(), map: MAP_PRESETS['4-single']! };
const s0 = initialState(rules);
const rd = (invest: string, barriers: string[] = [], comply: Record<string, Compliance> = {}): RecordedDecision => ({
  invest,
  barriers,
  comply,
  source: 'human',
});

const CIp = projectAg('C', 'I', 'I');
const CIo = openMarketAg('C', 'I');
const CFo = openMarketAg('C', 'F');
const IFo = openMarketAg('I', 'F');
const ags = [CIp, CIo, CFo, IFo];
// I breaches the project (audited), C blocks F (breaching C-F, not audited) and R; R blocks C. F and R duplicate.
const decisions = {
  C: rd('ELEC', ['F', 'R']),
  I: rd('AUTO', [], { [CIp.id]: 'breach' }),
  F: rd('AUTO'),
  R: rd('ELEC', ['C']),
};
const draws = { shock: { [CIp.id]: 0 }, audit: { [CIp.id]: true, [CIo.id]: false, [CFo.id]: false, [IFo.id]: true } };
const rec = playRound(rules, 'metrics:0', [], s0, ags, decisions, 1.5, draws);
const m = rec.metrics;

describe('cooperation', () => {
  it('rates over the 4 linked pairs, overall, per clause and effective', () => {
    expect(m.linkedPairs).toBe(4);
    expect(m.signed).toBe(4);
    expect(m.cooperation).toBe(3 / 4); // C-I, C-F, I-F
    expect(m.cooperationOpenMarket).toBe(3 / 4);
    expect(m.cooperationProject).toBe(1 / 4);
    expect(m.effectiveCooperation).toBe(1 / 4); // only I-F was honoured by both
  });

  it('breach rate = party breaches / (2 x signed); detection rate = detected / breaches', () => {
    expect(m.breaches).toBe(2);
    expect(m.breachRate).toBe(2 / (2 * 4));
    expect(m.detected).toBe(1);
    expect(m.detectionRate).toBe(1 / 2);
  });

  it('no agreements: rates 0 and breach / detection rates undefined (null)', () => {
    const none = playRound(rules, 's', [], s0, [], decisions, 0).metrics;
    expect([none.cooperation, none.effectiveCooperation, none.signed]).toEqual([0, 0, 0]);
    expect(none.breachRate).toBeNull();
    expect(none.detectionRate).toBeNull();
  });
});

describe('inequality, structure and segmentation', () => {
  const ids = ['C', 'I', 'F', 'R'];
  const pc = ids.map((id) => rec.results.regions[id]!.gdp / rules.map.regions.find((r) => r.id === id)!.pop);

  it('Gini of gdp / pop (unweighted) and the max / min ratio', () => {
    const mean = pc.reduce((a, b) => a + b, 0) / 4;
    let diff = 0;
    for (const x of pc) for (const y of pc) diff += Math.abs(x - y);
    near(m.gini, diff / (2 * 4 * 4 * mean), 1e-12);
    near(m.maxMinRatio, Math.max(...pc) / Math.min(...pc), 1e-12);
    expect(gini([1, 1, 1])).toBe(0);
    near(gini([0, 0, 0, 4]), 0.75);
  });

  it('duplicate share = investments outside the strength sector / investments', () => {
    expect(m.duplicateShare).toBe(2 / 4);
  });

  it('UNIDO similarity: mean over pairs of the cosine of capacity shares', () => {
    const K = ids.map((id) => Object.values(rec.stateAfter.K[id]!));
    const shares = K.map((row) => row.map((x) => x / row.reduce((a, b) => a + b, 0)));
    let total = 0;
    let pairs = 0;
    for (let i = 0; i < 4; i++) {
      for (let j = i + 1; j < 4; j++) {
        const dot = shares[i]!.reduce((s, x, k) => s + x * shares[j]![k]!, 0);
        const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
        total += dot / (norm(shares[i]!) * norm(shares[j]!));
        pairs++;
      }
    }
    near(m.similarity, total / pairs, 1e-12);
    expect(structuralSimilarity(Float64Array.from([1, 0, 2, 0]), 2, 2)).toBe(1);
    expect(structuralSimilarity(Float64Array.from([1, 0, 0, 3]), 2, 2)).toBe(0);
  });

  it('segmentation = barriers / N(N-1); linksBlocked = blocked directions of linked pairs / (2 x linked pairs)', () => {
    expect(m.segmentation).toBe(3 / 12);
    expect(m.linksBlocked).toBe(3 / 8); // C->F, C->R, R->C are all on links
  });

  it('trade-weighted segmentation = 1 - cross-border sales / cross-border sales with no barriers', () => {
    const cm = compileMap(rules.map, rules.params);
    const K = Float64Array.from(ids.flatMap((id) => cm.sectorIds.map((k) => rec.stateAfter.K[id]![k]!)));
    const blocked = new Uint8Array(16);
    for (const [j, list] of Object.entries(decisions))
      for (const i of list.barriers) blocked[ids.indexOf(j) * 4 + ids.indexOf(i)] = 1;
    const cross = (b: Uint8Array | null) => runMarket(cm, K, b).crossBorder.reduce((a, x) => a + x, 0);
    const actual = cross(blocked);
    near(m.tradeSegmentation, 1 - actual / cross(null), 1e-12);
    expect(m.tradeSegmentation).toBeGreaterThan(0);
  });

  it('fiscal view: origin and destination tax of each region', () => {
    for (const id of ids) {
      near(m.fiscal[id]!.origin, 0.065 * rec.results.regions[id]!.gdp, 1e-12);
      near(m.fiscal[id]!.destination, 0.065 * rec.results.regions[id]!.consBase, 1e-12);
    }
  });

  it('welfare against the benchmark, the loss and its running total', () => {
    near(m.welfare, rec.results.welfare, 0);
    near(m.welfareRatio, m.welfare / m.benchmark, 1e-12);
    near(m.welfareLost, m.benchmark - m.welfare, 1e-12);
    near(m.cumulativeWelfareLost, 1.5 + m.welfareLost, 1e-12);
    expect(rec.results.benchmarkWelfare).toBe(m.benchmark);
  });
});

describe('lose-lose moves', () => {
  it('a host that breaches a project with a negative shock loses output yet gains score (it escapes blame)', () => {
    const r3: WorldRules = { params: defaultParams(), map: MAP_PRESETS['3-single']! };
    const s = initialState(r3);
    const ag = projectAg('C', 'I', 'I');
    const d = { C: rd('ELEC'), I: rd('AUTO', [], { [ag.id]: 'breach' }), F: rd('FOOD', ['C']) };
    const dr = { shock: { [ag.id]: -1 }, audit: { [ag.id]: false } };
    const moves = playRound(r3, 'x', [], s, [ag], d, 0, dr).metrics.loseLoseMoves;
    expect(moves.map((x) => [x.regionId, x.move, x.target])).toEqual([['I', 'breach', ag.id]]);
    // Check against the same round with I honouring: V doubles (I hosts), and I is blamed 3 points.
    const actual = resolveRound(r3, [], s, [ag], d, dr).results.regions.I!;
    const honest = resolveRound(r3, [], s, [ag], { ...d, I: rd('AUTO') }, dr).results.regions.I!;
    const halfV = (0.03 * (s.prev.C!.gdp + s.prev.I!.gdp) * (1 - 0.6)) / 2;
    near(honest.gdp - actual.gdp, halfV, 1e-12);
    near(moves[0]!.gdpLost, honest.gdp - actual.gdp, 1e-12);
    near(moves[0]!.scoreGained, actual.score - honest.score, 1e-12);
    expect(moves[0]!.scoreGained).toBeGreaterThan(0);
  });

  it('cooperative moves are not reported', () => {
    const r3: WorldRules = { params: defaultParams(), map: MAP_PRESETS['3-single']! };
    const d = { C: rd('ELEC'), I: rd('AUTO'), F: rd('FOOD') };
    expect(playRound(r3, 'x', [], initialState(r3), [], d, 0).metrics.loseLoseMoves).toEqual([]);
  });
});
