// Tables' data: periods per arm from aggregate() with the previous period for before/after, promotions with their
// record, timelines and lose-lose moves; the map replay's frames; the client-side CSV zip.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fromLogs } from '../../../client/src/debrief/data.js';
import { csvZip, downloadNames, jsonText } from '../../../client/src/debrief/files.js';
import { mapFrame, strengthSector } from '../../../client/src/debrief/mapModel.js';
import { loseLoseRows, promotionRows, summaryColumns, timelines } from '../../../client/src/debrief/summary.js';
import { roundsCsv } from '../../../shared/model/csv.js';
import { loaded } from './helpers.js';

const log = loaded();
const data = fromLogs([log]);

describe('summaryColumns', () => {
  it("has one column per arm and treatment period, linked to the arm's previous period", () => {
    const cols = summaryColumns(data);
    expect(
      cols.map((c) => [c.armName, c.summary.fromRound, c.summary.toRound, c.summary.treatments.join(' ')]),
    ).toEqual([
      ['Control', 1, 6, ''],
      ['Reform', 1, 3, ''],
      ['Reform', 4, 6, 'A B D1 D2 D3 E'],
    ]);
    expect(cols[0]!.previous).toBeNull();
    expect(cols[1]!.previous).toBeNull();
    expect(cols[2]!.previous).toBe(cols[1]!.summary);
    expect(cols[2]!.summary.worlds).toBe(2);
    expect(cols[2]!.summary.rounds).toBe(6);
  });

  it('adds the columns of a second log after the first', () => {
    const cols = summaryColumns(fromLogs([log, loaded('b.json', 'seed-b')]));
    expect(cols.map((c) => c.source)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(cols[3]!.previous).toBeNull();
  });
});

describe('promotions, timeline, lose-lose moves', () => {
  it("lists each term's promoted region with its record", () => {
    const rows = promotionRows(data);
    expect(rows.map((r) => [r.world, r.fromRound, r.toRound])).toEqual([
      [0, 1, 6],
      [1, 1, 3],
      [1, 4, 6],
      [2, 1, 6],
      [3, 1, 3],
      [3, 4, 6],
    ]);
    for (const r of rows)
      expect(Object.keys(r.record).sort()).toEqual(['barriers', 'breaches', 'detected', 'duplications', 'honoured']);
  });

  it('summarises every round of every world', () => {
    const t = timelines(data);
    expect(t).toHaveLength(4);
    const w = data.sources[0]!.worlds[1]!;
    t[1]!.rows.forEach((row, i) => {
      const r = w.history[i]!;
      expect(row.signed).toBe(r.agreements.length);
      expect(row.barriers).toBe(Object.values(r.decisions).reduce((s, d) => s + d.barriers.length, 0));
      expect(row.welfareRatio).toBe(r.metrics.welfareRatio);
    });
    expect(t[1]!.rows.filter((r) => r.promoted.length > 0).map((r) => r.round)).toEqual([3, 6]);
  });

  it('collects the lose-lose moves of every round', () => {
    const total = data.sources[0]!.worlds.reduce(
      (s, w) => s + w.history.reduce((n, r) => n + r.metrics.loseLoseMoves.length, 0),
      0,
    );
    const rows = loseLoseRows(data);
    expect(rows).toHaveLength(total);
    for (const r of rows) expect(r.gdpLost).toBeGreaterThan(0);
  });
});

describe('mapFrame', () => {
  const w = data.sources[0]!.worlds[1]!;

  it('shows the start before any round', () => {
    const f = mapFrame(w, 0);
    expect(f.round).toBe(0);
    expect(f.treatments).toBeNull();
    expect(f.agreements).toEqual([]);
    expect(f.regions.map((r) => [r.id, r.gdp])).toEqual(w.map.regions.map((r) => [r.id, w.initial[r.id]!.gdp]));
    expect(f.links).toEqual([
      ['C', 'I'],
      ['C', 'F'],
      ['I', 'F'],
    ]);
    expect(f.maxGdp).toBeGreaterThanOrEqual(Math.max(...f.regions.map((r) => r.gdp)));
  });

  it("shows a round's output, barriers, agreements and promotions", () => {
    for (let round = 1; round <= 6; round++) {
      const f = mapFrame(w, round);
      const r = w.history[round - 1]!;
      expect(f.regions.map((x) => x.gdp)).toEqual(w.map.regions.map((x) => r.results.regions[x.id]!.gdp));
      expect(f.barriers.length).toBe(Object.values(r.decisions).reduce((s, d) => s + d.barriers.length, 0));
      expect(f.agreements.map((a) => a.id)).toEqual(r.agreements.map((a) => a.id));
      for (const a of f.agreements) {
        expect(a.detected.length).toBeLessThanOrEqual(a.breachers.length);
        if (a.type === 'openMarket')
          expect(a.breachers).toEqual(
            [a.a, a.b].filter((x, i) => r.decisions[x]!.barriers.includes(i === 0 ? a.b : a.a)),
          );
      }
      expect(f.regions.filter((x) => x.dup).map((x) => x.id)).toEqual(
        w.map.regions.filter((x) => r.results.regions[x.id]!.dup).map((x) => x.id),
      );
      expect(f.regions.some((x) => x.promoted)).toBe(round === 3 || round === 6);
    }
    expect(strengthSector(w.map, 'C')).toBe('ELEC');
  });
});

describe('downloads from a loaded log', () => {
  it('zips the same CSV tables as the server export', () => {
    const files = unzipSync(csvZip({ worlds: log.log.worlds, events: log.log.events }));
    expect(Object.keys(files).sort()).toEqual(['agreements.csv', 'events.csv', 'rounds.csv']);
    // Each file starts with the UTF-8 byte order mark (Excel then reads Chinese names); the decoder drops it.
    for (const f of Object.values(files)) expect([...f.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(files['rounds.csv']!)).toBe(roundsCsv(log.log));
  });

  it('offers the JSON exactly as loaded', () => {
    expect(jsonText(log)).toBe(log.raw);
    expect(downloadNames(log)).toEqual({ json: 'class-a.json', csv: 'class-a-csv.zip' });
  });
});
