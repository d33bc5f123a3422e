// Cooperative bot: offers an open market and a project hosted by the smaller economy to every neighbour, accepts
// everything, invests in its strength (the market's choice under B), never blocks, always honours.
import { describe, expect, it, vi } from 'vitest';
import { marketChoiceFor } from '../../../../shared/model/decisions.js';
import type { BotStrategy } from '../../../../shared/model/ids.js';
import { MAP_PRESETS } from '../../../../shared/model/maps.js';
import { actionsOf, configFour, configMulti, decisionsOf, playChecked } from './harness.js';

const STRENGTH: Record<string, string> = { C: 'ELEC', I: 'AUTO', F: 'FOOD', R: 'CHEM' };

describe('cooperative bot', () => {
  it('is deterministic for a seed and never calls Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    const a = playChecked(configFour(), 'coop', () => 'cooperative');
    const b = playChecked(configFour(), 'coop', () => 'cooperative');
    expect(b.trace).toEqual(a.trace);
    expect(b.world).toEqual(a.world);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('never blocks, always honours, invests in its strength sector without B', () => {
    const { trace, world } = playChecked(configFour(), 'coop', () => 'cooperative');
    for (const id of ['C', 'I', 'F', 'R']) {
      const ds = decisionsOf(trace, id);
      expect(ds).toHaveLength(4);
      for (const d of ds) {
        expect(d.barriers).toEqual([]);
        expect(Object.values(d.comply).every((c) => c === 'honour')).toBe(true);
      }
      expect(ds.slice(0, 2).map((d) => d.invest)).toEqual([STRENGTH[id], STRENGTH[id]]);
    }
    // Under B (rounds 3-4) it invests in the market's choice, evaluated on the state before the round.
    const rules = { params: configFour().params, map: MAP_PRESETS['4-single']! };
    for (const rec of world.history.filter((r) => r.treatments.includes('B'))) {
      const before = world.history[rec.round - 2]!.stateAfter;
      for (const id of ['C', 'I', 'F', 'R'])
        expect(rec.decisions[id]!.invest).toBe(marketChoiceFor(rules, rec.treatments, before, id));
    }
  });

  it('proposes both clauses to each neighbour, hosted by the smaller economy, and accepts everything', () => {
    const { trace, world } = playChecked(configFour(), 'coop', () => 'cooperative');
    const first = trace.filter((t) => t.round === 1 && t.action?.kind === 'propose');
    expect(first.length).toBeGreaterThan(0);
    const gdp = world.initial;
    for (const t of first) {
      const a = t.action!;
      if (a.kind !== 'propose') continue;
      expect(a.terms.openMarket).toBe(true);
      const smaller = gdp[a.to]!.gdp < gdp[a.from]!.gdp ? a.to : a.from;
      expect(a.terms.project?.host).toBe(smaller);
      expect(a.terms.project?.sidePayment).toBe(0);
    }
    for (const id of ['C', 'I', 'F', 'R']) {
      for (const a of actionsOf(trace, id)) expect(['propose', 'accept']).toContain(a.kind);
    }
    // Every linked pair signs in every round.
    for (const rec of world.history) expect(rec.metrics.cooperation).toBe(1);
  });

  it('acts only through valid actions on a multi-centre map with B and D3, beside other strategies', () => {
    const mix: Record<string, BotStrategy> = { C: 'cooperative', I: 'adaptive', F: 'cooperative', R: 'opportunist' };
    const { trace } = playChecked(configMulti(), 'coop-mix', (id) => mix[id]!);
    expect(trace.length).toBeGreaterThan(0);
    for (const d of decisionsOf(trace, 'C')) expect(d.barriers).toEqual([]);
  });
});
