// docs/rules.md section 6: the random events of a round, drawn from the world seed with order-independent tags.
import type { Params } from './params.js';
import { u } from './random.js';
import type { Agreement, Draws } from './state.js';

/** The shock ε for a draw u: the first outcome whose cumulative probability exceeds u. */
export function shockFor(params: Params, draw: number): number {
  let cum = 0;
  const list = params.project.shock;
  for (const o of list) {
    cum += o.p;
    if (draw < cum) return o.epsilon;
  }
  // Rounding can leave the sum a hair under 1: the last outcome then takes the remainder.
  return list[list.length - 1]?.epsilon ?? 0;
}

export function auditProbability(params: Params, underE: boolean): number {
  return (underE ? params.enforcementE : params.enforcement).audit;
}

/** Draws of round r (1-based): a shock for every project, an audit for every agreement. */
export function drawRound(
  seed: string,
  round: number,
  agreements: readonly Agreement[],
  params: Params,
  underE: boolean,
): Draws {
  const audit = auditProbability(params, underE);
  const draws: Draws = { shock: {}, audit: {} };
  for (const ag of agreements) {
    if (ag.type === 'project') draws.shock[ag.id] = shockFor(params, u(seed, 'shock', round, ag.id));
    draws.audit[ag.id] = u(seed, 'audit', round, ag.id) < audit;
  }
  return draws;
}
