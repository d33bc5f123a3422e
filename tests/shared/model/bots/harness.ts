// Plays a world with bots the way the simulator does, but checks every action a bot returns: each negotiation
// action must be accepted by the engine and each decision must pass validateDecision. Returns the trace.
import { expect } from 'vitest';
import { BOT_POLICIES } from '../../../../shared/model/bots/index.js';
import { parseConfig, scheduledTreatments, type SessionConfig } from '../../../../shared/model/config.js';
import { validateDecision } from '../../../../shared/model/decisions.js';
import type { BotStrategy, RegionId } from '../../../../shared/model/ids.js';
import type { Decision } from '../../../../shared/model/state.js';
import {
  beginRound,
  closeNegotiation,
  createWorld,
  finishRound,
  negotiate,
  regionIds,
  submitDecision,
  worldRules,
  type NegotiationAction,
  type WorldLive,
} from '../../../../shared/model/world.js';

export interface TraceEntry {
  round: number;
  regionId: RegionId;
  action?: NegotiationAction;
  decision?: Decision;
}

export interface CheckedRun {
  world: WorldLive;
  trace: TraceEntry[];
}

function act(cfg: SessionConfig, w: WorldLive, action: NegotiationAction): WorldLive {
  const r = negotiate(cfg, w, action);
  expect(r.ok, `bot action ${JSON.stringify(action)} refused: ${r.ok ? '' : r.error.message}`).toBe(true);
  return r.ok ? r.value : w;
}

export function playChecked(
  cfg: SessionConfig,
  seed: string,
  strategyFor: (id: RegionId) => BotStrategy,
  index = 0,
): CheckedRun {
  let w = createWorld(cfg, seed, index);
  const trace: TraceEntry[] = [];
  const ids = regionIds(cfg, w);
  for (let r = 1; r <= cfg.rounds; r++) {
    w = beginRound(w, scheduledTreatments(cfg, w.arm, r));
    for (const id of ids) {
      for (const action of BOT_POLICIES[strategyFor(id)].propose({ cfg, world: w, regionId: id })) {
        trace.push({ round: r, regionId: id, action });
        w = act(cfg, w, action);
      }
    }
    for (let pass = 0; pass < 3; pass++) {
      let changed = false;
      for (const id of ids) {
        const pending = w.current!.negotiation.proposals.filter((p) => p.status === 'pending' && p.to === id);
        for (const p of pending) {
          const still = w.current!.negotiation.proposals.find((x) => x.id === p.id);
          if (still?.status !== 'pending') continue;
          const action = BOT_POLICIES[strategyFor(id)].respond({ cfg, world: w, regionId: id }, still);
          trace.push({ round: r, regionId: id, action });
          w = act(cfg, w, action);
          changed = true;
        }
      }
      if (!changed) break;
    }
    w = closeNegotiation(cfg, w);
    const agreements = w.current!.agreements!;
    for (const id of ids) {
      const decision = BOT_POLICIES[strategyFor(id)].decide({ cfg, world: w, regionId: id });
      trace.push({ round: r, regionId: id, decision });
      const valid = validateDecision(worldRules(cfg, w), id, agreements, decision);
      expect(valid.ok, `bot decision of ${id} invalid: ${valid.ok ? '' : valid.error.message}`).toBe(true);
      const sub = submitDecision(cfg, w, id, decision, 'bot');
      expect(sub.ok).toBe(true);
      if (sub.ok) w = sub.value;
    }
    w = finishRound(cfg, w);
  }
  return { world: w, trace };
}

/** 4-single, 4 rounds: two baseline rounds, then all reforms. */
export function configFour(): SessionConfig {
  return mustParse({
    map: '4-single',
    rounds: 4,
    arms: [
      {
        name: 'x',
        schedule: [
          { fromRound: 1, treatments: [] },
          { fromRound: 3, treatments: ['A', 'B', 'D1', 'D2', 'D3', 'E'] },
        ],
      },
    ],
  });
}

/** 4-single with C (so the 4-multi map), 3 rounds with B and D3 from the start, then E. */
export function configMulti(): SessionConfig {
  return mustParse({
    map: '4-single',
    rounds: 3,
    arms: [
      {
        name: 'm',
        schedule: [
          { fromRound: 1, treatments: ['C', 'B', 'D3'] },
          { fromRound: 3, treatments: ['C', 'B', 'D3', 'E'] },
        ],
      },
    ],
  });
}

function mustParse(input: unknown): SessionConfig {
  const r = parseConfig(input);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

/** Decisions and actions of one region in a trace. */
export function decisionsOf(trace: readonly TraceEntry[], id: RegionId): Decision[] {
  return trace.filter((t) => t.regionId === id && t.decision).map((t) => t.decision!);
}
export function actionsOf(trace: readonly TraceEntry[], id: RegionId): NegotiationAction[] {
  return trace.filter((t) => t.regionId === id && t.action).map((t) => t.action!);
}
