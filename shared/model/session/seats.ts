// Seats: display names, and spreading students over worlds and regions so that they fill evenly (docs/rules.md section 2).
import { armMap, armOfWorld, MAX_WORLDS } from '../config.js';
import { fail, ok, type Result } from '../errors.js';
import type { RegionId } from '../ids.js';
import { normaliseText, textProblem } from '../text.js';
import { regionKey, type SessionState } from './state.js';

/** A display name under the text policy (shared/model/text.ts), 1-24 characters. */
export function cleanName(raw: string): Result<string> {
  const name = normaliseText(raw);
  const problem = textProblem(name, 1, 24);
  return problem ? fail('INVALID_NAME', `the name ${problem}`) : ok(name);
}

/** A name not yet used in the session: "Li", then "Li (2)", "Li (3)", ... (case-insensitive). */
export function uniqueName(state: SessionState, name: string, exceptSeat?: string): string {
  const taken = new Set(state.seats.filter((s) => s.id !== exceptSeat).map((s) => s.name.toLocaleLowerCase()));
  if (!taken.has(name.toLocaleLowerCase())) return name;
  for (let k = 2; ; k++) {
    const candidate = `${name} (${k})`;
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}

export function worldRegions(state: SessionState, world: number): RegionId[] {
  return armMap(state.config, armOfWorld(state.config, world)).regions.map((r) => r.id);
}

/** Asked for every region after every command (isBotRegion): it counts without making a list. */
export function humansIn(state: SessionState, world: number, region: RegionId): number {
  let n = 0;
  for (const s of state.seats) if (!s.kicked && s.world === world && s.region === region) n++;
  return n;
}

/** Regions that no active student plays: bots play them. */
export function isBotRegion(state: SessionState, world: number, region: RegionId): boolean {
  return humansIn(state, world, region) === 0;
}

export function botStrategyOf(state: SessionState, world: number, region: RegionId) {
  return state.botStrategies[regionKey(world, region)] ?? state.config.bots.strategy;
}

/**
 * Where the next student sits: the region with the fewest students (first world, then map order on a tie) that
 * has room. In the lobby with an 'auto' world count a new world opens when every region is full; once the game
 * runs, late joiners take the emptiest region (a free seat, or a bot's region) even past the limit.
 */
export function placeNext(state: SessionState): { world: number; region: RegionId; worldCount: number } {
  const max = state.config.worlds.maxSeatsPerRegion;
  const pick = (worldCount: number) => {
    let best: { world: number; region: RegionId; n: number } | null = null;
    for (let w = 0; w < worldCount; w++) {
      for (const region of worldRegions(state, w)) {
        const n = humansIn(state, w, region);
        if (!best || n < best.n) best = { world: w, region, n };
      }
    }
    return best as { world: number; region: RegionId; n: number };
  };
  let worldCount = state.worldCount;
  let best = pick(worldCount);
  const canGrow = state.phase === 'lobby' && state.config.worlds.count === 'auto' && worldCount < MAX_WORLDS;
  if (best.n >= max && canGrow) {
    worldCount += 1;
    best = pick(worldCount);
  }
  return { world: best.world, region: best.region, worldCount };
}
