// A live world: its state between rounds, its history, and the round being played (negotiation, drafts,
// submissions). Pure functions that return a new world; the session runtime and the simulator both use them.
import { armMap, armOfWorld, mapById, worldSeed, type SessionConfig } from './config.js';
import { defaultDecision, validateDecision } from './decisions.js';
import { fail, ok, type Result } from './errors.js';
import type { DecisionSource, RegionId, Treatment } from './ids.js';
import * as neg from './negotiation.js';
import { playRound, type RoundRecord } from './round.js';
import {
  initialState,
  type Agreement,
  type Decision,
  type RecordedDecision,
  type RegionPrev,
  type WorldRules,
  type WorldState,
} from './state.js';

export interface CurrentRound {
  round: number;
  treatments: Treatment[];
  negotiation: neg.NegotiationState;
  /** Fixed when negotiation closes. */
  agreements: Agreement[] | null;
  drafts: Record<RegionId, Decision>;
  submitted: Record<RegionId, RecordedDecision>;
  /** Regions that marked themselves done negotiating. */
  done: Record<RegionId, boolean>;
}

export interface WorldLive {
  index: number;
  seed: string;
  arm: number;
  mapId: string;
  initial: Record<RegionId, RegionPrev>;
  state: WorldState;
  history: RoundRecord[];
  current: CurrentRound | null;
}

export function worldRules(cfg: SessionConfig, world: Pick<WorldLive, 'mapId'>): WorldRules {
  return { params: cfg.params, map: mapById(cfg, world.mapId) };
}

export function createWorld(cfg: SessionConfig, sessionSeed: string, index: number): WorldLive {
  const arm = armOfWorld(cfg, index);
  const map = armMap(cfg, arm);
  const state = initialState({ params: cfg.params, map });
  return {
    index,
    seed: worldSeed(sessionSeed, index),
    arm,
    mapId: map.id,
    initial: structuredClone(state.prev),
    state,
    history: [],
    current: null,
  };
}

export function regionIds(cfg: SessionConfig, world: Pick<WorldLive, 'mapId'>): RegionId[] {
  return mapById(cfg, world.mapId).regions.map((r) => r.id);
}

export function beginRound(world: WorldLive, treatments: readonly Treatment[]): WorldLive {
  const round = world.state.round + 1;
  return {
    ...world,
    current: {
      round,
      treatments: [...treatments],
      negotiation: neg.openNegotiation(round),
      agreements: null,
      drafts: {},
      submitted: {},
      done: {},
    },
  };
}

function needCurrent(world: WorldLive): Result<CurrentRound> {
  return world.current ? ok(world.current) : fail('WRONG_PHASE', 'no round is being played in this world');
}

export function negotiationCtx(cfg: SessionConfig, world: WorldLive): neg.NegotiationCtx {
  return { rules: worldRules(cfg, world), treatments: world.current?.treatments ?? [], state: world.state };
}

function withNegotiation(world: WorldLive, cur: CurrentRound, negotiation: neg.NegotiationState): WorldLive {
  return { ...world, current: { ...cur, negotiation } };
}

export type NegotiationAction =
  | { kind: 'propose'; from: RegionId; to: RegionId; terms: neg.ProposalTerms; message?: neg.PresetMessage | null }
  | { kind: 'accept'; by: RegionId; proposalId: string }
  | { kind: 'reject'; by: RegionId; proposalId: string }
  | { kind: 'counter'; by: RegionId; proposalId: string; terms: neg.ProposalTerms; message?: neg.PresetMessage | null }
  | { kind: 'withdraw'; by: RegionId; proposalId: string };

/** Applies one negotiation action through the pure negotiation rules. */
export function negotiate(cfg: SessionConfig, world: WorldLive, action: NegotiationAction): Result<WorldLive> {
  const cur = needCurrent(world);
  if (!cur.ok) return cur;
  const ctx = negotiationCtx(cfg, world);
  const state = cur.value.negotiation;
  let r: Result<{ neg: neg.NegotiationState }>;
  switch (action.kind) {
    case 'propose':
      r = neg.propose(ctx, state, action.from, action.to, action.terms, action.message ?? null);
      break;
    case 'accept':
      r = neg.accept(ctx, state, action.by, action.proposalId);
      break;
    case 'reject':
      r = neg.reject(state, action.by, action.proposalId);
      break;
    case 'counter':
      r = neg.counter(ctx, state, action.by, action.proposalId, action.terms, action.message ?? null);
      break;
    case 'withdraw':
      r = neg.withdraw(state, action.by, action.proposalId);
      break;
  }
  return r.ok ? ok(withNegotiation(world, cur.value, r.value.neg)) : r;
}

export function markDone(world: WorldLive, regionId: RegionId, done: boolean): Result<WorldLive> {
  const cur = needCurrent(world);
  if (!cur.ok) return cur;
  return ok({ ...world, current: { ...cur.value, done: { ...cur.value.done, [regionId]: done } } });
}

/** Negotiation ends: pending proposals expire and the signed clauses become the round's agreements. */
export function closeNegotiation(cfg: SessionConfig, world: WorldLive): WorldLive {
  const cur = world.current;
  if (!cur || cur.agreements) return world;
  const negotiation = neg.closeNegotiation(cur.negotiation);
  return {
    ...world,
    current: { ...cur, negotiation, agreements: neg.signedAgreements(worldRules(cfg, world), negotiation) },
  };
}

function decisionPhase(world: WorldLive): Result<CurrentRound & { agreements: Agreement[] }> {
  const cur = world.current;
  if (!cur) return fail('WRONG_PHASE', 'no round is being played in this world');
  if (!cur.agreements) return fail('WRONG_PHASE', 'decisions open when negotiation has closed');
  return ok({ ...cur, agreements: cur.agreements });
}

/** A seat's working draft, shared live with the region's other seats (validated like a decision). */
export function setDraft(
  cfg: SessionConfig,
  world: WorldLive,
  regionId: RegionId,
  decision: Decision,
): Result<WorldLive> {
  const cur = decisionPhase(world);
  if (!cur.ok) return cur;
  const valid = validateDecision(worldRules(cfg, world), regionId, cur.value.agreements, decision);
  if (!valid.ok) return valid;
  return ok({
    ...world,
    current: { ...(world.current as CurrentRound), drafts: { ...cur.value.drafts, [regionId]: valid.value } },
  });
}

/** Submits a region's decision; a later submission before the deadline replaces it. */
export function submitDecision(
  cfg: SessionConfig,
  world: WorldLive,
  regionId: RegionId,
  decision: Decision,
  source: DecisionSource,
): Result<WorldLive> {
  const cur = decisionPhase(world);
  if (!cur.ok) return cur;
  const valid = validateDecision(worldRules(cfg, world), regionId, cur.value.agreements, decision);
  if (!valid.ok) return valid;
  const recorded: RecordedDecision = { ...valid.value, source };
  return ok({
    ...world,
    current: {
      ...(world.current as CurrentRound),
      drafts: { ...cur.value.drafts, [regionId]: valid.value },
      submitted: { ...cur.value.submitted, [regionId]: recorded },
    },
  });
}

/** The default decision of a region in the current round. */
export function defaultFor(cfg: SessionConfig, world: WorldLive, regionId: RegionId): RecordedDecision {
  const cur = world.current;
  const { reason: _reason, ...d } = defaultDecision(
    worldRules(cfg, world),
    cur?.treatments ?? [],
    world.state,
    regionId,
    cur?.agreements ?? [],
  );
  return { ...d, source: 'default' };
}

/**
 * Resolves the current round. Regions without a submission get `fallback(regionId)` (the server passes the
 * defaults or its bot's decision); the round joins the history.
 */
export function finishRound(
  cfg: SessionConfig,
  world: WorldLive,
  fallback: (regionId: RegionId, world: WorldLive) => RecordedDecision = (id, w) => defaultFor(cfg, w, id),
): WorldLive {
  const closed = closeNegotiation(cfg, world);
  const cur = closed.current;
  if (!cur || !cur.agreements) throw new Error('finishRound: no round in progress');
  const decisions: Record<RegionId, RecordedDecision> = {};
  for (const id of regionIds(cfg, closed)) decisions[id] = cur.submitted[id] ?? fallback(id, closed);
  const lost = closed.history[closed.history.length - 1]?.metrics.cumulativeWelfareLost ?? 0;
  const record = playRound(
    worldRules(cfg, closed),
    closed.seed,
    cur.treatments,
    closed.state,
    cur.agreements,
    decisions,
    lost,
  );
  return { ...closed, state: record.stateAfter, history: [...closed.history, record], current: null };
}
