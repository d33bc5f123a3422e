// docs/rules.md section 5 "Decisions": validation with a reason, and the defaults a region gets when it submits nothing.
import { z } from 'zod';
import { compileMap, type CompiledMap } from './compiled.js';
import { fail, ok, type Result } from './errors.js';
import { flagsOf, type Treatment } from './ids.js';
import { prepareRound } from './resolve.js';
import { marketChoices } from './settle.js';
import type { Agreement, Decision, WorldRules, WorldState } from './state.js';

/** The shape of a decision on the wire; the rules check the content. */
export const DecisionSchema = z.object({
  invest: z.string().min(1).max(16),
  barriers: z.array(z.string().min(1).max(16)).max(16),
  comply: z.record(z.string().max(40), z.enum(['honour', 'breach'])).default({}),
});

/** Checks a region's decision against the map and the round's signed agreements; returns it normalised. */
export function validateDecision(
  rules: WorldRules,
  regionId: string,
  agreements: readonly Agreement[],
  decision: Decision,
): Result<Decision> {
  const cm = compileMap(rules.map, rules.params);
  if (!cm.regionIndex.has(regionId)) return fail('UNKNOWN_REGION', `region ${regionId} is not on this map`);
  if (!cm.sectorIndex.has(decision.invest)) {
    return fail('INVALID_INVEST', `invest must be one of ${cm.sectorIds.join(', ')}, not ${decision.invest}`);
  }
  const seen = new Set<string>();
  for (const target of decision.barriers) {
    if (target === regionId) return fail('INVALID_BARRIER', 'a region cannot put a barrier against itself');
    if (!cm.regionIndex.has(target))
      return fail('INVALID_BARRIER', `barrier against ${target}: no such region in this world`);
    if (seen.has(target)) return fail('INVALID_BARRIER', `barrier against ${target} is listed twice`);
    seen.add(target);
  }
  const mine = new Set(
    agreements.filter((a) => a.type === 'project' && (a.a === regionId || a.b === regionId)).map((a) => a.id),
  );
  for (const id of Object.keys(decision.comply)) {
    if (!mine.has(id))
      return fail('INVALID_COMPLY', `comply names ${id}, which is not a signed project of ${regionId} this round`);
  }
  const order = cm.regionIds;
  return ok({
    invest: decision.invest,
    barriers: order.filter((r) => seen.has(r)),
    comply: Object.fromEntries(
      agreements
        .filter((a) => mine.has(a.id))
        .flatMap((a) => {
          const c = decision.comply[a.id];
          return c ? [[a.id, c]] : [];
        }),
    ),
  });
}

/** The sector the market would choose for a region this round (reform B). */
export function marketChoiceFor(
  rules: WorldRules,
  treatments: readonly Treatment[],
  state: WorldState,
  regionId: string,
): string {
  const ctx = prepareRound(rules, treatments, state);
  const i = ctx.cm.regionIndex.get(regionId);
  if (i === undefined) throw new RangeError(`unknown region ${regionId}`);
  return ctx.cm.sectorIds[marketChoices(ctx)[i] as number] as string;
}

export function strengthSector(cm: CompiledMap, regionId: string): string {
  const i = cm.regionIndex.get(regionId);
  if (i === undefined) throw new RangeError(`unknown region ${regionId}`);
  return cm.sectorIds[cm.strength[i] as number] as string;
}

export type DefaultReason = 'marketChoice' | 'lastInvestment' | 'strengthSector';

/**
 * The default decision (docs/rules.md section 5): invest = the market's choice under B, else the last investment (round 1: the
 * strength sector); barriers = last round's (round 1: none); comply = honour. `reason` says where invest came from.
 */
export function defaultDecision(
  rules: WorldRules,
  treatments: readonly Treatment[],
  state: WorldState,
  regionId: string,
  agreements: readonly Agreement[],
): Decision & { reason: DefaultReason } {
  const cm = compileMap(rules.map, rules.params);
  let invest: string;
  let reason: DefaultReason;
  if (flagsOf(treatments).B) {
    invest = marketChoiceFor(rules, treatments, state, regionId);
    reason = 'marketChoice';
  } else if (state.lastInvest[regionId]) {
    invest = state.lastInvest[regionId] ?? '';
    reason = 'lastInvestment';
  } else {
    invest = strengthSector(cm, regionId);
    reason = 'strengthSector';
  }
  const comply: Decision['comply'] = {};
  for (const a of agreements)
    if (a.type === 'project' && (a.a === regionId || a.b === regionId)) comply[a.id] = 'honour';
  return { invest, barriers: [...(state.lastBarriers[regionId] ?? [])], comply, reason };
}
