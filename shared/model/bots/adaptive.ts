// Adaptive (docs/rules.md section 10): logit choice (precision 1 per point) over the expected career points of its options;
// trusts each partner from 0.7 and updates trust after every round with agreements; signs a proposal when its
// expected gain, less (1 - trust) x 3 for the fear of being cheated, is positive (logit again).
import { standardOffers, botDraw, isSignedWith, partners, pendingBetween, snapshot, type BotCtx } from './context.js';
import { anticipatedGains, nashHostShare } from './deals.js';
import { logisticChance, logitPick, type Option } from './evaluator.js';
import type { BotPolicy } from './policy.js';
import { fear, trustIn } from './trust.js';
import type { NegotiationAction } from '../world.js';
import type { ProposalTerms } from '../negotiation.js';

export const PRECISION = 1;

interface Offer {
  terms: ProposalTerms;
  own: number;
  partner: number;
}

/** The offer with the best expected value to the proposer: its adjusted gain times the chance it is accepted. */
function bestOffer(ctx: BotCtx, i: number, j: number): Offer | null {
  const snap = snapshot(ctx.cfg, ctx.world);
  const key = `adaptive:${i}-${j}`;
  if (!snap.memo.has(key)) snap.memo.set(key, findOffer(ctx, i, j));
  return snap.memo.get(key) as Offer | null;
}

function findOffer(ctx: BotCtx, i: number, j: number): Offer | null {
  const { ev, plan } = snapshot(ctx.cfg, ctx.world);
  const self = ctx.regionId;
  const other = ev.ctx.cm.regionIds[j] as string;
  const myFear = fear(trustIn(ctx.world.history, self, other));
  const theirFear = fear(trustIn(ctx.world.history, other, self));
  let best: Offer | null = null;
  let bestValue = 0;
  const smaller = (ev.ctx.prevGdp[j] as number) < (ev.ctx.prevGdp[i] as number) ? other : self;
  for (const terms of standardOffers(smaller)) {
    if (terms.project && ev.ctx.flags.D3) terms.project.hostShare = nashHostShare(ev, plan, i, j, terms);
    const g = anticipatedGains(ev, plan, i, j, terms);
    const own = g.from - myFear;
    const partner = g.to - theirFear;
    const value = own * logisticChance(PRECISION * partner);
    if (own > 0 && value > bestValue) {
      best = { terms, own, partner };
      bestValue = value;
    }
  }
  return best;
}

export const adaptive: BotPolicy = {
  propose(ctx) {
    const { ev } = snapshot(ctx.cfg, ctx.world);
    const i = ev.index(ctx.regionId);
    const out: NegotiationAction[] = [];
    for (const j of partners(ctx, ev)) {
      const other = ev.ctx.cm.regionIds[j] as string;
      if (isSignedWith(ctx.world, ctx.regionId, other) || pendingBetween(ctx.world, ctx.regionId, other)) continue;
      const offer = bestOffer(ctx, i, j);
      if (offer && botDraw(ctx, 'propose', other) < logisticChance(PRECISION * offer.own)) {
        out.push({ kind: 'propose', from: ctx.regionId, to: other, terms: offer.terms, message: 'bothGain' });
      }
    }
    return out;
  },
  respond(ctx, proposal) {
    const { ev, plan } = snapshot(ctx.cfg, ctx.world);
    const i = ev.index(ctx.regionId);
    const j = ev.index(proposal.from);
    const g = anticipatedGains(ev, plan, j, i, proposal.terms);
    const adjusted = g.to - fear(trustIn(ctx.world.history, ctx.regionId, proposal.from));
    if (botDraw(ctx, 'respond', proposal.id) < logisticChance(PRECISION * adjusted)) {
      return { kind: 'accept', by: ctx.regionId, proposalId: proposal.id };
    }
    // A refused first offer may be answered with the bot's own best offer; a counter is not countered again.
    if (proposal.counterOf === null) {
      const offer = bestOffer(ctx, i, j);
      const differs = offer !== null && JSON.stringify(offer.terms) !== JSON.stringify(proposal.terms);
      if (offer && differs && botDraw(ctx, 'counter', proposal.id) < logisticChance(PRECISION * offer.own)) {
        return { kind: 'counter', by: ctx.regionId, proposalId: proposal.id, terms: offer.terms, message: 'fairShare' };
      }
    }
    return { kind: 'reject', by: ctx.regionId, proposalId: proposal.id };
  },
  decide(ctx) {
    const { ev } = snapshot(ctx.cfg, ctx.world);
    const i = ev.index(ctx.regionId);
    const { options, career, projects } = ev.options(i);
    const pick = logitPick(career, PRECISION, botDraw(ctx, 'decide'));
    return ev.toDecision(i, options[pick] as Option, projects);
  },
};
