// Series per world and per arm (mean over its worlds, pooled ratios), treatment-period bands, fiscal means.
import { describe, expect, it } from 'vitest';
import { fromLogs } from '../../../client/src/debrief/data.js';
import {
  defaultMode,
  fiscalMeans,
  groupsOf,
  honouredCount,
  METRICS,
  periodBands,
  seriesValues,
  treatmentsAt,
} from '../../../client/src/debrief/series.js';
import { loaded } from './helpers.js';

const one = fromLogs([loaded()]);

describe('groups', () => {
  it('makes one group per world, or one per arm with its worlds', () => {
    const worlds = groupsOf(one, 'world');
    expect(worlds.map((g) => g.key)).toEqual(['0:w0', '0:w1', '0:w2', '0:w3']);
    expect(worlds.map((g) => g.arm)).toEqual([0, 1, 0, 1]);
    const arms = groupsOf(one, 'arm');
    expect(arms.map((g) => [g.key, g.armName, g.worlds.map((w) => w.index)])).toEqual([
      ['0:a0', 'Control', [0, 2]],
      ['0:a1', 'Reform', [1, 3]],
    ]);
    expect(arms.every((g) => g.world === null)).toBe(true);
  });

  it('keeps several logs apart (one series per log)', () => {
    const two = fromLogs([loaded('a.json'), loaded('b.json', 'other-seed')]);
    const arms = groupsOf(two, 'arm');
    expect(arms.map((g) => g.key)).toEqual(['0:a0', '0:a1', '1:a0', '1:a1']);
    expect(two.sources.map((s) => s.label)).toEqual(['a.json', 'b.json']);
  });

  it('defaults to arm means when an arm has several worlds', () => {
    expect(defaultMode(one)).toBe('arm');
    expect(defaultMode(fromLogs([loaded('x.json', 'debrief-test', undefined, 1)]))).toBe('world');
  });
});

describe('seriesValues', () => {
  it('gives a world the metric of each of its rounds, and null after the last', () => {
    const g = groupsOf(one, 'world')[1]!;
    const w = g.worlds[0]!;
    const values = seriesValues(g, 'cooperation', 8);
    expect(values.slice(0, 6)).toEqual(w.history.map((r) => r.metrics.cooperation));
    expect(values.slice(6)).toEqual([null, null]);
  });

  it('averages an arm over its worlds', () => {
    const g = groupsOf(one, 'arm')[1]!;
    const [a, b] = g.worlds;
    const values = seriesValues(g, 'duplicateShare', 6);
    values.forEach((v, i) =>
      expect(v).toBeCloseTo((a!.history[i]!.metrics.duplicateShare + b!.history[i]!.metrics.duplicateShare) / 2, 12),
    );
    const gini = seriesValues(g, 'gini', 6);
    gini.forEach((v, i) => expect(v).toBeCloseTo((a!.history[i]!.metrics.gini + b!.history[i]!.metrics.gini) / 2, 12));
  });

  it('pools ratios over an arm (sums, not the mean of ratios)', () => {
    const g = groupsOf(one, 'arm')[1]!;
    const values = seriesValues(g, 'welfareRatio', 6);
    values.forEach((v, i) => {
      const recs = g.worlds.map((w) => w.history[i]!);
      expect(v).toBeCloseTo(
        recs.reduce((s, r) => s + r.metrics.welfare, 0) / recs.reduce((s, r) => s + r.metrics.benchmark, 0),
        12,
      );
    });
    const breach = seriesValues(g, 'breachRate', 6);
    breach.forEach((v, i) => {
      const recs = g.worlds.map((w) => w.history[i]!);
      const signed = recs.reduce((s, r) => s + r.metrics.signed, 0);
      if (signed === 0) expect(v).toBeNull();
      else expect(v).toBeCloseTo(recs.reduce((s, r) => s + r.metrics.breaches, 0) / (2 * signed), 12);
    });
  });

  it('counts agreements kept by both parties', () => {
    for (const w of one.sources[0]!.worlds) {
      for (const r of w.history) {
        const h = honouredCount(r);
        expect(h).toBeLessThanOrEqual(r.agreements.length);
        if (r.metrics.breaches === 0) expect(h).toBe(r.agreements.length);
        expect(METRICS.honoured.value(r)).toBe(h);
      }
    }
    const r = {
      agreements: [
        {
          id: 'r1-C-I-openMarket',
          type: 'openMarket' as const,
          a: 'C',
          b: 'I',
          host: null,
          hostShare: null,
          sidePayment: 0,
        },
        { id: 'r1-C-I-project', type: 'project' as const, a: 'C', b: 'I', host: 'I', hostShare: 0.5, sidePayment: 0 },
      ],
      decisions: {
        C: { invest: 'ELEC', barriers: ['I'], comply: {}, source: 'human' as const },
        I: { invest: 'AUTO', barriers: [], comply: {}, source: 'human' as const },
      },
    };
    expect(honouredCount(r)).toBe(1);
  });
});

describe('periodBands', () => {
  it('shades baseline then reforms when every line shares the schedule', () => {
    const reform = groupsOf(one, 'arm').filter((g) => g.arm === 1);
    const bands = periodBands(reform, 6);
    expect(bands.map((b) => [b.from, b.to, b.label])).toEqual([
      [1, 3, 'baseline'],
      [4, 6, 'A B D1 D2 D3 E'],
    ]);
    expect(treatmentsAt(reform[0]!, 4)).toEqual(['A', 'B', 'D1', 'D2', 'D3', 'E']);
  });

  it('marks the rounds where lines follow different rules as mixed', () => {
    const bands = periodBands(groupsOf(one, 'arm'), 8);
    expect(bands.map((b) => [b.from, b.to, b.label])).toEqual([
      [1, 3, 'baseline'],
      [4, 6, 'mixed'],
    ]);
    expect(bands[1]!.byGroup).toEqual(['baseline', 'A B D1 D2 D3 E']);
  });

  it('gives nothing before the first round is played', () => {
    const empty = fromLogs([]);
    expect(periodBands(groupsOf(empty, 'arm'), 8)).toEqual([]);
  });
});

describe('fiscalMeans', () => {
  it("averages each region's origin and destination tax over rounds and worlds", () => {
    const g = groupsOf(one, 'arm')[0]!;
    const rows = fiscalMeans(g);
    expect(rows.map((r) => r.regionId)).toEqual(['C', 'I', 'F']);
    const all = g.worlds.flatMap((w) => w.history.map((r) => r.metrics.fiscal.C!));
    expect(rows[0]!.origin).toBeCloseTo(all.reduce((s, f) => s + f.origin, 0) / all.length, 12);
    expect(rows[0]!.destination).toBeCloseTo(all.reduce((s, f) => s + f.destination, 0) / all.length, 12);
  });
});
