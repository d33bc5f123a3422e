// What the map board shows, derived from the server's view only (no game logic here): regions with their public
// figures, links with open or closed markets, proposals and agreements with their state, and the last results.
import type { MapDef, SectorDef } from '../../../shared/model/maps.js';
import { mapById } from '../../../shared/model/config.js';
import type { RoundRecord } from '../../../shared/model/round.js';
import type { LiveWorldView, SessionView } from '../../../shared/model/session/view.js';

export type LinkState = 'pending' | 'signed' | 'honoured' | 'broken';

export interface BoardRegion {
  id: string;
  name: string;
  /** Position on the board, 0..1. */
  x: number;
  y: number;
  colour: number;
  gdp: number;
  /** Output before the last resolved round (for the reveal animation). */
  gdpBefore: number | null;
  growth: number | null;
  /** Rank by the term's promotion score; null before any round has been played. */
  rank: number | null;
  mine: boolean;
  bot: boolean;
  /** Regions whose goods it blocks (last round's decisions, public after results). */
  blocks: string[];
  submitted: boolean;
  /** Capacity built in each sector (map order): the map shows regions piling into one industry. */
  capacity: number[];
  /** The sector it is most productive in (index in map order). */
  strength: number;
}

export interface BoardLink {
  a: string;
  b: string;
  /** A map link (neighbours) or only a trade route. */
  linked: boolean;
  state: LinkState | null;
  label: string | null;
  /** Names of the regions that broke the agreement (last results). */
  brokenBy: string[];
  /** Project shock and audit of the last results, for the reveal. */
  shock: number | null;
  audited: boolean;
}

export interface BoardModel {
  mapId: string;
  regions: BoardRegion[];
  links: BoardLink[];
  phase: string;
  revealRound: number | null;
  sectors: SectorDef[];
  /** The booming industry (the largest market: the same for every region), index in map order. */
  boom: number;
}

/** The index of the largest value (the first on a tie). */
function argMax(values: readonly number[]): number {
  return values.reduce((best, v, k) => (v > (values[best] ?? -Infinity) ? k : best), 0);
}

/** Colour-blind-safe palette (Okabe-Ito); names, labels and patterns carry the meaning too. */
export const REGION_COLOURS = [0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0x56b4e9, 0xd55e00, 0xf0e442, 0x999999];

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function lastRound(history: readonly RoundRecord[]): RoundRecord | null {
  return history[history.length - 1] ?? null;
}

export function buildBoardModel(
  view: SessionView,
  world: LiveWorldView,
  history: readonly RoundRecord[],
  regionName: (id: string, map: MapDef) => string,
  myRegion: string | null,
): BoardModel {
  const map = mapById(view.config, world.mapId);
  const last = lastRound(history);
  const showResults =
    view.phase === 'results' || view.phase === 'briefing' || view.phase === 'ended' || view.phase === 'lobby';
  const regions: BoardRegion[] = map.regions.map((r, i) => {
    const pub = world.regions.find((x) => x.id === r.id);
    const status = view.regions.find((x) => x.world === world.index && x.region === r.id);
    const res = last?.results.regions[r.id];
    const before =
      history.length >= 2
        ? (history[history.length - 2]?.results.regions[r.id]?.gdp ?? null)
        : (world.initial[r.id]?.gdp ?? null);
    return {
      id: r.id,
      name: regionName(r.id, map),
      x: r.at.x,
      y: r.at.y,
      colour: REGION_COLOURS[i % REGION_COLOURS.length] ?? 0x999999,
      gdp: pub?.prev.gdp ?? 0,
      gdpBefore: last ? before : null,
      growth: res ? res.g : null,
      rank: history.length > 0 ? (pub?.rank ?? i + 1) : null,
      mine: r.id === myRegion,
      bot: status?.bot !== null && status?.bot !== undefined,
      blocks: showResults && last ? [...(last.decisions[r.id]?.barriers ?? [])] : [],
      submitted: status?.submitted ?? false,
      capacity: map.sectors.map((sec) => world.state.K[r.id]?.[sec.id] ?? 0),
      strength: argMax(map.sectors.map((sec) => r.a[sec.id] ?? 1)),
    };
  });
  const links = new Map<string, BoardLink>();
  const ensure = (a: string, b: string, linked: boolean) => {
    const key = pairKey(a, b);
    let l = links.get(key);
    if (!l) {
      l = { a, b, linked, state: null, label: null, brokenBy: [], shock: null, audited: false };
      links.set(key, l);
    }
    return l;
  };
  for (const [a, b] of map.links) ensure(a, b, true);
  const cur = world.current;
  if (cur && view.phase !== 'results') {
    // Pending pairs without terms: the projector sees every pair, a student its own.
    for (const [a, b] of cur.pendingLinks) ensure(a, b, true).state ??= 'pending';
    for (const ag of cur.agreements) ensure(ag.a, ag.b, true).state = 'signed';
  }
  if (showResults && last && (!cur || view.phase === 'results' || cur.agreements.length === 0)) {
    for (const ag of last.agreements) {
      const l = ensure(ag.a, ag.b, true);
      const dA = last.decisions[ag.a];
      const dB = last.decisions[ag.b];
      const aBroke = ag.type === 'openMarket' ? (dA?.barriers.includes(ag.b) ?? false) : dA?.comply[ag.id] === 'breach';
      const bBroke = ag.type === 'openMarket' ? (dB?.barriers.includes(ag.a) ?? false) : dB?.comply[ag.id] === 'breach';
      const broke = aBroke || bBroke;
      for (const [id, did] of [
        [ag.a, aBroke],
        [ag.b, bBroke],
      ] as const) {
        const name = regionName(id, map);
        if (did && !l.brokenBy.includes(name)) l.brokenBy.push(name);
      }
      if (l.state !== 'broken') l.state = broke ? 'broken' : 'honoured';
      if (ag.type === 'project') l.shock = last.draws.shock[ag.id] ?? null;
      if (last.draws.audit[ag.id]) l.audited = true;
    }
  }
  return {
    mapId: world.mapId,
    regions,
    links: [...links.values()],
    phase: view.phase,
    revealRound: showResults && last ? last.round : null,
    sectors: map.sectors,
    boom: argMax(map.sectors.map((sec) => sec.m)),
  };
}
