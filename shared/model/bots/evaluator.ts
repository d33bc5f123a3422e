// What a bot (or the decide screen) expects from a choice: the exact expected outcome of a round given the
// agreements, its own decision and a prediction of the others' (their default: last round's choices).
import type { SessionConfig } from '../config.js';
import type { RegionId } from '../ids.js';
import { compileAgreements, compileDecisions, expectedDraws, prepareRound } from '../resolve.js';
import {
  marketChoices,
  newOutcome,
  settleAgreements,
  settleMarket,
  type CAgreement,
  type CDecisions,
  type CDraws,
  type Outcome,
  type RoundCtx,
} from '../settle.js';
import type { Agreement, Decision } from '../state.js';
import { worldRules, type WorldLive } from '../world.js';

export interface Option {
  invest: number;
  /** Bitmask over region indices of the regions blocked. */
  barriers: number;
  /** Bitmask over the region's own projects (in `projects` order) that it breaches. */
  breaches: number;
}

export interface OptionTable {
  options: Option[];
  career: Float64Array;
  gdp: Float64Array;
  projects: number[];
}

export class RoundEvaluator {
  readonly ctx: RoundCtx;
  readonly n: number;
  readonly s: number;
  readonly agreements: Agreement[];
  readonly cAgreements: CAgreement[];
  /** The predicted decisions of every region (flat), before any change. */
  readonly predicted: CDecisions;
  private readonly work: CDecisions;
  private readonly out: Outcome;
  private drawsCache = new Map<number, CDraws>();
  /** Invest and barriers of the market currently in `out`, to skip re-running an unchanged market. */
  private readonly memoInvest: Int32Array;
  private readonly memoBlocked: Uint8Array;
  private memoValid = false;

  constructor(
    readonly cfg: SessionConfig,
    readonly world: WorldLive,
    agreements: readonly Agreement[],
  ) {
    const cur = world.current;
    const rules = worldRules(cfg, world);
    this.ctx = prepareRound(rules, cur?.treatments ?? [], world.state);
    this.n = this.ctx.cm.n;
    this.s = this.ctx.cm.s;
    this.agreements = [...agreements];
    this.cAgreements = compileAgreements(this.ctx.cm, agreements);
    // Everyone is predicted to play its default: the market's choice under B, else last round's choices.
    const { cm } = this.ctx;
    const choice = this.ctx.flags.B ? marketChoices(this.ctx) : null;
    const predicted: Record<RegionId, Decision> = {};
    cm.regionIds.forEach((id, i) => {
      const last = world.state.lastInvest[id];
      const invest = choice
        ? (cm.sectorIds[choice[i] as number] as string)
        : (last ?? (cm.sectorIds[cm.strength[i] as number] as string));
      predicted[id] = { invest, barriers: [...(world.state.lastBarriers[id] ?? [])], comply: {} };
    });
    this.predicted = compileDecisions(cm, agreements, predicted);
    // A partner that signed an open-market pledge is expected to keep it.
    for (const ag of this.cAgreements) {
      if (ag.type !== 0) continue;
      this.predicted.blocked[ag.a * this.n + ag.b] = 0;
      this.predicted.blocked[ag.b * this.n + ag.a] = 0;
    }
    this.work = {
      invest: Int32Array.from(this.predicted.invest),
      blocked: Uint8Array.from(this.predicted.blocked),
      pay: Uint8Array.from(this.predicted.pay),
    };
    this.out = newOutcome(this.n, this.s);
    this.memoInvest = new Int32Array(this.n);
    this.memoBlocked = new Uint8Array(this.n * this.n);
  }

  /** Runs the market for `dec` into `out` unless the same invest and barriers are already there. */
  private market(dec: CDecisions): void {
    if (this.memoValid && equal(this.memoInvest, dec.invest) && equal(this.memoBlocked, dec.blocked)) return;
    settleMarket(this.ctx, dec, this.out);
    this.memoInvest.set(dec.invest);
    this.memoBlocked.set(dec.blocked);
    this.memoValid = true;
  }

  index(id: RegionId): number {
    const i = this.ctx.cm.regionIndex.get(id);
    if (i === undefined) throw new RangeError(`unknown region ${id}`);
    return i;
  }

  draws(count: number): CDraws {
    let d = this.drawsCache.get(count);
    if (!d) {
      d = expectedDraws(this.ctx.params, count, this.ctx.flags.E);
      this.drawsCache.set(count, d);
    }
    return d;
  }

  /** Expected outcome with the given agreements and decisions (the returned object is reused: read it at once). */
  run(agreements: readonly CAgreement[], dec: CDecisions): Outcome {
    this.market(dec);
    return settleAgreements(this.ctx, agreements, dec, this.draws(agreements.length), this.out);
  }

  /** A scratch copy of the predicted decisions with pay flags sized for `agreementCount` agreements (all 1). */
  scratch(agreementCount: number): CDecisions {
    const w = this.work;
    w.invest.set(this.predicted.invest);
    w.blocked.set(this.predicted.blocked);
    if (w.pay.length < 2 * agreementCount) this.work.pay = new Uint8Array(2 * agreementCount);
    this.work.pay.fill(1);
    return this.work;
  }

  /** Indices (into this.cAgreements) of region i's projects. */
  projectsOf(i: number): number[] {
    const out: number[] = [];
    this.cAgreements.forEach((ag, g) => {
      if (ag.type === 1 && (ag.a === i || ag.b === i)) out.push(g);
    });
    return out;
  }

  /** Writes region i's option into a decisions buffer. */
  apply(dec: CDecisions, i: number, opt: Option, projects: readonly number[]): void {
    dec.invest[i] = opt.invest;
    for (let t = 0; t < this.n; t++) if (t !== i) dec.blocked[i * this.n + t] = (opt.barriers >> t) & 1;
    projects.forEach((g, bit) => {
      const ag = this.cAgreements[g] as CAgreement;
      dec.pay[ag.a === i ? 2 * g : 2 * g + 1] = (opt.breaches >> bit) & 1 ? 0 : 1;
    });
  }

  /** Every option of region i with its expected career points, others as predicted (they honour). */
  options(i: number): OptionTable {
    let hit = this.optionCache[i];
    if (!hit) {
      hit = this.enumerate(i);
      this.optionCache[i] = hit;
    }
    return hit;
  }

  private readonly optionCache: (OptionTable | undefined)[] = [];

  private enumerate(i: number): OptionTable {
    const projects = this.projectsOf(i);
    const options: Option[] = [];
    const masks: number[] = [];
    for (let m = 0; m < 1 << this.n; m++) if (((m >> i) & 1) === 0) masks.push(m);
    const perMarket = 1 << projects.length;
    const total = this.s * masks.length * perMarket;
    const career = new Float64Array(total);
    const gdp = new Float64Array(total);
    const dec = this.scratch(this.cAgreements.length);
    const draws = this.draws(this.cAgreements.length);
    let x = 0;
    for (let k = 0; k < this.s; k++) {
      for (const barriers of masks) {
        // The market depends on invest and barriers only: run it once, then settle each way of complying.
        this.apply(dec, i, { invest: k, barriers, breaches: 0 }, projects);
        this.market(dec);
        for (let b = 0; b < perMarket; b++) {
          const opt = { invest: k, barriers, breaches: b };
          this.apply(dec, i, opt, projects);
          const o = settleAgreements(this.ctx, this.cAgreements, dec, draws, this.out);
          options.push(opt);
          career[x] = o.career[i] as number;
          gdp[x] = o.gdp[i] as number;
          x++;
        }
      }
    }
    return { options, career, gdp, projects };
  }

  /** The option as a JSON decision. */
  toDecision(i: number, opt: Option, projects: readonly number[]): Decision {
    const { cm } = this.ctx;
    const barriers: string[] = [];
    for (let t = 0; t < this.n; t++) if (t !== i && (opt.barriers >> t) & 1) barriers.push(cm.regionIds[t] as string);
    const comply: Decision['comply'] = {};
    projects.forEach((g, bit) => {
      comply[(this.agreements[g] as Agreement).id] = (opt.breaches >> bit) & 1 ? 'breach' : 'honour';
    });
    return { invest: cm.sectorIds[opt.invest] as string, barriers, comply };
  }

  /** Region i's predicted option (its default), as a bitmask option. */
  predictedOption(i: number): Option {
    let barriers = 0;
    for (let t = 0; t < this.n; t++) if (t !== i && this.predicted.blocked[i * this.n + t] === 1) barriers |= 1 << t;
    return { invest: this.predicted.invest[i] as number, barriers, breaches: 0 };
  }
}

function equal(x: ArrayLike<number>, y: ArrayLike<number>): boolean {
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  return true;
}

/** Index of the best entry (first on a tie). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let x = 1; x < values.length; x++) if ((values[x] as number) > (values[best] as number)) best = x;
  return best;
}

/** Logit choice with precision `lambda` per point, driven by one uniform draw. */
export function logitPick(values: ArrayLike<number>, lambda: number, draw: number): number {
  const max = values[argmax(values)] as number;
  let total = 0;
  const w = new Float64Array(values.length);
  for (let x = 0; x < values.length; x++) {
    w[x] = Math.exp(lambda * ((values[x] as number) - max));
    total += w[x] as number;
  }
  let acc = 0;
  const target = draw * total;
  for (let x = 0; x < values.length; x++) {
    acc += w[x] as number;
    if (target < acc) return x;
  }
  return values.length - 1;
}

export function logisticChance(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
