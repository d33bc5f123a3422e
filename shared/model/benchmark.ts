// docs/rules.md section 9 "benchmark": the best expected welfare the world could reach this round, with all borders open and
// a project on every link honoured by both (host = the smaller previous output; hostShare 0.5).
import type { CompiledMap } from './compiled.js';
import { runMarket, newMarketResult } from './market.js';
import { settle, type CAgreement, type RoundCtx } from './settle.js';
import { expectedDraws } from './resolve.js';

/** Exhaustive search is exact; beyond this many profiles a multi-start best-response search is used instead. */
const EXHAUSTIVE_LIMIT = 200_000;

export function benchmarkAgreements(ctx: RoundCtx): CAgreement[] {
  return ctx.cm.pairs.map(([a, b]) => ({
    type: 1 as const,
    a,
    b,
    host: (ctx.prevGdp[b] as number) < (ctx.prevGdp[a] as number) ? b : a,
    hostShare: 0.5,
    sidePayment: 0,
  }));
}

export function benchmarkWelfare(ctx: RoundCtx): number {
  const { cm } = ctx;
  const { n } = cm;
  const agreements = benchmarkAgreements(ctx);
  const invest = new Int32Array(cm.strength);
  const dec = { invest, blocked: new Uint8Array(n * n), pay: new Uint8Array(2 * agreements.length).fill(1) };
  // Welfare differs between investment profiles only through Σ trade with open borders: settle once for the rest.
  const base = settle(ctx, agreements, dec, expectedDraws(ctx.params, agreements.length, ctx.flags.E));
  const constant = base.welfare - sum(base.market.trade, n);
  return constant + bestOpenTrade(cm, ctx.K);
}

function sum(arr: Float64Array, n: number): number {
  let t = 0;
  for (let i = 0; i < n; i++) t += arr[i] as number;
  return t;
}

/** max over investment profiles (one unit per region) of Σ trade with open borders. */
export function bestOpenTrade(cm: CompiledMap, K: Float64Array): number {
  const { n, s } = cm;
  const trial = Float64Array.from(K);
  const res = newMarketResult(n);
  const value = () => sum(runMarket(cm, trial, null, res).trade, n);
  if (Math.pow(s, n) <= EXHAUSTIVE_LIMIT) {
    let best = -Infinity;
    const walk = (i: number) => {
      if (i === n) {
        best = Math.max(best, value());
        return;
      }
      for (let k = 0; k < s; k++) {
        trial[i * s + k] = (trial[i * s + k] as number) + 1;
        walk(i + 1);
        trial[i * s + k] = (trial[i * s + k] as number) - 1;
      }
    };
    walk(0);
    return best;
  }
  // Large custom maps: coordinate ascent from every "all invest in sector k" start and from the strength profile.
  let best = -Infinity;
  const starts: Int32Array[] = [Int32Array.from(cm.strength)];
  for (let k = 0; k < s; k++) starts.push(new Int32Array(n).fill(k));
  for (const profile of starts) {
    trial.set(K);
    for (let i = 0; i < n; i++)
      trial[i * s + (profile[i] as number)] = (trial[i * s + (profile[i] as number)] as number) + 1;
    let current = value();
    for (let improved = true; improved;) {
      improved = false;
      for (let i = 0; i < n; i++) {
        const from = profile[i] as number;
        for (let k = 0; k < s; k++) {
          if (k === from) continue;
          trial[i * s + from] = (trial[i * s + from] as number) - 1;
          trial[i * s + k] = (trial[i * s + k] as number) + 1;
          const v = value();
          if (v > current + 1e-12) {
            current = v;
            profile[i] = k;
            improved = true;
            break;
          }
          trial[i * s + k] = (trial[i * s + k] as number) - 1;
          trial[i * s + from] = (trial[i * s + from] as number) + 1;
        }
      }
    }
    best = Math.max(best, current);
  }
  return best;
}
