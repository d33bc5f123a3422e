// What a proposed agreement is worth to each side: expected career points with it minus without it, each side
// playing its planned decision and the others as predicted. Also the Nash-bargaining host share used under D3.
import type { ProposalTerms } from '../negotiation.js';
import type { CAgreement } from '../settle.js';
import { argmax, type Option, type RoundEvaluator } from './evaluator.js';

export interface Gains {
  /** Expected career points gained by each side. */
  from: number;
  to: number;
  /** Expected output (GDP) gained by each side. */
  fromGdp: number;
  toGdp: number;
}

/** Each region's planned option (its best expected career with the agreements signed so far), computed on demand. */
export class Plans {
  private readonly cache: (Option | undefined)[] = [];
  /** Careers of pairs without a new deal, by "from-to". */
  readonly bases = new Map<number, Gains>();
  constructor(private readonly ev: RoundEvaluator) {}
  get(i: number): Option {
    let p = this.cache[i];
    if (!p) {
      const { options, career } = this.ev.options(i);
      p = options[argmax(career)] as Option;
      this.cache[i] = p;
    }
    return p;
  }
}

function compileTerms(ev: RoundEvaluator, from: number, to: number, terms: ProposalTerms): CAgreement[] {
  const a = Math.min(from, to);
  const b = Math.max(from, to);
  const out: CAgreement[] = [];
  if (terms.project) {
    out.push({
      type: 1,
      a,
      b,
      host: ev.index(terms.project.host),
      hostShare: terms.project.hostShare,
      sidePayment: terms.project.sidePayment,
    });
  }
  if (terms.openMarket) out.push({ type: 0, a, b, host: -1, hostShare: 0, sidePayment: 0 });
  return out;
}

/** How one party treats the clauses of a new deal: true = honours. */
export interface ClauseCompliance {
  openMarket: boolean;
  project: boolean;
}

const HONOUR: ClauseCompliance = { openMarket: true, project: true };

/** Expected careers of both parties without the deal, each playing its plan. */
export function baseCareers(ev: RoundEvaluator, plan: Plans, from: number, to: number): Gains {
  const key = from * ev.n + to;
  let hit = plan.bases.get(key);
  if (!hit) {
    hit = computeBase(ev, plan, from, to);
    plan.bases.set(key, hit);
  }
  return hit;
}

function computeBase(ev: RoundEvaluator, plan: Plans, from: number, to: number): Gains {
  // Plans first: computing one reuses the evaluator's scratch buffer.
  const pf = plan.get(from);
  const pt = plan.get(to);
  const dec = ev.scratch(ev.cAgreements.length);
  ev.apply(dec, from, pf, ev.projectsOf(from));
  ev.apply(dec, to, pt, ev.projectsOf(to));
  const o = ev.run(ev.cAgreements, dec);
  return {
    from: o.career[from] as number,
    to: o.career[to] as number,
    fromGdp: o.gdp[from] as number,
    toGdp: o.gdp[to] as number,
  };
}

/**
 * Expected career gain of `terms` between `from` and `to` for both, each playing its plan and treating the new
 * clauses as given (an open-market breach keeps a barrier against the partner; a project breach does not pay).
 */
export function dealGains(
  ev: RoundEvaluator,
  plan: Plans,
  from: number,
  to: number,
  terms: ProposalTerms,
  fromComply: ClauseCompliance = HONOUR,
  toComply: ClauseCompliance = HONOUR,
  base: Gains = baseCareers(ev, plan, from, to),
): Gains {
  const extra = compileTerms(ev, from, to, terms);
  const all = [...ev.cAgreements, ...extra];
  const pf = plan.get(from);
  const pt = plan.get(to);
  const dec = ev.scratch(all.length);
  ev.apply(dec, from, pf, ev.projectsOf(from));
  ev.apply(dec, to, pt, ev.projectsOf(to));
  if (terms.openMarket) {
    dec.blocked[from * ev.n + to] = fromComply.openMarket ? 0 : 1;
    dec.blocked[to * ev.n + from] = toComply.openMarket ? 0 : 1;
  }
  extra.forEach((ag, k) => {
    if (ag.type !== 1) return;
    const g = ev.cAgreements.length + k;
    const payFrom = fromComply.project ? 1 : 0;
    const payTo = toComply.project ? 1 : 0;
    dec.pay[2 * g] = ag.a === from ? payFrom : payTo;
    dec.pay[2 * g + 1] = ag.b === from ? payFrom : payTo;
  });
  const withDeal = ev.run(all, dec);
  return {
    from: (withDeal.career[from] as number) - base.from,
    to: (withDeal.career[to] as number) - base.to,
    fromGdp: (withDeal.gdp[from] as number) - base.fromGdp,
    toGdp: (withDeal.gdp[to] as number) - base.toGdp,
  };
}

function complianceChoices(terms: ProposalTerms): ClauseCompliance[] {
  const out: ClauseCompliance[] = [];
  if (terms.project) out.push({ openMarket: true, project: false });
  if (terms.openMarket) out.push({ openMarket: false, project: true });
  if (terms.openMarket && terms.project) out.push({ openMarket: false, project: false });
  return out;
}

/**
 * The gain each side can really expect from a deal: each side keeps or breaks each clause, whichever gives it more
 * expected career points (sanctions included) when the other keeps its word, and the deal is valued at those
 * choices. Without enforcement a formal agreement is then worth little; with it, the gains are real.
 */
export function anticipatedGains(
  ev: RoundEvaluator,
  plan: Plans,
  from: number,
  to: number,
  terms: ProposalTerms,
): Gains & { fromComply: ClauseCompliance; toComply: ClauseCompliance } {
  const base = baseCareers(ev, plan, from, to);
  const honest = dealGains(ev, plan, from, to, terms, HONOUR, HONOUR, base);
  let fromComply = HONOUR;
  let toComply = HONOUR;
  let bestFrom = honest.from;
  let bestTo = honest.to;
  // Ordered so that evaluations sharing a market (the same barriers) follow each other.
  const choices = complianceChoices(terms);
  for (const side of ['from', 'to'] as const) {
    for (const c of choices) {
      const g =
        side === 'from'
          ? dealGains(ev, plan, from, to, terms, c, HONOUR, base).from
          : dealGains(ev, plan, from, to, terms, HONOUR, c, base).to;
      if (side === 'from' && g > bestFrom + 1e-12) {
        bestFrom = g;
        fromComply = c;
      }
      if (side === 'to' && g > bestTo + 1e-12) {
        bestTo = g;
        toComply = c;
      }
    }
  }
  const gains =
    fromComply === HONOUR && toComply === HONOUR
      ? honest
      : dealGains(ev, plan, from, to, terms, fromComply, toComply, base);
  return { ...gains, fromComply, toComply };
}

/**
 * The Nash-bargaining host share (D3): the share s in [0, 1] that maximises the product of both sides' expected
 * career gains. Gains are affine in s, so two evaluations per side give the exact optimum. When no share makes
 * both sides gain, the equal split (the two-party Shapley value of a symmetric project) is suggested.
 */
export function nashHostShare(ev: RoundEvaluator, plan: Plans, from: number, to: number, terms: ProposalTerms): number {
  const project = terms.project;
  if (!project) return 0.5;
  const host = ev.index(project.host);
  const base = baseCareers(ev, plan, from, to);
  const at = (s: number) => {
    const g = dealGains(ev, plan, from, to, { ...terms, project: { ...project, hostShare: s } }, HONOUR, HONOUR, base);
    return host === from ? { h: g.from, p: g.to } : { h: g.to, p: g.from };
  };
  const g0 = at(0);
  const g1 = at(1);
  const dh = g1.h - g0.h;
  const dp = g1.p - g0.p;
  // Feasible interval where both gains are >= 0.
  let lo = 0;
  let hi = 1;
  const bound = (c0: number, d: number) => {
    if (d === 0) {
      if (c0 < 0) lo = 2;
      return;
    }
    const root = -c0 / d;
    if (d > 0) lo = Math.max(lo, root);
    else hi = Math.min(hi, root);
  };
  bound(g0.h, dh);
  bound(g0.p, dp);
  if (lo > hi) return 0.5;
  let s =
    dh * dp !== 0
      ? -(dh * g0.p + dp * g0.h) / (2 * dh * dp)
      : dh !== 0 || dp !== 0
        ? dh > 0 || dp > 0
          ? hi
          : lo
        : 0.5;
  if (!Number.isFinite(s)) s = 0.5;
  s = Math.min(hi, Math.max(lo, s));
  // Round to a share a person can read and type.
  return Math.round(s * 100) / 100;
}
