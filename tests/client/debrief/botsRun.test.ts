// The bots replay the class's own session: same config, same seed, the reforms of each round the class played. A
// class played by adaptive bots is therefore replayed exactly by the adaptive strategy.
import { describe, expect, it } from 'vitest';
import { playBots } from '../../../client/src/debrief/botsRun.js';
import { aggregate } from '../../../shared/model/sim/aggregate.js';
import { regionIds } from '../../../shared/model/world.js';
import { config, TWO_ARMS } from './helpers.js';
import { simulateSession } from '../../../shared/model/sim/simulate.js';
import { BOT_STRATEGIES } from '../../../shared/model/ids.js';

const cfg = config(TWO_ARMS);
const seed = 'bots-replay';
const cls = simulateSession(cfg, seed, 'adaptive', 2);
const worlds = cls.worlds.map((w) => ({ index: w.index, treatments: w.history.map((r) => r.treatments) }));

describe('playBots', () => {
  it('replays an adaptive class exactly with the adaptive bots; every strategy has every period', async () => {
    const seen: number[] = [];
    const bots = await playBots(
      { config: cfg, seed, worlds },
      (done) => seen.push(done),
      () => Promise.resolve(),
    );
    const own = aggregate(cls.worlds.map((w) => ({ arm: w.arm, regionOrder: regionIds(cfg, w), history: w.history })));
    expect(bots.adaptive).toEqual(own);
    for (const s of BOT_STRATEGIES) {
      expect(bots[s].map((p) => [p.arm, p.fromRound, p.toRound])).toEqual(
        own.map((p) => [p.arm, p.fromRound, p.toRound]),
      );
    }
    expect(
      bots.cooperative.every(
        (p) =>
          p.cooperation >= bots.competitive.find((c) => c.arm === p.arm && c.fromRound === p.fromRound)!.cooperation,
      ),
    ).toBe(true);
    expect(seen).toEqual(Array.from({ length: worlds.length * BOT_STRATEGIES.length }, (_, i) => i + 1));
  });

  it('plays only the rounds the class played, with the reforms the class had (not the planned schedule)', async () => {
    const byHand = [{ index: 0, treatments: [[], [], ['D1' as const], ['D1' as const]] }];
    const bots = await playBots({ config: cfg, seed, worlds: byHand }, undefined, () => Promise.resolve());
    expect(bots.competitive.map((p) => [p.fromRound, p.toRound, p.treatments])).toEqual([
      [1, 2, []],
      [3, 4, ['D1']],
    ]);
  });
});
