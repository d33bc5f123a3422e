// Class plans: ready-made session configs. Every one must parse, on every preset map.
import { describe, expect, it } from 'vitest';
import { ALL_REFORMS, armMap, parseConfig, scheduledTreatments } from '../../../shared/model/config.js';
import { MAP_PRESET_IDS } from '../../../shared/model/maps.js';
import { CLASS_PLANS, classPlanConfig, DEFAULT_CLASS_PLAN, findClassPlan } from '../../../shared/model/presets.js';

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
