// Lets bots play regions of a world through the same negotiation and decision functions a human uses.
import type { SessionConfig } from '../config.js';
import type { BotStrategy, RegionId } from '../ids.js';
import { BOT_POLICIES } from '../bots/index.js';
import { negotiate, submitDecision, regionIds, type NegotiationAction, type WorldLive } from '../world.js';

export type StrategyFor = (regionId: RegionId) => BotStrategy | null;

function apply(cfg: SessionConfig, world: WorldLive, action: NegotiationAction): WorldLive {
  const r = negotiate(cfg, world, action);
  return r.ok ? r.value : world;
}

/** The bots' opening proposals, region by region in map order. */
export function botsPropose(cfg: SessionConfig, world: WorldLive, strategyFor: StrategyFor): WorldLive {
  let w = world;
  for (const id of regionIds(cfg, w)) {
    const s = strategyFor(id);
    if (!s) continue;
    for (const action of BOT_POLICIES[s].propose({ cfg, world: w, regionId: id })) w = apply(cfg, w, action);
  }
  return w;
}

/** Bots answer the pending proposals addressed to them; returns the world and whether anything changed. */
export function botsRespond(
  cfg: SessionConfig,
  world: WorldLive,
  strategyFor: StrategyFor,
): { world: WorldLive; changed: boolean } {
  let w = world;
  let changed = false;
  for (const id of regionIds(cfg, w)) {
    const s = strategyFor(id);
    if (!s) continue;
    const pending = w.current?.negotiation.proposals.filter((p) => p.status === 'pending' && p.to === id) ?? [];
    for (const p of pending) {
      const still = w.current?.negotiation.proposals.find((x) => x.id === p.id);
      if (still?.status !== 'pending') continue;
      w = apply(cfg, w, BOT_POLICIES[s].respond({ cfg, world: w, regionId: id }, still));
      changed = true;
    }
  }
  return { world: w, changed };
}

/**
 * A negotiation among bots: opening proposals (unless `open` is false), then answers until nothing is pending
 * for a bot.
 */
export function botsNegotiate(
  cfg: SessionConfig,
  world: WorldLive,
  strategyFor: StrategyFor,
  passes = 3,
  open = true,
): WorldLive {
  let w = open ? botsPropose(cfg, world, strategyFor) : world;
  for (let k = 0; k < passes; k++) {
    const r = botsRespond(cfg, w, strategyFor);
    w = r.world;
    if (!r.changed) break;
  }
  return w;
}

/** Every bot region submits its decision (source `bot`). */
export function botsDecide(cfg: SessionConfig, world: WorldLive, strategyFor: StrategyFor): WorldLive {
  let w = world;
  for (const id of regionIds(cfg, w)) {
    const s = strategyFor(id);
    if (!s) continue;
    const r = submitDecision(cfg, w, id, BOT_POLICIES[s].decide({ cfg, world: w, regionId: id }), 'bot');
    if (r.ok) w = r.value;
  }
  return w;
}
