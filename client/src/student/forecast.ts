// Previews computed in the browser with the same engine as the server: the expected effect of a proposal on both
// sides, the suggested fair share under D3, and the expected figures of a draft decision.
import { dealGains, nashHostShare } from '../../../shared/model/bots/deals.js';
import { snapshot } from '../../../shared/model/bots/context.js';
import { defaultDecision } from '../../../shared/model/decisions.js';
import type { ProposalTerms } from '../../../shared/model/negotiation.js';
import { expectedOutcome } from '../../../shared/model/resolve.js';
import type { RoundRecord } from '../../../shared/model/round.js';
import type { LiveWorldView, SessionView } from '../../../shared/model/session/view.js';
import type { Decision, RegionResult } from '../../../shared/model/state.js';
import { worldRules, type WorldLive } from '../../../shared/model/world.js';

/** The public parts of a world, shaped as the engine's live world (the seed is not needed for expectations). */
export function liveWorld(world: LiveWorldView, history: readonly RoundRecord[]): WorldLive {
  const cur = world.current;
  return {
    index: world.index,
    seed: '',
    arm: world.arm,
    mapId: world.mapId,
    initial: world.initial,
    state: world.state,
    history: [...history],
    current: cur
      ? {
          round: cur.round,
          treatments: cur.treatments,
          negotiation: { round: cur.round, open: cur.negotiationOpen, proposals: cur.proposals, nextSeq: 0 },
          agreements: cur.negotiationOpen ? null : cur.agreements,
          drafts: cur.drafts,
          submitted: cur.decisions,
          done: cur.done,
        }
      : null,
  };
}

export interface Effect {
  fromCareer: number;
  toCareer: number;
  fromGdp: number;
  toGdp: number;
}

export function proposalEffect(
  view: SessionView,
  world: LiveWorldView,
  history: readonly RoundRecord[],
  from: string,
  to: string,
  terms: ProposalTerms,
): Effect | null {
  try {
    const { ev, plan } = snapshot(view.config, liveWorld(world, history));
    const g = dealGains(ev, plan, ev.index(from), ev.index(to), terms);
    return { fromCareer: g.from, toCareer: g.to, fromGdp: g.fromGdp, toGdp: g.toGdp };
  } catch {
    return null;
  }
}

/** The Nash-bargaining host share for a project between two regions (shown under D3). */
export function suggestedShare(
  view: SessionView,
  world: LiveWorldView,
  history: readonly RoundRecord[],
  from: string,
  to: string,
  terms: ProposalTerms,
): number | null {
  try {
    const { ev, plan } = snapshot(view.config, liveWorld(world, history));
    return nashHostShare(ev, plan, ev.index(from), ev.index(to), terms);
  } catch {
    return null;
  }
}

/** Expected figures of every region if `me` plays `draft` and the others play their defaults (last round's choices). */
export function decisionPreview(
  view: SessionView,
  world: LiveWorldView,
  me: string,
  draft: Decision,
): Record<string, RegionResult> | null {
  const cur = world.current;
  if (!cur) return null;
  try {
    const rules = worldRules(view.config, world);
    const decisions: Record<string, Decision> = {};
    for (const r of world.regions) {
      if (r.id === me) decisions[r.id] = draft;
      else {
        const { reason: _reason, ...d } = defaultDecision(rules, cur.treatments, world.state, r.id, cur.agreements);
        decisions[r.id] = d;
      }
    }
    return expectedOutcome(rules, cur.treatments, world.state, cur.agreements, decisions).regions;
  } catch {
    return null;
  }
}
