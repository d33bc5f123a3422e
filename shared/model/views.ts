// docs/rules.md section 8: what each person may see of a world. Public: every region's previous figures and rank, the map,
// signed agreements, which pairs of regions have an offer pending (never its terms: the projector marks those links),
// and everything about completed rounds. Private: proposals (the two parties and the host),
// a region's draft and decision until results (its seats and the host). The projector sees only public data.
import { compileMap } from './compiled.js';
import type { SessionConfig } from './config.js';
import type { RegionId, Treatment } from './ids.js';
import { signedAgreements, type Proposal } from './negotiation.js';
import { promotions, terms, type Promotion } from './promotion.js';
import type { RoundRecord } from './round.js';
import type { Agreement, Decision, RecordedDecision, RegionPrev } from './state.js';
import { worldRules, type WorldLive } from './world.js';

export type Viewer = { kind: 'host' } | { kind: 'projector' } | { kind: 'region'; regionId: RegionId };

export interface RegionPublic {
  id: RegionId;
  prev: RegionPrev;
  promo: number;
  career: number;
  budget: number;
  /** Score summed over the current term (the rule in force). */
  termScore: number;
  /** 1 = first, by term score (ties: career, then map order). */
  rank: number;
  /** 1 = largest previous output. */
  outputRank: number;
}

export interface CurrentRoundView {
  round: number;
  treatments: Treatment[];
  negotiationOpen: boolean;
  /** Signed so far (public). */
  agreements: Agreement[];
  /** Only the proposals this viewer may see. */
  proposals: Proposal[];
  /** Pairs of regions with an offer pending, without terms, in map order (a student: only its own pairs). */
  pendingLinks: [RegionId, RegionId][];
  /** Who has submitted a decision / marked negotiation done (public counts; the contents are not). */
  submitted: Record<RegionId, boolean>;
  done: Record<RegionId, boolean>;
  /** Only the viewer's own region (the host: every region). */
  drafts: Record<RegionId, Decision>;
  decisions: Record<RegionId, RecordedDecision>;
}

export interface WorldView {
  index: number;
  arm: number;
  mapId: string;
  resolvedRounds: number;
  initial: Record<RegionId, RegionPrev>;
  regions: RegionPublic[];
  history: RoundRecord[];
  promoted: Promotion[];
  current: CurrentRoundView | null;
}

function mayRead(viewer: Viewer, regionId: RegionId): boolean {
  return viewer.kind === 'host' || (viewer.kind === 'region' && viewer.regionId === regionId);
}

function pick<T>(rec: Readonly<Record<RegionId, T>>, viewer: Viewer): Record<RegionId, T> {
  const out: Record<RegionId, T> = {};
  for (const [id, v] of Object.entries(rec)) if (mayRead(viewer, id)) out[id] = v;
  return out;
}

/**
 * Everything about a world, for the host; `restrictWorldView` cuts it down for other viewers. `next`: the reforms of
 * the world's next round, if known; between rounds they tell whether the term ended.
 */
export function fullWorldView(
  cfg: SessionConfig,
  world: WorldLive,
  gameOver = false,
  next: readonly Treatment[] | null = null,
): WorldView {
  return worldView(cfg, world, { kind: 'host' }, gameOver, next);
}

/** The part of a host's world view another viewer may see (docs/rules.md section 8). */
export function restrictWorldView<T extends WorldView | Omit<WorldView, 'history'>>(full: T, viewer: Viewer): T {
  const cur = full.current;
  if (!cur || viewer.kind === 'host') return full;
  const region = viewer.kind === 'region' ? viewer.regionId : null;
  return {
    ...full,
    current: {
      ...cur,
      proposals: region === null ? [] : cur.proposals.filter((p) => p.from === region || p.to === region),
      pendingLinks: region === null ? cur.pendingLinks : cur.pendingLinks.filter((l) => l.includes(region)),
      drafts: region !== null && cur.drafts[region] ? { [region]: cur.drafts[region] } : {},
      decisions: region !== null && cur.decisions[region] ? { [region]: cur.decisions[region] } : {},
    },
  };
}

/** The pairs with a pending offer (each pair once, its regions in map order), as a viewer may see them. */
export function pendingLinks(proposals: readonly Proposal[], order: readonly RegionId[]): [RegionId, RegionId][] {
  const seen = new Map<string, [RegionId, RegionId]>();
  for (const p of proposals) {
    if (p.status !== 'pending') continue;
    const pair: [RegionId, RegionId] = order.indexOf(p.from) <= order.indexOf(p.to) ? [p.from, p.to] : [p.to, p.from];
    seen.set(pair.join('|'), pair);
  }
  return [...seen.values()].sort(
    (x, y) => order.indexOf(x[0]) - order.indexOf(y[0]) || order.indexOf(x[1]) - order.indexOf(y[1]),
  );
}

function viewablePendingLinks(
  proposals: readonly Proposal[],
  order: readonly RegionId[],
  viewer: Viewer,
): [RegionId, RegionId][] {
  const all = pendingLinks(proposals, order);
  return viewer.kind === 'region' ? all.filter((l) => l.includes(viewer.regionId)) : all;
}

/** A world's regions and promotions as shown: they change with its state and history, not with a negotiation. */
interface Standing {
  state: WorldLive['state'];
  treatments: string;
  gameOver: boolean;
  regions: RegionPublic[];
  promoted: Promotion[];
}

/** By history list (replaced, never changed, when a round ends): a busy negotiation rebuilds its world's view on
 * every offer, and the ranks and terms it would recompute each time read the same. */
const standings = new WeakMap<readonly RoundRecord[], Standing>();

function standing(
  world: WorldLive,
  order: readonly RegionId[],
  gameOver: boolean,
  next: readonly Treatment[] | null,
): Standing {
  // During a round its reforms decide whether the last term closed; between rounds, the next round's (docs/rules.md
  // section 7, "Terms and promotion": a term ends when the reforms change), so the results of a term's last round
  // name who is promoted.
  const deciding = world.current?.treatments ?? next ?? undefined;
  const treatments = deciding ? deciding.join() : '\u0000';
  const hit = standings.get(world.history);
  if (hit && hit.state === world.state && hit.treatments === treatments && hit.gameOver === gameOver) return hit;
  const allTerms = terms(order, world.history);
  const term = allTerms[allTerms.length - 1];
  const sameTerm = !world.current || !term || term.treatments.join() === world.current.treatments.join();
  const termScore = (id: RegionId) => (sameTerm && term ? (term.score[id] ?? 0) : 0);
  const termCareer = (id: RegionId) => (sameTerm && term ? (term.career[id] ?? 0) : 0);
  const byScore = [...order].sort(
    (x, y) => termScore(y) - termScore(x) || termCareer(y) - termCareer(x) || order.indexOf(x) - order.indexOf(y),
  );
  const prevGdp = (id: RegionId) => world.state.prev[id]?.gdp ?? 0;
  const byOutput = [...order].sort((x, y) => prevGdp(y) - prevGdp(x) || order.indexOf(x) - order.indexOf(y));
  const fresh: Standing = {
    state: world.state,
    treatments,
    gameOver,
    regions: order.map((id) => ({
      id,
      prev: world.state.prev[id] ?? { gdp: 0, consBase: 0 },
      promo: world.state.promo[id] ?? 0,
      career: world.state.career[id] ?? 0,
      budget: world.state.budget[id] ?? 0,
      termScore: termScore(id),
      rank: byScore.indexOf(id) + 1,
      outputRank: byOutput.indexOf(id) + 1,
    })),
    promoted: promotions(order, world.history, gameOver, deciding),
  };
  standings.set(world.history, fresh);
  return fresh;
}

export function worldView(
  cfg: SessionConfig,
  world: WorldLive,
  viewer: Viewer,
  gameOver = false,
  next: readonly Treatment[] | null = null,
): WorldView {
  const rules = worldRules(cfg, world);
  const cm = compileMap(rules.map, rules.params);
  const order = cm.regionIds;
  const { regions, promoted } = standing(world, order, gameOver, next);
  const cur = world.current;
  return {
    index: world.index,
    arm: world.arm,
    mapId: world.mapId,
    resolvedRounds: world.state.round,
    initial: world.initial,
    regions,
    history: world.history,
    promoted,
    current: cur
      ? {
          round: cur.round,
          treatments: cur.treatments,
          negotiationOpen: cur.negotiation.open,
          agreements: cur.agreements ?? signedAgreements(rules, cur.negotiation),
          proposals: cur.negotiation.proposals.filter(
            (p) =>
              viewer.kind === 'host' ||
              (viewer.kind === 'region' && (p.from === viewer.regionId || p.to === viewer.regionId)),
          ),
          pendingLinks: viewablePendingLinks(cur.negotiation.proposals, order, viewer),
          submitted: Object.fromEntries(order.map((id) => [id, cur.submitted[id] !== undefined])),
          done: Object.fromEntries(order.map((id) => [id, cur.done[id] === true])),
          drafts: pick(cur.drafts, viewer),
          decisions: pick(cur.submitted, viewer),
        }
      : null,
  };
}
