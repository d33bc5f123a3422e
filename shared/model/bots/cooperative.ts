// Cooperative: offers an open market and a joint project (hosted by the smaller economy) to every neighbour,
// accepts every proposal, invests in its strength (the market's choice under B), never blocks, always honours.
import { flagsOf } from '../ids.js';
import { marketChoiceFor } from '../decisions.js';
import { nashHostShare } from './deals.js';
import { isSignedWith, partners, pendingBetween, snapshot } from './context.js';
import type { BotPolicy } from './policy.js';
import { worldRules } from '../world.js';
import type { NegotiationAction } from '../world.js';

export const cooperative: BotPolicy = {
  propose(ctx) {
    const { ev, plan } = snapshot(ctx.cfg, ctx.world);
    const i = ev.index(ctx.regionId);
    const out: NegotiationAction[] = [];
    for (const j of partners(ctx, ev)) {
      const other = ev.ctx.cm.regionIds[j] as string;
      if (
        isSignedWith(ctx.world, ctx.regionId, other) ||
        pendingBetween(ctx.world, ctx.regionId, other) ||
        pendingBetween(ctx.world, other, ctx.regionId)
      )
        continue;
      const host = (ev.ctx.prevGdp[j] as number) < (ev.ctx.prevGdp[i] as number) ? other : ctx.regionId;
      const terms = { openMarket: true, project: { host, hostShare: 0.5, sidePayment: 0 } };
      if (ev.ctx.flags.D3) terms.project.hostShare = nashHostShare(ev, plan, i, j, terms);
      out.push({ kind: 'propose', from: ctx.regionId, to: other, terms, message: 'bothGain' });
    }
    return out;
  },
  respond(ctx, proposal) {
    return { kind: 'accept', by: ctx.regionId, proposalId: proposal.id };
  },
  decide(ctx) {
    const { ev } = snapshot(ctx.cfg, ctx.world);
    const i = ev.index(ctx.regionId);
    const cur = ctx.world.current;
    const invest =
      cur && flagsOf(cur.treatments).B
        ? marketChoiceFor(worldRules(ctx.cfg, ctx.world), cur.treatments, ctx.world.state, ctx.regionId)
        : (ev.ctx.cm.sectorIds[ev.ctx.cm.strength[i] as number] as string);
    const comply: Record<string, 'honour'> = {};
    for (const g of ev.projectsOf(i)) comply[ev.agreements[g]?.id ?? ''] = 'honour';
    return { invest, barriers: [], comply };
  },
};
