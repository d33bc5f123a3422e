// docs/rules.md sections 2 and 4: the session config, its defaults, its validation messages, arms and world seeds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  armMap,
  armOfWorld,
  parseConfig,
  scheduledTreatments,
  SessionConfigSchema,
  worldSeed,
  type SessionConfig,
} from '../../../shared/model/config.js';
import { defaultParams, ParamsSchema, TAX_PRESETS } from '../../../shared/model/params.js';

function mustParse(input: unknown): SessionConfig {
  const r = parseConfig(input);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

function errorsOf(input: unknown): string {
  const r = parseConfig(input);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.errors.join('\n');
}

describe('parameters (section 4 defaults)', () => {
  it('match the rule book', () => {
    expect(defaultParams()).toEqual({
      accessAdjacent: 0.8,
      accessFar: 0.5,
      barrierCut: 0.6,
      tax: { rate: 0.13, localShare: 0.5 },
      wFiscal: 0.5,
      scale: 100,
      project: {
        gamma: 0.03,
        kappa: 0.05,
        sigma: 0.6,
        shock: [
          { epsilon: -1, p: 0.3 },
          { epsilon: 0, p: 0.4 },
          { epsilon: 1, p: 0.3 },
        ],
      },
      blame: 3,
      enforcement: { audit: 0.1, fineShare: 0.2, promoPenalty: 0, compensate: false },
      enforcementE: { audit: 0.8, fineShare: 0.3, promoPenalty: 3, compensate: true },
      science: { omega: 0.5, target: 0.05, coopCredit: 0.5, breachPenalty: 3, barrierPenalty: 1, dupPenalty: 1.5 },
      A: { pilotCofund: 0.5, recognition: 1 },
      B: { overrideCost: 0.06, barrierReviewCost: 0.03 },
    });
    expect(TAX_PRESETS['1994-2016']).toEqual({ rate: 0.17, localShare: 0.25 });
  });

  it('a partial override keeps the other defaults', () => {
    const p = ParamsSchema.parse({ tax: { rate: 0.17 }, project: { gamma: 0.1 }, science: { omega: 0.25 } });
    expect(p.tax).toEqual({ rate: 0.17, localShare: 0.5 });
    expect(p.project).toEqual({ ...defaultParams().project, gamma: 0.1 });
    expect(p.science).toEqual({ ...defaultParams().science, omega: 0.25 });
  });
});

describe('session config', () => {
  it('defaults: map 4-single, 8 rounds, baseline then all reforms from round 5, phase lengths', () => {
    const cfg = mustParse({});
    expect(cfg.map).toBe('4-single');
    expect(cfg.rounds).toBe(8);
    expect(cfg.arms).toEqual([
      {
        name: 'Baseline then all reforms',
        schedule: [
          { fromRound: 1, treatments: [] },
          { fromRound: 5, treatments: ['A', 'B', 'D1', 'D2', 'D3', 'E'] },
        ],
      },
    ]);
    expect(cfg.phases).toEqual({ briefing: 20, negotiate: 120, decide: 60, results: 45 });
    expect(cfg.params).toEqual(defaultParams());
  });

  const arm = (schedule: { fromRound: number; treatments: string[] }[], extra: object = {}) => ({
    arms: [{ name: 'T', schedule, ...extra }],
  });

  it.each([
    ['an unknown map', { map: 'moon' }, /unknown map "moon"/],
    [
      'an arm with an unknown map',
      { arms: [{ name: 'T', map: 'moon', schedule: [{ fromRound: 1, treatments: [] }] }] },
      /arm "T": unknown map "moon"/,
    ],
    ['a schedule not starting at round 1', arm([{ fromRound: 2, treatments: [] }]), /must start at round 1/],
    [
      'decreasing schedule rounds',
      arm([
        { fromRound: 1, treatments: [] },
        { fromRound: 5, treatments: ['A'] },
        { fromRound: 3, treatments: [] },
      ]),
      /schedule rounds must increase/,
    ],
    [
      'a step after the last round',
      {
        rounds: 4,
        ...arm([
          { fromRound: 1, treatments: [] },
          { fromRound: 6, treatments: ['A'] },
        ]),
      },
      /after the last round \(4\)/,
    ],
    [
      'C only in a later step',
      arm([
        { fromRound: 1, treatments: [] },
        { fromRound: 3, treatments: ['C', 'A'] },
      ]),
      /C \(multi-centre map\) is fixed when a world is created/,
    ],
    [
      'C on a single-centre arm map',
      arm([{ fromRound: 1, treatments: ['C'] }], { map: '4-single' }),
      /C is in force but map "4-single" is single-centre/,
    ],
    ['an unknown treatment', arm([{ fromRound: 1, treatments: ['Z'] }]), /arms\.0\.schedule\.0\.treatments\.0/],
    ['a treatment listed twice', arm([{ fromRound: 1, treatments: ['A', 'A'] }]), /listed twice/],
    [
      'shock probabilities not summing to 1',
      {
        params: {
          project: {
            shock: [
              { epsilon: -1, p: 0.5 },
              { epsilon: 1, p: 0.4 },
            ],
          },
        },
      },
      /probabilities must sum to 1/,
    ],
    ['sigma = 1', { params: { project: { sigma: 1 } } }, /sigma must be below 1/],
    ['sigma > 1', { params: { project: { sigma: 1.5 } } }, /sigma must be below 1/],
    ['an unknown top-level key', { colour: 'red' }, /colour/],
    ['an unknown parameter', { params: { gamma: 0.1 } }, /params.*gamma/],
    ['a negative share', { params: { barrierCut: -0.1 } }, /params\.barrierCut/],
    ['a wrong rules version', { rulesVersion: 2 }, /rulesVersion/],
  ])('rejects %s with a readable message', (_name, input, message) => {
    const before = structuredClone(input);
    expect(errorsOf(input)).toMatch(message);
    expect(input).toEqual(before);
  });

  it('accepts shock probabilities that sum to 1 within rounding and sigma just below 1', () => {
    expect(
      parseConfig({
        params: {
          project: {
            sigma: 0.99,
            shock: [
              { epsilon: -1, p: 0.1 },
              { epsilon: 0, p: 0.2 },
              { epsilon: 1, p: 0.7 },
            ],
          },
        },
      }).ok,
    ).toBe(true);
  });
});

describe('arms, maps and seeds', () => {
  const cfg = SessionConfigSchema.parse({
    map: '4-single',
    rounds: 6,
    arms: [
      {
        name: 'single',
        schedule: [
          { fromRound: 1, treatments: [] },
          { fromRound: 4, treatments: ['E', 'A'] },
        ],
      },
      {
        name: 'multi',
        schedule: [
          { fromRound: 1, treatments: ['C'] },
          { fromRound: 3, treatments: ['C', 'D1'] },
        ],
      },
      { name: 'own map', map: '3-single', schedule: [{ fromRound: 1, treatments: ['B'] }] },
    ],
  });

  it("armMap: the session map, its multi-centre variant under C, or the arm's own map", () => {
    expect(armMap(cfg, 0).id).toBe('4-single');
    expect(armMap(cfg, 1).id).toBe('4-multi');
    expect(armMap(cfg, 2).id).toBe('3-single');
    expect(() => armMap(cfg, 3)).toThrow(RangeError);
  });

  it('scheduledTreatments follows the schedule, in canonical order, with C on multi-centre maps', () => {
    expect([1, 2, 3, 4, 5, 6].map((r) => scheduledTreatments(cfg, 0, r))).toEqual([
      [],
      [],
      [],
      ['A', 'E'],
      ['A', 'E'],
      ['A', 'E'],
    ]);
    expect(scheduledTreatments(cfg, 1, 1)).toEqual(['C']);
    expect(scheduledTreatments(cfg, 1, 5)).toEqual(['C', 'D1']);
    expect(scheduledTreatments(cfg, 2, 2)).toEqual(['B']);
  });

  it('C is added whenever the arm plays a multi-centre map', () => {
    const c = SessionConfigSchema.parse({
      map: '3-multi',
      arms: [{ name: 'x', schedule: [{ fromRound: 1, treatments: ['A'] }] }],
    });
    expect(scheduledTreatments(c, 0, 1)).toEqual(['A', 'C']);
  });

  it('worlds are assigned to arms in turn; world seed = `${sessionSeed}:${index}`', () => {
    expect([0, 1, 2, 3, 4].map((w) => armOfWorld(cfg, w))).toEqual([0, 1, 2, 0, 1]);
    expect(worldSeed('ABC', 0)).toBe('ABC:0');
    expect(worldSeed('课堂', 12)).toBe('课堂:12');
  });
});

describe('invalid configs (property)', () => {
  const valid = {
    map: '4-single',
    rounds: 8,
    arms: [
      {
        name: 'A',
        schedule: [
          { fromRound: 1, treatments: [] },
          { fromRound: 5, treatments: ['A', 'E'] },
        ],
      },
    ],
    params: { project: { sigma: 0.5 } },
  };
  type Cfg = Record<string, unknown> & typeof valid;
  const breakers: ((c: Cfg) => void)[] = [
    (c) => {
      c.map = 'nowhere';
    },
    (c) => {
      c.arms[0]!.schedule[0]!.fromRound = 2;
    },
    (c) => {
      c.arms[0]!.schedule[1]!.fromRound = 1;
    },
    (c) => {
      c.arms[0]!.schedule[1]!.fromRound = 9;
    },
    (c) => {
      c.arms[0]!.schedule[1]!.treatments = ['C'];
    },
    (c) => {
      c.params.project.sigma = 1;
    },
    (c) => {
      (c.params.project as Record<string, unknown>).shock = [{ epsilon: 0, p: 0.9 }];
    },
    (c) => {
      c.extra = true;
    },
    (c) => {
      c.rounds = 0;
    },
    (c) => {
      c.arms = [];
    },
  ];

  it('any broken config is rejected with a message and left unchanged', () => {
    expect(parseConfig(valid).ok).toBe(true);
    fc.assert(
      fc.property(
        fc.subarray(
          breakers.map((_, k) => k),
          { minLength: 1 },
        ),
        (picks) => {
          const input = structuredClone(valid) as Cfg;
          for (const k of picks) breakers[k]!(input);
          const before = structuredClone(input);
          const r = parseConfig(input);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.errors.every((e) => e.length > 5)).toBe(true);
          expect(input).toEqual(before);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('partial overrides keep the section 4 defaults', () => {
  it('enforcementE keeps its own defaults when one value is given', () => {
    const e = ParamsSchema.parse({ enforcementE: { audit: 0.5 } }).enforcementE;
    expect(e).toEqual({ audit: 0.5, fineShare: 0.3, promoPenalty: 3, compensate: true });
    expect(ParamsSchema.parse({ enforcementE: {} }).enforcementE.audit).toBe(0.8);
  });

  it('C on a custom session map without a multi-centre variant is rejected', () => {
    const custom = { ...structuredClone(mustParse({}).maps[0] ?? MAP_FOR_TEST), id: 'mine', multiCentre: false };
    expect(
      errorsOf({ map: 'mine', maps: [custom], arms: [{ name: 'c', schedule: [{ fromRound: 1, treatments: ['C'] }] }] }),
    ).toMatch(/no multi-centre variant/);
  });
});

const MAP_FOR_TEST = {
  id: 'mine',
  multiCentre: false,
  sectors: [{ id: 'X', name: { en: 'x', zh: 'x' }, theta: 1, m: 1, Z: 1 }],
  regions: [
    { id: 'A', name: { en: 'a', zh: 'a' }, pop: 1, M: 1, Y0: 1, at: { x: 0, y: 0 } },
    { id: 'B', name: { en: 'b', zh: 'b' }, pop: 1, M: 1, Y0: 1, at: { x: 1, y: 1 } },
  ],
  links: [['A', 'B']],
};
