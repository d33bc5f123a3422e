// The class's session played again by bots of each strategy: the same config and seed (so the same maps and random
// draws), the reforms the class had in each round, as many rounds as the class played. Loaded on demand in its own
// chunk (the bots' policies come with it). Pure apart from yielding to the page between games.
import type { SessionConfig } from '../../../shared/model/config.js';
import { BOT_STRATEGIES, type BotStrategy, type Treatment } from '../../../shared/model/ids.js';
import { aggregate, type PeriodSummary } from '../../../shared/model/sim/aggregate.js';
import { playWorld } from '../../../shared/model/sim/simulate.js';
import { regionIds } from '../../../shared/model/world.js';

export interface ReplayWorld {
  index: number;
  /** The reforms of each round the class played, in order. */
  treatments: readonly (readonly Treatment[])[];
}

export interface BotReplayInput {
  config: SessionConfig;
  seed: string;
  worlds: readonly ReplayWorld[];
}

export type BotSummaries = Record<BotStrategy, PeriodSummary[]>;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Every strategy plays every world of the class; summaries per arm and period, as for the class. */
export async function playBots(
  input: BotReplayInput,
  progress: (done: number, total: number) => void = () => undefined,
  pause: () => Promise<void> = nextTask,
): Promise<BotSummaries> {
  const total = BOT_STRATEGIES.length * input.worlds.length;
  let done = 0;
  const out: Partial<BotSummaries> = {};
  for (const strategy of BOT_STRATEGIES) {
    const histories = [];
    for (const w of input.worlds) {
      const played = playWorld(input.config, input.seed, w.index, () => strategy, {
        rounds: w.treatments.length,
        treatments: (round) => w.treatments[round - 1] ?? [],
      });
      histories.push({ arm: played.arm, regionOrder: regionIds(input.config, played), history: played.history });
      done++;
      progress(done, total);
      // One game at a time, so the page stays responsive in a large class.
      await pause();
    }
    out[strategy] = aggregate(histories);
  }
  return {
    cooperative: out.cooperative ?? [],
    competitive: out.competitive ?? [],
    opportunist: out.opportunist ?? [],
    adaptive: out.adaptive ?? [],
  };
}
