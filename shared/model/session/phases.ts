// The phase machine of a session (docs/rules.md section 5): lobby -> (briefing -> negotiate -> decide -> results) x rounds ->
// ended. All worlds move together on the session's clock; bots act at the transitions.
import type { BotStrategy, RegionId } from '../ids.js';
import { botsDecide, botsNegotiate, type StrategyFor } from '../sim/playBots.js';
import { BOT_POLICIES } from '../bots/index.js';
import {
  beginRound,
  closeNegotiation,
  createWorld,
  defaultFor,
  finishRound,
  regionIds,
  type WorldLive,
} from '../world.js';
import type { RegionRef } from './commands.js';
import { botStrategyOf, isBotRegion } from './seats.js';
import type { Phase, SessionState } from './state.js';
import { treatmentsFor } from './treatments.js';

export function phaseLengthMs(state: SessionState, phase: Phase): number {
  switch (phase) {
    case 'briefing':
    case 'negotiate':
    case 'decide':
    case 'results':
      return state.config.phases[phase] * 1000;
    default:
      return 0;
  }
}

/** Bots play the regions no student plays. */
export function botsOf(state: SessionState, world: number): StrategyFor {
  return (region: RegionId): BotStrategy | null =>
    isBotRegion(state, world, region) ? botStrategyOf(state, world, region) : null;
}

function mapWorlds(state: SessionState, f: (w: WorldLive) => WorldLive): SessionState {
  return { ...state, worlds: state.worlds.map(f) };
}

function enter(state: SessionState, phase: Phase, at: number): SessionState {
  const length = phaseLengthMs(state, phase);
  if (phase === 'ended') return { ...state, phase, deadline: null, remainingMs: null, paused: false };
  return state.paused
    ? { ...state, phase, deadline: null, remainingMs: length }
    : { ...state, phase, deadline: at + length, remainingMs: null };
}

function startRound(state: SessionState, round: number, at: number): SessionState {
  const next = mapWorlds({ ...state, round, acts: [] }, (w) => beginRound(w, treatmentsFor(state, w.arm, round)));
  return enter(next, 'briefing', at);
}

/** Moves to the next phase. `takeover` lists absent regions whose bot decides for them (decide -> results). */
export function advance(state: SessionState, at: number, takeover: readonly RegionRef[] = []): SessionState {
  const cfg = state.config;
  switch (state.phase) {
    case 'lobby': {
      const worlds = Array.from({ length: state.worldCount }, (_, w) => createWorld(cfg, state.seed, w));
      return startRound({ ...state, worlds }, 1, at);
    }
    case 'briefing': {
      const next = mapWorlds(state, (w) => botsNegotiate(cfg, w, botsOf(state, w.index)));
      return enter(next, 'negotiate', at);
    }
    case 'negotiate': {
      const next = mapWorlds(state, (w) => botsDecide(cfg, closeNegotiation(cfg, w), botsOf(state, w.index)));
      return enter(next, 'decide', at);
    }
    case 'decide': {
      const taken = new Set(takeover.map((t) => `${t.world}:${t.region}`));
      const next = mapWorlds(state, (w) =>
        finishRound(cfg, w, (region, world) => {
          if (!taken.has(`${w.index}:${region}`)) return defaultFor(cfg, world, region);
          const decision = BOT_POLICIES[botStrategyOf(state, w.index, region)].decide({ cfg, world, regionId: region });
          return { ...decision, source: 'bot' };
        }),
      );
      return enter(next, 'results', at);
    }
    case 'results':
      return state.round >= cfg.rounds ? enter(state, 'ended', at) : startRound(state, state.round + 1, at);
    default:
      return state;
  }
}

/** Regions with at least one student (the ones whose readiness can end a phase early). */
export function humanRegions(state: SessionState, world: WorldLive): RegionId[] {
  return regionIds(state.config, world).filter((r) => !isBotRegion(state, world.index, r));
}

/** A phase ends early when every region with a student has marked itself done (negotiate) or submitted (decide). */
export function everyoneReady(state: SessionState): boolean {
  if (state.phase !== 'negotiate' && state.phase !== 'decide') return false;
  let any = false;
  for (const w of state.worlds) {
    const cur = w.current;
    if (!cur) continue;
    for (const r of regionIds(state.config, w)) {
      const ready = state.phase === 'negotiate' ? cur.done[r] === true : cur.submitted[r] !== undefined;
      // Asked after every command: whether a region is a bot's is looked up only when it matters (bots' regions
      // neither hold a phase open nor end it).
      if (ready) any ||= !isBotRegion(state, w.index, r);
      else if (!isBotRegion(state, w.index, r)) return false;
    }
  }
  return any;
}

/** After a proposal reaches a bot's region, the bots of that world answer at once. */
export function botsAnswer(state: SessionState, worldIndex: number): SessionState {
  return mapWorlds(state, (w) => (w.index === worldIndex ? botsNegotiateAnswers(state, w) : w));
}

function botsNegotiateAnswers(state: SessionState, w: WorldLive): WorldLive {
  // Only answers: bots do not open new offers mid-phase (they made theirs when negotiation opened).
  return botsNegotiate(state.config, w, botsOf(state, w.index), 3, false);
}
