// Choices that do what the student means: the form starts from a decision that keeps every agreement signed this
// round and that the rules in force do not penalise, and says which agreements a draft would break.
import { flagsOf } from '../../../shared/model/ids.js';
import { compileMap } from '../../../shared/model/compiled.js';
import { defaultDecision, strengthSector } from '../../../shared/model/decisions.js';
import type { Agreement, Decision } from '../../../shared/model/state.js';
import { worldRules } from '../../../shared/model/world.js';
import { treatmentsNow, type StudentCtx } from './context.js';

export interface Breach {
  agreement: Agreement;
  /** The other party. */
  other: string;
}

const partnerOf = (a: Agreement, me: string) => (a.a === me ? a.b : a.a);

/** The agreements signed this round that `me` is a party to. */
export function myAgreements(ctx: StudentCtx): Agreement[] {
  return (ctx.world.current?.agreements ?? []).filter((a) => a.a === ctx.me || a.b === ctx.me);
}

/** Regions holding this round's open-market pledge with `me`. */
export function pledgePartners(ctx: StudentCtx): Set<string> {
  return new Set(
    myAgreements(ctx)
      .filter((a) => a.type === 'openMarket')
      .map((a) => partnerOf(a, ctx.me)),
  );
}

/** The agreements this draft breaks (docs/rules.md section 6: a barrier against a pledge partner, a project "break"). */
export function breachesOf(ctx: StudentCtx, draft: Decision): Breach[] {
  return myAgreements(ctx).flatMap((a) => {
    const other = partnerOf(a, ctx.me);
    const broken = a.type === 'openMarket' ? draft.barriers.includes(other) : draft.comply[a.id] === 'breach';
    return broken ? [{ agreement: a, other }] : [];
  });
}

/**
 * Where the form starts when nobody in the region has drafted yet: the rules' default decision (docs/rules.md
 * section 5) without what breaks an agreement or costs a penalty now: no barrier against a pledge partner (under
 * scientific evaluation, D1, no barrier at all: each one is penalised), every project kept, and under D1 without
 * market-led investment the strength sector (investing elsewhere counts as duplication).
 */
export function startingDecision(ctx: StudentCtx): Decision {
  const t = treatmentsNow(ctx);
  const rules = worldRules(ctx.view.config, ctx.world);
  const agreements = ctx.world.current?.agreements ?? [];
  const { reason: _r, ...d } = defaultDecision(rules, t, ctx.world.state, ctx.me, agreements);
  const partners = pledgePartners(ctx);
  const D1 = flagsOf(t).D1;
  return {
    invest: D1 && !flagsOf(t).B ? strengthSector(compileMap(rules.map, rules.params), ctx.me) : d.invest,
    barriers: D1 ? [] : d.barriers.filter((r) => !partners.has(r)),
    comply: Object.fromEntries(Object.keys(d.comply).map((id) => [id, 'honour' as const])),
  };
}
