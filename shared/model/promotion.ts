// docs/rules.md section 7 "Promotion": a term is a run of rounds with the same treatments; at its end the region with the
// highest summed score is promoted (ties: summed career points, then region order).
import { treatmentKey, type RegionId, type Treatment } from './ids.js';
import type { RegionResult } from './state.js';

export interface TermRound {
  round: number;
  treatments: readonly Treatment[];
  results: { regions: Readonly<Record<RegionId, RegionResult>> };
}

export interface PromotionRecord {
  barriers: number;
  duplications: number;
  honoured: number;
  breaches: number;
  detected: number;
}

export interface Promotion {
  afterRound: number;
  regionId: RegionId;
  termScore: number;
  fromRound: number;
  treatments: Treatment[];
  /** The promoted region's record over the term. */
  record: PromotionRecord;
}

export interface Term {
  fromRound: number;
  toRound: number;
  treatments: Treatment[];
  score: Record<RegionId, number>;
  career: Record<RegionId, number>;
  record: Record<RegionId, PromotionRecord>;
}

/** Splits rounds into terms (consecutive rounds with the same treatments). */
export function terms(regionOrder: readonly RegionId[], rounds: readonly TermRound[]): Term[] {
  const out: Term[] = [];
  let current: Term | null = null;
  for (const r of rounds) {
    if (
      !current ||
      treatmentKey(current.treatments) !== treatmentKey(r.treatments) ||
      r.round !== current.toRound + 1
    ) {
      current = {
        fromRound: r.round,
        toRound: r.round,
        treatments: [...r.treatments],
        score: {},
        career: {},
        record: {},
      };
      for (const id of regionOrder) {
        current.score[id] = 0;
        current.career[id] = 0;
        current.record[id] = { barriers: 0, duplications: 0, honoured: 0, breaches: 0, detected: 0 };
      }
      out.push(current);
    }
    current.toRound = r.round;
    for (const id of regionOrder) {
      const res = r.results.regions[id];
      const rec = current.record[id];
      if (!res || !rec) continue;
      current.score[id] = (current.score[id] ?? 0) + res.score;
      current.career[id] = (current.career[id] ?? 0) + res.career;
      rec.barriers += res.nBar;
      rec.duplications += res.dup ? 1 : 0;
      rec.honoured += res.honoured;
      rec.breaches += res.breaches;
      rec.detected += res.detected;
    }
  }
  return out;
}

/** The region a term promotes. */
export function termWinner(regionOrder: readonly RegionId[], term: Term): RegionId {
  let best = regionOrder[0] as RegionId;
  for (const id of regionOrder.slice(1)) {
    const ds = (term.score[id] ?? 0) - (term.score[best] ?? 0);
    const dc = (term.career[id] ?? 0) - (term.career[best] ?? 0);
    if (ds > 0 || (ds === 0 && dc > 0)) best = id;
  }
  return best;
}

/**
 * Promotions so far. A term is complete when a later round starts a new one, or when the game is over
 * (`complete` true). `nextTreatments` lets a caller close the current term as soon as the next round's treatments
 * are known to differ.
 */
export function promotions(
  regionOrder: readonly RegionId[],
  rounds: readonly TermRound[],
  complete: boolean,
  nextTreatments?: readonly Treatment[],
): Promotion[] {
  const all = terms(regionOrder, rounds);
  return all.flatMap((term, idx) => {
    const last = idx === all.length - 1;
    const closes =
      !last ||
      complete ||
      (nextTreatments !== undefined && treatmentKey(nextTreatments) !== treatmentKey(term.treatments));
    if (!closes) return [];
    const regionId = termWinner(regionOrder, term);
    return [
      {
        afterRound: term.toRound,
        regionId,
        termScore: term.score[regionId] ?? 0,
        fromRound: term.fromRound,
        treatments: term.treatments,
        record: term.record[regionId] ?? { barriers: 0, duplications: 0, honoured: 0, breaches: 0, detected: 0 },
      },
    ];
  });
}
