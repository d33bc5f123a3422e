// The interface every bot strategy implements. Bots act only through the same negotiation and decision
// functions a human's commands reach; a policy just chooses which.
import type { Proposal } from '../negotiation.js';
import type { Decision } from '../state.js';
import type { NegotiationAction } from '../world.js';
import type { BotCtx } from './context.js';

export interface BotPolicy {
  /** Proposals the bot makes when negotiation opens (or when it is asked to act again). */
  propose(ctx: BotCtx): NegotiationAction[];
  /** Its answer to a pending proposal addressed to it. */
  respond(ctx: BotCtx, proposal: Proposal): NegotiationAction;
  /** Its sealed decision, once negotiation has closed. */
  decide(ctx: BotCtx): Decision;
}
