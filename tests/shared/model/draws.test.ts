// docs/rules.md section 6: a project's shock is the first ε whose cumulative probability exceeds u(seed,'shock',r,id); an
// agreement is audited when u(seed,'audit',r,id) < audit (0.8 under E, else 0.1).
import { describe, expect, it } from 'vitest';
import { auditProbability, drawRound, shockFor } from '../../../shared/model/draws.js';
import { defaultParams, ParamsSchema } from '../../../shared/model/params.js';
import { u } from '../../../shared/model/random.js';
import { openMarketAg, projectAg } from './helpers.js';

const params = defaultParams();

describe('shockFor', () => {
  it('walks the cumulative probabilities -1 (0.3), 0 (0.7), +1 (1.0)', () => {
    expect(shockFor(params, 0)).toBe(-1);
    expect(shockFor(params, 0.2999)).toBe(-1);
    expect(shockFor(params, 0.3)).toBe(0); // 0.3 does not exceed 0.3
    expect(shockFor(params, 0.69)).toBe(0);
    expect(shockFor(params, 0.71)).toBe(1);
    expect(shockFor(params, 0.999999)).toBe(1);
  });

  it('follows a custom shock list in its listed order', () => {
    const p = ParamsSchema.parse({
      project: {
        shock: [
          { epsilon: 1, p: 0.5 },
          { epsilon: -0.5, p: 0.5 },
        ],
      },
    });
    expect(shockFor(p, 0.49)).toBe(1);
    expect(shockFor(p, 0.5)).toBe(-0.5);
  });
});

describe('drawRound', () => {
  const ags = [projectAg('C', 'I', 'I', 0.5, 0, 3), openMarketAg('C', 'I', 3), projectAg('I', 'F', 'F', 0.5, 0, 3)];

  it('draws a shock for every project and an audit for every agreement from tagged u values', () => {
    for (const underE of [false, true]) {
      const d = drawRound('demo:1', 3, ags, params, underE);
      expect(Object.keys(d.shock).sort()).toEqual(['r3-C-I-project', 'r3-I-F-project']);
      expect(Object.keys(d.audit).sort()).toEqual(ags.map((a) => a.id).sort());
      const audit = underE ? 0.8 : 0.1;
      expect(auditProbability(params, underE)).toBe(audit);
      for (const ag of ags) {
        expect(d.audit[ag.id]).toBe(u('demo:1', 'audit', 3, ag.id) < audit);
        if (ag.type === 'project') expect(d.shock[ag.id]).toBe(shockFor(params, u('demo:1', 'shock', 3, ag.id)));
      }
    }
  });

  it('is order-independent: each draw depends only on its own tags', () => {
    const forward = drawRound('s:0', 3, ags, params, true);
    const backward = drawRound('s:0', 3, [...ags].reverse(), params, true);
    const alone = drawRound('s:0', 3, [ags[2]!], params, true);
    expect(backward).toEqual(forward);
    expect(alone.shock['r3-I-F-project']).toBe(forward.shock['r3-I-F-project']);
  });

  it('audits at roughly the configured rate over many agreements', () => {
    const many = Array.from({ length: 2000 }, (_, k) => ({ ...openMarketAg('C', 'I', 1), id: `a${k}` }));
    const rate = (underE: boolean) =>
      Object.values(drawRound('rate', 1, many, params, underE).audit).filter(Boolean).length / many.length;
    expect(rate(false)).toBeGreaterThan(0.07);
    expect(rate(false)).toBeLessThan(0.13);
    expect(rate(true)).toBeGreaterThan(0.77);
    expect(rate(true)).toBeLessThan(0.83);
  });
});
