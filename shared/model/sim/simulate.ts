// Headless sessions played entirely by bots: the simulator behind `npm run simulate` and the benchmarks.
import { scheduledTreatments, type SessionConfig } from '../config.js';
import type { BotStrategy, RegionId, Treatment } from '../ids.js';
import { buildLog, type SessionLogOut } from '../log.js';
import { beginRound, closeNegotiation, createWorld, finishRound, type WorldLive } from '../world.js';
import { botsDecide, botsNegotiate, type StrategyFor } from './playBots.js';

/** Which reforms a world plays in each round, and how many rounds (a class may have switched reforms by hand). */
export interface PlaySchedule {
  rounds: number;
  treatments: (round: number) => readonly Treatment[];
}

export function playWorld(
  cfg: SessionConfig,
  sessionSeed: string,
  index: number,
  strategyFor: StrategyFor,
  schedule?: PlaySchedule,
): WorldLive {
  let w = createWorld(cfg, sessionSeed, index);
  const arm = w.arm;
  const rounds = schedule?.rounds ?? cfg.rounds;
  for (let r = 1; r <= rounds; r++) {
    w = beginRound(w, schedule ? schedule.treatments(r) : scheduledTreatments(cfg, arm, r));
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
