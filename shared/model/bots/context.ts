// Shared per-round bot context: one evaluator and the regions' planned decisions for a world, the round's
// signed agreements and the treatments in force; cached because every bot of a world asks the same question.
import type { SessionConfig } from '../config.js';
import type { RegionId } from '../ids.js';
import { signedAgreements, type Proposal, type ProposalTerms } from '../negotiation.js';
import { u } from '../random.js';
import type { WorldState } from '../state.js';
import { worldRules, type WorldLive } from '../world.js';
import { Plans } from './deals.js';
import { RoundEvaluator } from './evaluator.js';

export interface BotCtx {
  cfg: SessionConfig;
  world: WorldLive;
  regionId: RegionId;
}

export interface Snapshot {
  ev: RoundEvaluator;
  plan: Plans;
  /** Strategies' own per-snapshot results (e.g. an adaptive bot's best offer to a partner). */
  memo: Map<string, unknown>;
}

const cache = new WeakMap<WorldState, Map<string, Snapshot>>();

/** The evaluator for the world's current agreements (signed so far, or final once negotiation closed). */
export function snapshot(cfg: SessionConfig, world: WorldLive): Snapshot {
  const cur = world.current;
  // The agreements signed so far identify the snapshot (signed proposals never change back).
  let signedIds = '';
  for (const p of cur?.negotiation.proposals ?? []) if (p.status === 'signed') signedIds += p.id + ',';
  const key = `${cur?.round ?? 0}|${cur?.treatments.join(',') ?? ''}|${signedIds}`;
  let inner = cache.get(world.state);
  if (!inner) {
    inner = new Map();
    cache.set(world.state, inner);
  }
  let snap = inner.get(key);
  if (!snap) {
    const agreements = cur ? (cur.agreements ?? signedAgreements(worldRules(cfg, world), cur.negotiation)) : [];
    const ev = new RoundEvaluator(cfg, world, agreements);
    snap = { ev, plan: new Plans(ev), memo: new Map() };
    if (inner.size > 32) inner.clear();
    inner.set(key, snap);
  }
  return snap;
}

/** A bot's uniform draw for this round (docs/rules.md section 6: u(seed, 'bot', r, regionId, ...)). */
export function botDraw(ctx: BotCtx, ...tags: (string | number)[]): number {
  const round = ctx.world.current?.round ?? ctx.world.state.round + 1;
  return u(ctx.world.seed, 'bot', round, ctx.regionId, ...tags);
}

/** Linked partners of a region, in map order. */
export function partners(ctx: BotCtx, ev: RoundEvaluator): number[] {
  const i = ev.index(ctx.regionId);
  const out: number[] = [];
  for (let j = 0; j < ev.n; j++) if (j !== i && ev.ctx.cm.linked[i * ev.n + j] === 1) out.push(j);
  return out;
}

export function pendingBetween(world: WorldLive, from: RegionId, to: RegionId): Proposal | undefined {
  return world.current?.negotiation.proposals.find((p) => p.status === 'pending' && p.from === from && p.to === to);
}

export function isSignedWith(world: WorldLive, x: RegionId, y: RegionId): boolean {
  return (
    world.current?.negotiation.proposals.some(
      (p) => p.status === 'signed' && ((p.from === x && p.to === y) || (p.from === y && p.to === x)),
    ) ?? false
  );
}

/**
 * The offers an adaptive bot considers: the standard contract of the benchmark, a joint project hosted by the
 * smaller economy, alone or with an open-market pledge.
 */
export function standardOffers(smaller: RegionId): ProposalTerms[] {
  const project = { host: smaller, hostShare: 0.5, sidePayment: 0 };
  return [
    { openMarket: false, project: { ...project } },
    { openMarket: true, project: { ...project } },
  ];
}

/** Every combination of clauses and hosts with a partner (the opportunist shops around). */
export function allOffers(self: RegionId, partner: RegionId): ProposalTerms[] {
  const project = (host: RegionId) => ({ host, hostShare: 0.5, sidePayment: 0 });
  return [
    { openMarket: true, project: null },
    { openMarket: false, project: project(self) },
    { openMarket: false, project: project(partner) },
    { openMarket: true, project: project(self) },
    { openMarket: true, project: project(partner) },
  ];
}

/** The hot sector: the highest margin (first on a tie). */
export function hotSector(ev: RoundEvaluator): number {
  let best = 0;
  for (let k = 1; k < ev.s; k++) if ((ev.ctx.cm.margin[k] as number) > (ev.ctx.cm.margin[best] as number)) best = k;
  return best;
}
