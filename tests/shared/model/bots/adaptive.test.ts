// Adaptive bot (docs/rules.md section 10): logit choices driven by u(seed,'bot',r,regionId,...), trust in each partner, and
// acceptance when the expected gain less (1 - trust) x 3 is positive (logit, precision 1 per point).
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { adaptive } from '../../../../shared/model/bots/adaptive.js';
import { snapshot } from '../../../../shared/model/bots/context.js';
import { anticipatedGains } from '../../../../shared/model/bots/deals.js';
import { fear, trustIn } from '../../../../shared/model/bots/trust.js';
import { scheduledTreatments } from '../../../../shared/model/config.js';
import type { BotStrategy } from '../../../../shared/model/ids.js';
import { u } from '../../../../shared/model/random.js';
import { playWorld } from '../../../../shared/model/sim/simulate.js';
import { beginRound, negotiate } from '../../../../shared/model/world.js';
import { configFour, configMulti, playChecked } from './harness.js';

describe('adaptive bot', () => {
  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), (seed) => {
        const a = playChecked(configFour(), seed, () => 'adaptive');
        const b = playChecked(configFour(), seed, () => 'adaptive');
        expect(b.trace).toEqual(a.trace);
        expect(b.world).toEqual(a.world);
      }),
      { numRuns: 5 },
    );
  }, 60_000);

  it('draws from the seed, never from Math.random: different seeds give different play', () => {
    const spy = vi.spyOn(Math, 'random');
    const traces = ['a', 'b', 'c', 'd'].map((s) =>
      JSON.stringify(playChecked(configFour(), s, () => 'adaptive').trace),
    );
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(new Set(traces).size).toBeGreaterThan(1);
  });

  it('acts only through valid actions, also on a multi-centre map with B and D3 and beside other strategies', () => {
    const mix: Record<string, BotStrategy> = { C: 'adaptive', I: 'opportunist', F: 'adaptive', R: 'competitive' };
    for (const seed of ['m1', 'm2']) {
      const { trace } = playChecked(configMulti(), seed, (id) => mix[id]!);
      expect(trace.some((t) => t.regionId === 'C' && t.decision)).toBe(true);
    }
  });

  it('accepts a proposal exactly when u(seed,"bot",r,id,"respond",p) < logistic(gain - (1 - trust) x 3)', () => {
    const cfg = configFour();
    let checked = 0;
    const trusts = new Set<number>();
    const kinds = new Set<string>();
    for (const seed of ['t1', 't2', 't3', 't4', 't5', 't6']) {
      // Two rounds of opportunist play (signed deals, some breached) give a history and so trust levels.
      const played = playWorld({ ...cfg, rounds: 2 }, seed, 0, () => 'opportunist');
      const round = played.state.round + 1;
      let w = beginRound(played, scheduledTreatments(cfg, 0, round));
      const offers = [
        { from: 'C', to: 'I', host: 'I' },
        { from: 'F', to: 'I', host: 'F' },
        { from: 'C', to: 'F', host: 'F' },
      ];
      for (const o of offers) {
        const r = negotiate(cfg, w, {
          kind: 'propose',
          from: o.from,
          to: o.to,
          terms: { openMarket: true, project: { host: o.host, hostShare: 0.5, sidePayment: 0 } },
        });
        if (!r.ok) throw new Error(r.error.message);
        w = r.value;
      }
      for (const p of w.current!.negotiation.proposals) {
        const answer = adaptive.respond({ cfg, world: w, regionId: p.to }, p);
        const { ev, plan } = snapshot(cfg, w);
        const gain = anticipatedGains(ev, plan, ev.index(p.from), ev.index(p.to), p.terms).to;
        const adjusted = gain - fear(trustIn(w.history, p.to, p.from));
        const draw = u(w.seed, 'bot', round, p.to, 'respond', p.id);
        expect(answer.kind === 'accept').toBe(draw < 1 / (1 + Math.exp(-adjusted)));
        trusts.add(trustIn(w.history, p.to, p.from));
        kinds.add(answer.kind);
        checked++;
      }
    }
    expect(checked).toBe(18);
    // Both answers occur, and trust is not always the initial 0.7.
    expect(kinds.has('accept')).toBe(true);
    expect(kinds.size).toBeGreaterThan(1);
    expect([...trusts].some((t) => t !== 0.7)).toBe(true);
  }, 60_000);
});
