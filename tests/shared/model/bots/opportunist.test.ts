// Opportunist bot: signs what it expects to gain from, then takes the decision with the best expected career
// points (sanctions included), breaching whenever that pays. Checked against an exhaustive search of its options
// with expectedOutcome, the others predicted to play their defaults and keep their open-market pledges.
import { describe, expect, it, vi } from 'vitest';
import { BOT_POLICIES } from '../../../../shared/model/bots/index.js';
import { scheduledTreatments, type SessionConfig } from '../../../../shared/model/config.js';
import { marketChoiceFor } from '../../../../shared/model/decisions.js';
import type { BotStrategy } from '../../../../shared/model/ids.js';
import { expectedOutcome } from '../../../../shared/model/resolve.js';
import { botsDecide, botsNegotiate } from '../../../../shared/model/sim/playBots.js';
import type { Decision } from '../../../../shared/model/state.js';
import {
  beginRound,
  closeNegotiation,
  createWorld,
  finishRound,
  worldRules,
  type WorldLive,
} from '../../../../shared/model/world.js';
import { configFour, playChecked } from './harness.js';

const STRENGTH: Record<string, string> = { C: 'ELEC', I: 'AUTO', F: 'FOOD', R: 'CHEM' };

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((acc, x) => acc.flatMap((s) => [s, [...s, x]]), [[]]);
}

/** The best expected career region `id` can get, others playing their predicted defaults. */
function bestCareer(cfg: SessionConfig, w: WorldLive, id: string): { best: number; careerOf: (d: Decision) => number } {
  const rules = worldRules(cfg, w);
  const t = w.current!.treatments;
  const ags = w.current!.agreements!;
  const ids = rules.map.regions.map((r) => r.id);
  const pledged = (x: string, y: string) =>
    ags.some((a) => a.type === 'openMarket' && ((a.a === x && a.b === y) || (a.a === y && a.b === x)));
  const others: Record<string, Decision> = {};
  for (const o of ids) {
    const invest = t.includes('B') ? marketChoiceFor(rules, t, w.state, o) : (w.state.lastInvest[o] ?? STRENGTH[o]!);
    others[o] = { invest, barriers: (w.state.lastBarriers[o] ?? []).filter((x) => !pledged(o, x)), comply: {} };
  }
  const careerOf = (d: Decision) => expectedOutcome(rules, t, w.state, ags, { ...others, [id]: d }).regions[id]!.career;
  const projects = ags.filter((a) => a.type === 'project' && (a.a === id || a.b === id)).map((a) => a.id);
  let best = -Infinity;
  for (const invest of rules.map.sectors.map((s) => s.id)) {
    for (const barriers of subsets(ids.filter((x) => x !== id))) {
      for (const breached of subsets(projects)) {
        const comply = Object.fromEntries(
          projects.map((p) => [p, breached.includes(p) ? 'breach' : 'honour'] as const),
        );
        best = Math.max(best, careerOf({ invest, barriers, comply }));
      }
    }
  }
  return { best, careerOf };
}

describe('opportunist bot', () => {
  it('is deterministic for a seed, never calls Math.random and acts only through valid actions', () => {
    const spy = vi.spyOn(Math, 'random');
    const a = playChecked(configFour(), 'opp', () => 'opportunist');
    const b = playChecked(configFour(), 'opp', () => 'opportunist');
    expect(b.trace).toEqual(a.trace);
    expect(b.world).toEqual(a.world);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('takes the decision with the best expected career points', () => {
    const cfg = configFour();
    const mix: Record<string, BotStrategy> = { C: 'cooperative', I: 'opportunist', F: 'opportunist', R: 'adaptive' };
    const strategy = (id: string) => mix[id]!;
    let w = createWorld(cfg, 'opp-best', 0);
    let projectsSeen = 0;
    for (let r = 1; r <= cfg.rounds; r++) {
      w = closeNegotiation(cfg, botsNegotiate(cfg, beginRound(w, scheduledTreatments(cfg, w.arm, r)), strategy));
      for (const id of ['I', 'F']) {
        const chosen = BOT_POLICIES.opportunist.decide({ cfg, world: w, regionId: id });
        const { best, careerOf } = bestCareer(cfg, w, id);
        expect(careerOf(chosen)).toBeGreaterThanOrEqual(best - 1e-9);
        projectsSeen += Object.keys(chosen.comply).length;
      }
      w = finishRound(cfg, botsDecide(cfg, w, strategy));
    }
    expect(projectsSeen).toBeGreaterThan(0);
  }, 60_000);

  it('proposes only deals and answers only with accept or reject', () => {
    const mix: Record<string, BotStrategy> = { C: 'opportunist', I: 'cooperative', F: 'opportunist', R: 'cooperative' };
    const { trace } = playChecked(configFour(), 'opp-mix', (id) => mix[id]!);
    const mine = trace.filter((t) => mix[t.regionId] === 'opportunist' && t.action);
    expect(mine.length).toBeGreaterThan(0);
    for (const t of mine) expect(['propose', 'accept', 'reject']).toContain(t.action!.kind);
  });
});
