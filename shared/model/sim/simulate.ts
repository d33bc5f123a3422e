// Headless sessions played entirely by bots: the simulator behind `npm run simulate` and the benchmarks.
import { scheduledTreatments, type SessionConfig } from '../config.js';
import type { BotStrategy, RegionId } from '../ids.js';
import { buildLog, type SessionLogOut } from '../log.js';
import { beginRound, closeNegotiation, createWorld, finishRound, type WorldLive } from '../world.js';
import { botsDecide, botsNegotiate, type StrategyFor } from './playBots.js';

export function playWorld(cfg: SessionConfig, sessionSeed: string, index: number, strategyFor: StrategyFor): WorldLive {
  let w = createWorld(cfg, sessionSeed, index);
  for (let r = 1; r <= cfg.rounds; r++) {
    w = beginRound(w, scheduledTreatments(cfg, w.arm, r));
    w = botsNegotiate(cfg, w, strategyFor);
    w = closeNegotiation(cfg, w);
    w = botsDecide(cfg, w, strategyFor);
    w = finishRound(cfg, w);
  }
  return w;
}

export interface SimulatedSession {
  seed: string;
  worlds: WorldLive[];
}

/** One class: one world per arm (or `worldsPerArm`), every region played by a bot. */
export function simulateSession(
  cfg: SessionConfig,
  seed: string,
  strategy: BotStrategy | ((worldIndex: number, regionId: RegionId) => BotStrategy),
  worldsPerArm = 1,
): SimulatedSession {
  const worlds: WorldLive[] = [];
  for (let index = 0; index < cfg.arms.length * worldsPerArm; index++) {
    const pick = typeof strategy === 'function' ? (id: RegionId) => strategy(index, id) : () => strategy;
    worlds.push(playWorld(cfg, seed, index, pick));
  }
  return { seed, worlds };
}

export function simulatedLog(
  cfg: SessionConfig,
  session: SimulatedSession,
  code = 'SIM',
  createdAt = '1970-01-01T00:00:00.000Z',
): SessionLogOut {
  return buildLog({
    code,
    createdAt,
    seed: session.seed,
    config: cfg,
    worlds: session.worlds,
    seats: () => [{ name: 'bot', kind: 'bot' }],
    complete: true,
  });
}
