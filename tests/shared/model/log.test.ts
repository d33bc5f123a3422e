// docs/rules.md section 11: the session log (export format version 1) and its CSV tables.
import { describe, expect, it } from 'vitest';
import { classPlanConfig } from '../../../shared/model/presets.js';
import { agreementsCsv, csvCell, eventsCsv, roundsCsv } from '../../../shared/model/csv.js';
import { SessionLogSchema } from '../../../shared/model/log.js';
import { simulatedLog, simulateSession } from '../../../shared/model/sim/simulate.js';

const cfg = classPlanConfig('control-vs-reform', {
  map: '3-single',
  rounds: 3,
  arms: [
    { name: 'c', schedule: [{ fromRound: 1, treatments: [] }] },
    {
      name: 'r',
      schedule: [
        { fromRound: 1, treatments: [] },
        { fromRound: 2, treatments: ['D1', 'E'] },
      ],
    },
  ],
});
const session = simulateSession(cfg, 'LOG', 'opportunist');
const log = simulatedLog(cfg, session, 'ABCD', '2024-01-01T00:00:00.000Z');

describe('session log', () => {
  it('has the fixed section-11 field names and passes the log schema', () => {
    expect([log.format, log.formatVersion, log.rulesVersion]).toEqual(['promotion-race-log', 1, 1]);
    expect(log.session).toMatchObject({ code: 'ABCD', createdAt: '2024-01-01T00:00:00.000Z', seed: 'LOG' });
    expect(log.session.config.params).toEqual(cfg.params);
    const w = log.worlds[1]!;
    expect(Object.keys(w)).toEqual(
      expect.arrayContaining(['index', 'seed', 'map', 'arm', 'initial', 'regions', 'rounds', 'promoted']),
    );
    expect([w.index, w.seed, w.map, w.arm]).toEqual([1, 'LOG:1', '3-single', 1]);
    expect(Object.keys(w.initial)).toEqual(['gdp', 'consBase']);
    expect(w.regions.map((r) => r.id)).toEqual(['C', 'I', 'F']);
    const r = w.rounds[0]!;
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining(['round', 'treatments', 'agreements', 'decisions', 'draws', 'results', 'metrics']),
    );
    expect(Object.keys(r.results.regions.C!).sort()).toEqual(
      [
        'breaches',
        'career',
        'consBase',
        'detected',
        'dup',
        'fiscalGrowth',
        'g',
        'gdp',
        'honoured',
        'inflow',
        'nBar',
        'outlay',
        'score',
        'tax',
      ].sort(),
    );
    expect(Object.keys(r.results)).toEqual(expect.arrayContaining(['gAll', 'welfare', 'benchmarkWelfare']));
    expect(Object.keys(r.decisions.C!).sort()).toEqual(['barriers', 'comply', 'invest', 'source']);
    expect(w.promoted.map((p) => p.afterRound)).toEqual([1, 3]);
    expect(SessionLogSchema.safeParse(JSON.parse(JSON.stringify(log))).success).toBe(true);
  });
});

describe('CSV export', () => {
  it('neutralises text cells that start with =, +, -, @, tab or CR, and quotes when needed', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell('张三')).toBe('张三');
  });

  it('rounds.csv has one row per world x round x region with every results field', () => {
    const text = roundsCsv({ worlds: log.worlds, events: [] });
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 2 * 3 * 3);
    for (const f of [
      'gdp',
      'consBase',
      'g',
      'tax',
      'outlay',
      'inflow',
      'fiscalGrowth',
      'score',
      'career',
      'dup',
      'nBar',
      'honoured',
      'breaches',
      'detected',
      'treatments',
      'invest',
      'barriers',
    ]) {
      expect(lines[0]!.split(',')).toContain(f);
    }
  });

  it('agreements.csv has one row per agreement; events.csv one per event', () => {
    const count = log.worlds.reduce((s, w) => s + w.rounds.reduce((t, r) => t + r.agreements.length, 0), 0);
    expect(agreementsCsv({ worlds: log.worlds, events: [] }).trimEnd().split('\r\n')).toHaveLength(1 + count);
    const ev = eventsCsv({ worlds: [], events: [{ seq: 1, at: 't', actor: '=cmd', type: 'x', payload: { a: 1 } }] });
    expect(ev).toBe('seq,at,actor,type,payload\r\n1,t,\'=cmd,x,"{""a"":1}"\r\n');
  });
});
