// docs/rules.md section 5 "Agreements" as pure functions over a round's negotiation state: propose, accept, reject, counter,
// withdraw and expiry, with the one-pending-per-ordered-pair and one-signed-per-pair rules.
import { z } from 'zod';
import { compileMap, type CompiledMap } from './compiled.js';
import { fail, ok, type Result } from './errors.js';
import { flagsOf, type RegionId, type Treatment } from './ids.js';
import type { Agreement, WorldRules, WorldState } from './state.js';

export const PRESET_MESSAGES = [
  'willHonour',
  'needCompensation',
  'fairShare',
  'bothGain',
  'lastOffer',
  'notNow',
] as const;
export type PresetMessage = (typeof PRESET_MESSAGES)[number];

export const ProposalTermsSchema = z.object({
  openMarket: z.boolean(),
  project: z
    .object({
      host: z.string().min(1).max(16),
      // Numbers only: the rules answer a share outside [0, 1] (INVALID_SHARE), a negative payment (INVALID_PAYMENT),
      // one over the cap (PAYMENT_TOO_LARGE) and terms with no clause (EMPTY_PROPOSAL), each with its own code.
      hostShare: z.number().default(0.5),
      sidePayment: z.number().default(0),
    })
    .nullable()
    .default(null),
});
export type ProposalTerms = z.output<typeof ProposalTermsSchema>;

export type ProposalStatus =
  'pending' | 'signed' | 'rejected' | 'countered' | 'replaced' | 'withdrawn' | 'superseded' | 'expired';

export interface Proposal {
  id: string;
  round: number;
  from: RegionId;
  to: RegionId;
  terms: ProposalTerms;
  status: ProposalStatus;
  /** The proposal this one counters, if any. */
  counterOf: string | null;
  message: PresetMessage | null;
}

export interface NegotiationState {
  round: number;
  open: boolean;
  proposals: Proposal[];
  nextSeq: number;
}

export function openNegotiation(round: number): NegotiationState {
  return { round, open: true, proposals: [], nextSeq: 1 };
}

/** What a proposal is checked against. */
export interface NegotiationCtx {
  rules: WorldRules;
  treatments: readonly Treatment[];
  state: WorldState;
}

/** The host's previous tax Tprev_h for the round being negotiated: the cap on a side payment. */
export function tprevOf(ctx: NegotiationCtx, regionId: RegionId): number {
  const prev = ctx.state.prev[regionId];
  if (!prev) return 0;
  const { rate, localShare } = ctx.rules.params.tax;
  return localShare * rate * (flagsOf(ctx.treatments).D2 ? prev.consBase : prev.gdp);
}

export function pairKey(cm: CompiledMap, x: RegionId, y: RegionId): string {
  const [a, b] = orderPair(cm, x, y);
  return `${a}-${b}`;
}

export function orderPair(cm: CompiledMap, x: RegionId, y: RegionId): [RegionId, RegionId] {
  return (cm.regionIndex.get(x) ?? 0) <= (cm.regionIndex.get(y) ?? 0) ? [x, y] : [y, x];
}

export function isSigned(cm: CompiledMap, neg: NegotiationState, x: RegionId, y: RegionId): boolean {
  const key = pairKey(cm, x, y);
  return neg.proposals.some((p) => p.status === 'signed' && pairKey(cm, p.from, p.to) === key);
}

function checkTerms(ctx: NegotiationCtx, from: RegionId, to: RegionId, terms: ProposalTerms): Result<ProposalTerms> {
  const cm = compileMap(ctx.rules.map, ctx.rules.params);
  const i = cm.regionIndex.get(from);
  const j = cm.regionIndex.get(to);
  if (i === undefined || j === undefined)
    return fail('UNKNOWN_REGION', `no region ${i === undefined ? from : to} in this world`);
  if (i === j) return fail('NOT_LINKED', 'a region cannot make an agreement with itself');
  if (cm.linked[i * cm.n + j] !== 1) return fail('NOT_LINKED', `${from} and ${to} are not linked on the map`);
  if (!terms.openMarket && terms.project === null)
    return fail('EMPTY_PROPOSAL', 'a proposal needs at least one clause');
  const p = terms.project;
  if (p) {
    if (p.host !== from && p.host !== to) return fail('INVALID_HOST', `the project host must be ${from} or ${to}`);
    if (!(p.hostShare >= 0 && p.hostShare <= 1)) return fail('INVALID_SHARE', 'the host share must be between 0 and 1');
    if (!(p.sidePayment >= 0) || !Number.isFinite(p.sidePayment))
      return fail('INVALID_PAYMENT', 'the compensation payment must be 0 or more');
    const cap = tprevOf(ctx, p.host);
    if (p.sidePayment > cap + 1e-12) {
      return fail(
        'PAYMENT_TOO_LARGE',
        `the compensation payment ${p.sidePayment} exceeds the host's previous tax revenue ${cap.toFixed(3)}`,
      );
    }
  }
  return ok({
    openMarket: terms.openMarket,
    project: p ? { host: p.host, hostShare: p.hostShare, sidePayment: p.sidePayment } : null,
  });
}

/** Proposes terms from one region to a linked one; a pending proposal for the same ordered pair is replaced. */
export function propose(
  ctx: NegotiationCtx,
  neg: NegotiationState,
  from: RegionId,
  to: RegionId,
  terms: ProposalTerms,
  message: PresetMessage | null = null,
  counterOf: string | null = null,
): Result<{ neg: NegotiationState; proposal: Proposal }> {
  if (!neg.open) return fail('WRONG_PHASE', 'negotiation is closed for this round');
  const checked = checkTerms(ctx, from, to, terms);
  if (!checked.ok) return checked;
  const cm = compileMap(ctx.rules.map, ctx.rules.params);
  if (isSigned(cm, neg, from, to))
    return fail('ALREADY_SIGNED', `${from} and ${to} have already signed an agreement this round`);
  const proposal: Proposal = {
    id: `p${neg.round}-${neg.nextSeq}`,
    round: neg.round,
    from,
    to,
    terms: checked.value,
    status: 'pending',
    counterOf,
    message,
  };
  const proposals = neg.proposals.map((p) =>
    p.status === 'pending' && p.from === from && p.to === to ? { ...p, status: 'replaced' as const } : p,
  );
  proposals.push(proposal);
  return ok({ neg: { ...neg, proposals, nextSeq: neg.nextSeq + 1 }, proposal });
}

function findPending(neg: NegotiationState, id: string): Result<Proposal> {
  if (!neg.open) return fail('WRONG_PHASE', 'negotiation is closed for this round');
  const p = neg.proposals.find((x) => x.id === id);
  if (!p) return fail('UNKNOWN_PROPOSAL', `no proposal ${id} this round`);
  if (p.status !== 'pending') return fail('PROPOSAL_NOT_PENDING', `proposal ${id} is ${p.status}, no longer pending`);
  return ok(p);
}

function setStatus(neg: NegotiationState, id: string, status: ProposalStatus): NegotiationState {
  return { ...neg, proposals: neg.proposals.map((p) => (p.id === id ? { ...p, status } : p)) };
}

/** The recipient signs a pending proposal; other pending proposals between the pair lapse. */
export function accept(
  ctx: NegotiationCtx,
  neg: NegotiationState,
  by: RegionId,
  id: string,
): Result<{ neg: NegotiationState; proposal: Proposal }> {
  const found = findPending(neg, id);
  if (!found.ok) return found;
  const p = found.value;
  if (p.to !== by) return fail('NOT_RECIPIENT', `only ${p.to} can accept proposal ${id}`);
  const cm = compileMap(ctx.rules.map, ctx.rules.params);
  if (isSigned(cm, neg, p.from, p.to))
    return fail('ALREADY_SIGNED', `${p.from} and ${p.to} have already signed an agreement this round`);
  const key = pairKey(cm, p.from, p.to);
  const proposals = neg.proposals.map((x) => {
    if (x.id === id) return { ...x, status: 'signed' as const };
    if (x.status === 'pending' && pairKey(cm, x.from, x.to) === key) return { ...x, status: 'superseded' as const };
    return x;
  });
  const signed = proposals.find((x) => x.id === id) as Proposal;
  return ok({ neg: { ...neg, proposals }, proposal: signed });
}

export function reject(neg: NegotiationState, by: RegionId, id: string): Result<{ neg: NegotiationState }> {
  const found = findPending(neg, id);
  if (!found.ok) return found;
  if (found.value.to !== by) return fail('NOT_RECIPIENT', `only ${found.value.to} can reject proposal ${id}`);
  return ok({ neg: setStatus(neg, id, 'rejected') });
}

export function withdraw(neg: NegotiationState, by: RegionId, id: string): Result<{ neg: NegotiationState }> {
  const found = findPending(neg, id);
  if (!found.ok) return found;
  if (found.value.from !== by) return fail('NOT_PROPOSER', `only ${found.value.from} can withdraw proposal ${id}`);
  return ok({ neg: setStatus(neg, id, 'withdrawn') });
}

/** The recipient answers with a reverse proposal; the original is marked countered. */
export function counter(
  ctx: NegotiationCtx,
  neg: NegotiationState,
  by: RegionId,
  id: string,
  terms: ProposalTerms,
  message: PresetMessage | null = null,
): Result<{ neg: NegotiationState; proposal: Proposal }> {
  const found = findPending(neg, id);
  if (!found.ok) return found;
  const original = found.value;
  if (original.to !== by) return fail('NOT_RECIPIENT', `only ${original.to} can counter proposal ${id}`);
  const made = propose(ctx, setStatus(neg, id, 'countered'), by, original.from, terms, message, id);
  return made;
}

/** Negotiate ends: pending proposals expire. */
export function closeNegotiation(neg: NegotiationState): NegotiationState {
  return {
    ...neg,
    open: false,
    proposals: neg.proposals.map((p) => (p.status === 'pending' ? { ...p, status: 'expired' as const } : p)),
  };
}

/** The round's agreements: each signed clause, pairs in map order, a pair's project before its openMarket. */
export function signedAgreements(rules: WorldRules, neg: NegotiationState): Agreement[] {
  const cm = compileMap(rules.map, rules.params);
  const out: { order: number; ag: Agreement }[] = [];
  for (const p of neg.proposals) {
    if (p.status !== 'signed') continue;
    const [a, b] = orderPair(cm, p.from, p.to);
    const base = ((cm.regionIndex.get(a) ?? 0) * cm.n + (cm.regionIndex.get(b) ?? 0)) * 2;
    if (p.terms.project) {
      const { host, hostShare, sidePayment } = p.terms.project;
      out.push({
        order: base,
        ag: { id: agreementId(neg.round, a, b, 'project'), type: 'project', a, b, host, hostShare, sidePayment },
      });
    }
    if (p.terms.openMarket) {
      out.push({
        order: base + 1,
        ag: {
          id: agreementId(neg.round, a, b, 'openMarket'),
          type: 'openMarket',
          a,
          b,
          host: null,
          hostShare: null,
          sidePayment: 0,
        },
      });
    }
  }
  return out.sort((x, y) => x.order - y.order).map((x) => x.ag);
}

export function agreementId(round: number, a: RegionId, b: RegionId, type: Agreement['type']): string {
  return `r${round}-${a}-${b}-${type}`;
}
