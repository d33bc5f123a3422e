// One complete round of a world: draws from the seed, resolution, benchmark and metrics, as the log records it.
import { drawRound } from './draws.js';
import type { Treatment } from './ids.js';
import { computeMetrics, type RoundMetrics } from './metrics.js';
import {
  compileAgreements,
  compileDecisions,
  exactDraws,
  nextState,
  outcomeToResults,
  prepareRound,
} from './resolve.js';
import { settle } from './settle.js';
import type { Agreement, Draws, RecordedDecision, RoundResults, WorldRules, WorldState } from './state.js';

export interface RoundRecord {
  round: number;
  treatments: Treatment[];
  agreements: Agreement[];
  decisions: Record<string, RecordedDecision>;
  draws: Draws;
  results: RoundResults & { benchmarkWelfare: number };
  metrics: RoundMetrics;
  stateAfter: WorldState;
}

/**
 * Resolves round state.round + 1 of a world with complete decisions. Draws come from the world seed unless given
 * (a replay passes the logged draws after checking them).
 */
export function playRound(
  rules: WorldRules,
  seed: string,
  treatments: readonly Treatment[],
  state: WorldState,
  agreements: readonly Agreement[],
  decisions: Readonly<Record<string, RecordedDecision>>,
  cumulativeWelfareLostBefore: number,
  givenDraws?: Draws,
): RoundRecord {
  const round = state.round + 1;
  const ctx = prepareRound(rules, treatments, state);
  const draws = givenDraws ?? drawRound(seed, round, agreements, rules.params, ctx.flags.E);
  const cAgreements = compileAgreements(ctx.cm, agreements);
  const cDecisions = compileDecisions(ctx.cm, agreements, decisions);
  const cDraws = exactDraws(rules.params, agreements, draws);
  const outcome = settle(ctx, cAgreements, cDecisions, cDraws);
  const metrics = computeMetrics({
    ctx,
    agreements: cAgreements,
    agreementIds: agreements.map((a) => a.id),
    decisions: cDecisions,
    draws: cDraws,
    outcome,
    cumulativeWelfareLostBefore,
  });
  return {
    round,
    treatments: [...treatments],
    agreements: agreements.map((a) => ({ ...a })),
    decisions: Object.fromEntries(
      ctx.cm.regionIds.map((id) => {
        const d = decisions[id] as RecordedDecision;
        return [id, { invest: d.invest, barriers: [...d.barriers], comply: { ...d.comply }, source: d.source }];
      }),
    ),
    draws,
    results: { ...outcomeToResults(ctx.cm, outcome), benchmarkWelfare: metrics.benchmark },
    metrics,
    stateAfter: nextState(ctx, state, outcome, decisions),
  };
}
