// Competitive bot: duplicates the hot sector (AUTO, the highest margin), blocks every other region, proposes
// nothing, refuses everything and breaches any project.
import { describe, expect, it, vi } from 'vitest';
import { BOT_POLICIES } from '../../../../shared/model/bots/index.js';
import { parseConfig } from '../../../../shared/model/config.js';
import type { BotStrategy } from '../../../../shared/model/ids.js';
import { beginRound, closeNegotiation, createWorld, negotiate } from '../../../../shared/model/world.js';
import { actionsOf, configFour, configMulti, decisionsOf, playChecked } from './harness.js';

describe('competitive bot', () => {
  it('is deterministic for a seed and never calls Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    const a = playChecked(configFour(), 'comp', () => 'competitive');
    const b = playChecked(configFour(), 'comp', () => 'competitive');
    expect(b.trace).toEqual(a.trace);
    expect(b.world).toEqual(a.world);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('blocks everyone and invests in AUTO, in every round and under every rule', () => {
    for (const cfg of [configFour(), configMulti()]) {
      const { trace } = playChecked(cfg, 'comp', () => 'competitive');
      for (const id of ['C', 'I', 'F', 'R']) {
        const ds = decisionsOf(trace, id);
        expect(ds).toHaveLength(cfg.rounds);
        for (const d of ds) {
          expect(d.invest).toBe('AUTO');
          expect(d.barriers).toEqual(['C', 'I', 'F', 'R'].filter((x) => x !== id));
        }
        expect(actionsOf(trace, id)).toEqual([]);
      }
    }
  });

  it('rejects proposals made to it and breaches a project it is bound by', () => {
    const mix: Record<string, BotStrategy> = { C: 'cooperative', I: 'competitive', F: 'cooperative', R: 'competitive' };
    const { trace } = playChecked(configFour(), 'comp-mix', (id) => mix[id]!);
    const answers = [...actionsOf(trace, 'I'), ...actionsOf(trace, 'R')];
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((a) => a.kind === 'reject')).toBe(true);

    // A project signed by a human for the competitive region is breached.
    const cfgR = parseConfig({
      map: '3-single',
      rounds: 1,
      arms: [{ name: 'x', schedule: [{ fromRound: 1, treatments: [] }] }],
    });
    if (!cfgR.ok) throw new Error('config');
    const cfg = cfgR.value;
    let w = beginRound(createWorld(cfg, 's', 0), []);
    const p = negotiate(cfg, w, {
      kind: 'propose',
      from: 'C',
      to: 'I',
      terms: { openMarket: false, project: { host: 'I', hostShare: 0.5, sidePayment: 0 } },
    });
    if (!p.ok) throw new Error(p.error.message);
    const signed = negotiate(cfg, p.value, { kind: 'accept', by: 'I', proposalId: 'p1-1' });
    if (!signed.ok) throw new Error(signed.error.message);
    w = closeNegotiation(cfg, signed.value);
    const d = BOT_POLICIES.competitive.decide({ cfg, world: w, regionId: 'I' });
    expect(d).toEqual({ invest: 'AUTO', barriers: ['C', 'F'], comply: { 'r1-C-I-project': 'breach' } });
  });
});
