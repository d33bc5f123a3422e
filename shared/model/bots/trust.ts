// Adaptive bots' trust in each partner (docs/rules.md section 10): starts at 0.7 and after every round with agreements between
// the two becomes 0.6 trust + 0.4 (1 if the partner honoured all of them, else 0). Derived from public history.
import type { RegionId } from '../ids.js';
import type { RoundRecord } from '../round.js';

export const INITIAL_TRUST = 0.7;

export function partnerHonoured(rec: RoundRecord, self: RegionId, partner: RegionId): boolean | null {
  let any = false;
  let honoured = true;
  for (const ag of rec.agreements) {
    const pair = (ag.a === self && ag.b === partner) || (ag.b === self && ag.a === partner);
    if (!pair) continue;
    any = true;
    const d = rec.decisions[partner];
    if (!d) continue;
    if (ag.type === 'openMarket') {
      if (d.barriers.includes(self)) honoured = false;
    } else if (d.comply[ag.id] === 'breach') {
      honoured = false;
    }
  }
  return any ? honoured : null;
}

export function trustIn(history: readonly RoundRecord[], self: RegionId, partner: RegionId): number {
  let trust = INITIAL_TRUST;
  for (const rec of history) {
    const h = partnerHonoured(rec, self, partner);
    if (h !== null) trust = 0.6 * trust + 0.4 * (h ? 1 : 0);
  }
  return trust;
}

/** The fear of being cheated, in career points. */
export function fear(trust: number): number {
  return (1 - trust) * 3;
}
