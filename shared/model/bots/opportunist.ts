// Opportunist: signs whatever it expects to gain from (the partner's expected gain must be positive too, or the
// offer would be refused), then at decision time breaches whenever the expected gain of breaching exceeds the
// expected sanction: it simply takes the decision with the best expected career points, sanctions included.
import { argmax } from './evaluator.js';
import { allOffers, isSignedWith, partners, pendingBetween, snapshot, type BotCtx } from './context.js';
import { dealGains, nashHostShare } from './deals.js';
import type { BotPolicy } from './policy.js';
import type { NegotiationAction } from '../world.js';
import type { Option } from './evaluator.js';

export const opportunist: BotPolicy = {
  propose(ctx) {
    const { ev, plan } = snapshot(ctx.cfg, ctx.world);
    const i = ev.index(ctx.regionId);
    const out: NegotiationAction[] = [];
    for (const j of partners(ctx, ev)) {
      const other = ev.ctx.cm.regionIds[j] as string;
      if (isSignedWith(ctx.world, ctx.regionId, other) || pendingBetween(ctx.world, ctx.regionId, other)) continue;
      let best: { terms: ReturnType<typeof allOffers>[number]; gain: number } | null = null;
      for (const terms of allOffers(ctx.regionId, other)) {
        if (terms.project && ev.ctx.flags.D3) terms.project.hostShare = nashHostShare(ev, plan, i, j, terms);
        const g = dealGains(ev, plan, i, j, terms);
        if (g.from > 0 && g.to > 0 && (!best || g.from > best.gain)) best = { terms, gain: g.from };
      }
      if (best) out.push({ kind: 'propose', from: ctx.regionId, to: other, terms: best.terms, message: 'willHonour' });
    }
    return out;
  },
  respond(ctx, proposal) {
    const { ev, plan } = snapshot(ctx.cfg, ctx.world);
    const g = dealGains(ev, plan, ev.index(proposal.from), ev.index(ctx.regionId), proposal.terms);
    return g.to > 0
      ? { kind: 'accept', by: ctx.regionId, proposalId: proposal.id }
      : { kind: 'reject', by: ctx.regionId, proposalId: proposal.id };
  },
  decide(ctx: BotCtx) {
    const { ev } = snapshot(ctx.cfg, ctx.world);
    const i = ev.index(ctx.regionId);
    const { options, career, projects } = ev.options(i);
    return ev.toDecision(i, options[argmax(career)] as Option, projects);
  },
};
