// The one score model of the student screens: the promotion score of a round, summed over the term (the headline
// number that decides promotion, with the rank it gives), and career points over the whole game. A term is a run
// of rounds under the same rules (docs/rules.md section 7); its planned end comes from the arm's schedule and the
// next round's rules as the server announces them.
import { scheduledTreatments } from '../../../shared/model/config.js';
import { treatmentKey, type Treatment } from '../../../shared/model/ids.js';
import { terms, termWinner, type Term } from '../../../shared/model/promotion.js';
import { treatmentsNow, type StudentCtx } from './context.js';

export interface TermPlan {
  fromRound: number;
  toRound: number;
  /** Rounds of the term already resolved. */
  played: number;
}

const regionOrder = (ctx: StudentCtx) => ctx.map.regions.map((r) => r.id);

/** The rules of a future round as planned now: the server's word for the next round, else the arm's schedule. */
function plannedTreatments(ctx: StudentCtx, round: number): Treatment[] {
  const cur = ctx.world.current;
  if (cur && round === cur.round) return cur.treatments;
  const next = ctx.view.worldInfo[ctx.world.index]?.nextTreatments;
  if (round === (ctx.view.phase === 'lobby' ? 1 : ctx.view.round + 1) && next) return next;
  return scheduledTreatments(ctx.view.config, ctx.world.arm, round);
}

/** The term the student is in: the one of the round being played, or of the last resolved round between rounds. */
export function termPlan(ctx: StudentCtx): TermPlan {
  const last = ctx.history[ctx.history.length - 1];
  const inRound = ctx.world.current !== null || !last;
  const round = inRound ? Math.max(1, ctx.world.current?.round ?? ctx.view.round) : last.round;
  const key = treatmentKey(inRound ? treatmentsNow(ctx) : last.treatments);
  let fromRound = round;
  for (let k = ctx.history.length - 1; k >= 0; k--) {
    const r = ctx.history[k];
    if (!r || r.round >= fromRound) continue;
    if (r.round !== fromRound - 1 || treatmentKey(r.treatments) !== key) break;
    fromRound = r.round;
  }
  let toRound = round;
  while (toRound < ctx.view.config.rounds && treatmentKey(plannedTreatments(ctx, toRound + 1)) === key) toRound++;
  const played = ctx.history.filter((r) => r.round >= fromRound && r.round <= toRound).length;
  return { fromRound, toRound, played };
}

/** The scores of the term that contains `round`, from the history (null before it has a resolved round). */
export function termOf(ctx: StudentCtx, round: number): Term | null {
  return terms(regionOrder(ctx), ctx.history).find((t) => t.fromRound <= round && round <= t.toRound) ?? null;
}

/** Regions by term score (ties: career points, then map order), as promotion ranks them. */
export function termRanking(ctx: StudentCtx, term: Term): string[] {
  const order = regionOrder(ctx);
  return [...order].sort(
    (x, y) =>
      (term.score[y] ?? 0) - (term.score[x] ?? 0) ||
      (term.career[y] ?? 0) - (term.career[x] ?? 0) ||
      order.indexOf(x) - order.indexOf(y),
  );
}

/** The region promoted at the end of the term that ends with `round`, if that round closes its term. */
export function promotedAfter(ctx: StudentCtx, round: number): { regionId: string; term: Term } | null {
  const term = termOf(ctx, round);
  if (!term || term.toRound !== round) return null;
  const resolved = ctx.history[ctx.history.length - 1]?.round ?? 0;
  // The term closes with this round when it is the game's last, or when the next round's rules differ.
  const closes =
    round < resolved ||
    round >= ctx.view.config.rounds ||
    ctx.view.phase === 'ended' ||
    treatmentKey(plannedTreatments(ctx, round + 1)) !== treatmentKey(term.treatments);
  return closes ? { regionId: termWinner(regionOrder(ctx), term), term } : null;
}
