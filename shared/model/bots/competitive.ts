// Competitive: duplicates the hot sector, blocks every other region, proposes nothing and refuses everything.
import { hotSector, snapshot, type BotCtx } from './context.js';
import type { BotPolicy } from './policy.js';

export const competitive: BotPolicy = {
  propose() {
    return [];
  },
  respond(ctx, proposal) {
    return { kind: 'reject', by: ctx.regionId, proposalId: proposal.id };
  },
  decide(ctx: BotCtx) {
    const { ev } = snapshot(ctx.cfg, ctx.world);
    const i = ev.index(ctx.regionId);
    const cm = ev.ctx.cm;
    const comply: Record<string, 'breach'> = {};
    for (const g of ev.projectsOf(i)) comply[ev.agreements[g]?.id ?? ''] = 'breach';
    return {
      invest: cm.sectorIds[hotSector(ev)] as string,
      barriers: cm.regionIds.filter((id) => id !== ctx.regionId),
      comply,
    };
  },
};
