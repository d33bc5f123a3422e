// Class plans: ready-made session configs. Every one must parse, on every preset map.
import { describe, expect, it } from 'vitest';
import { ALL_REFORMS, armMap, parseConfig, scheduledTreatments } from '../../../shared/model/config.js';
import { MAP_PRESET_IDS } from '../../../shared/model/maps.js';
import {
  CLASS_PLANS,
  classPlanConfig,
  DEFAULT_CLASS_PLAN,
  findClassPlan,
  planRounds,
} from '../../../shared/model/presets.js';

describe('class plans', () => {
  it('have unique ids and names and goals in both languages', () => {
    expect(new Set(CLASS_PLANS.map((p) => p.id)).size).toBe(CLASS_PLANS.length);
    for (const p of CLASS_PLANS) {
      expect(p.name.en.length * p.name.zh.length * p.goal.en.length * p.goal.zh.length).toBeGreaterThan(0);
    }
    expect(findClassPlan(DEFAULT_CLASS_PLAN)).toBeDefined();
    expect(findClassPlan('nope')).toBeUndefined();
    expect(() => classPlanConfig('nope')).toThrow(/unknown class plan/);
  });

  it('name each group in both languages, one per arm; only the research plan keeps research words', () => {
    for (const p of CLASS_PLANS) {
      const cfg = classPlanConfig(p.id);
      expect(
        p.groups.map((g) => g.en),
        p.id,
      ).toEqual(cfg.arms.map((a) => a.name));
      for (const g of p.groups) expect(g.zh.length, p.id).toBeGreaterThan(0);
      const research = p.id.startsWith('simulator');
      for (const g of p.groups) expect(/[\u4e00-\u9fff]/.test(g.zh), p.id).toBe(!research);
    }
  });

  it('labels its rounds from its config: a two-step single group splits them, anything else gives the total', () => {
    const split = (id: string) => {
      const cfg = classPlanConfig(id);
      return planRounds(cfg.rounds, cfg.arms);
    };
    expect(split('baseline-then-reforms')).toEqual([4, 4]);
    expect(split('simulator-6-6')).toEqual([6, 6]);
    expect(split('quick-demo')).toEqual([1, 2]);
    expect(split('reform-ladder')).toEqual([8]);
    expect(split('control-vs-reform')).toEqual([8]);
    // Edited: 10 rounds, reforms from round 5; a reform round past the end; a field being typed.
    const arms = [{ schedule: [{ fromRound: 1 }, { fromRound: 5 }] }];
    expect(planRounds(10, arms)).toEqual([4, 6]);
    expect(planRounds(3, arms)).toEqual([3]);
    expect(planRounds(Number.NaN, arms)).toBeNull();
  });

  it.each(CLASS_PLANS.map((p) => [p.id] as const))('%s parses on every preset map', (id) => {
    const plan = findClassPlan(id)!;
    expect(parseConfig(plan.config).ok).toBe(true);
    for (const map of MAP_PRESET_IDS) {
      const cfg = classPlanConfig(id, { map });
      cfg.arms.forEach((_arm, a) => {
        const m = armMap(cfg, a);
        for (let r = 1; r <= cfg.rounds; r++) expect(scheduledTreatments(cfg, a, r).includes('C')).toBe(m.multiCentre);
      });
    }
  });

  it('simulator-6-6: 12 rounds, 6 baseline then all reforms (section 10)', () => {
    const cfg = classPlanConfig('simulator-6-6', { map: '3-single' });
    expect(cfg.rounds).toBe(12);
    expect(cfg.map).toBe('3-single');
    const t = Array.from({ length: 12 }, (_, k) => scheduledTreatments(cfg, 0, k + 1));
    expect(t.slice(0, 6)).toEqual(Array.from({ length: 6 }, () => []));
    expect(t.slice(6)).toEqual(Array.from({ length: 6 }, () => ALL_REFORMS));
  });

  it('single-vs-multi-centre: the C arm plays the multi-centre variant', () => {
    const cfg = classPlanConfig('single-vs-multi-centre', { map: '3-single' });
    expect(armMap(cfg, 0).id).toBe('3-single');
    expect(armMap(cfg, 1).id).toBe('3-multi');
  });
});
