// The debrief's data, whatever its source: one or more sources (a live session or loaded logs), each with its
// worlds' complete round history. Pure (no DOM): the tests use it under Node.
import { mapById, type SessionConfig } from '../../../shared/model/config.js';
import type { RegionId, Treatment } from '../../../shared/model/ids.js';
import type { SessionLog } from '../../../shared/model/log.js';
import type { MapDef } from '../../../shared/model/maps.js';
import { promotions, type Promotion } from '../../../shared/model/promotion.js';
import type { RoundRecord } from '../../../shared/model/round.js';
import type { SessionView } from '../../../shared/model/session/view.js';
import type { RegionPrev } from '../../../shared/model/state.js';
import type { WorldLive } from '../../../shared/model/world.js';

/** A log file opened in the debrief, already checked by replay(). */
export interface LoadedLog {
  /** The file name as chosen by the user. */
  name: string;
  /** The parsed log (docs/rules.md section 11). */
  log: SessionLog;
  /** The worlds recomputed by replay(), with every round's metrics. */
  worlds: WorldLive[];
  /** The session config of the log. */
  config: SessionConfig;
  /** The file's text as loaded (offered back unchanged as the JSON download). */
  raw?: string;
}

export interface DebriefWorld {
  /** Index of the source (log) it comes from. */
  source: number;
  index: number;
  arm: number;
  armName: string;
  map: MapDef;
  initial: Record<RegionId, RegionPrev>;
  history: readonly RoundRecord[];
  /** True when the game is over for this world (its last term promotes). */
  complete: boolean;
  /** The treatments of the round being played (live), which may close the last term early. */
  nextTreatments?: readonly Treatment[];
}

export interface DebriefSourceData {
  label: string;
  config: SessionConfig;
  worlds: DebriefWorld[];
}

export interface DebriefData {
  sources: DebriefSourceData[];
  /** The x range of the charts: the longest planned or played game. */
  maxRound: number;
}

function armName(cfg: SessionConfig, arm: number): string {
  return cfg.arms[arm]?.name ?? `#${arm + 1}`;
}

function finish(sources: DebriefSourceData[]): DebriefData {
  let maxRound = 0;
  for (const s of sources) {
    maxRound = Math.max(maxRound, s.config.rounds);
    for (const w of s.worlds) maxRound = Math.max(maxRound, w.history.length);
  }
  return { sources, maxRound };
}

/** Data from logs opened from disk (already replayed). */
export function fromLogs(logs: readonly LoadedLog[]): DebriefData {
  return finish(
    logs.map((l, source) => ({
      label: l.name,
      config: l.config,
      worlds: l.worlds.map((w) => {
        const logged = l.log.worlds.find((x) => x.index === w.index);
        const last = w.history[w.history.length - 1]?.round ?? 0;
        const complete =
          w.history.length >= l.config.rounds ||
          (last > 0 && (logged?.promoted ?? []).some((p) => p.afterRound === last));
        return {
          source,
          index: w.index,
          arm: w.arm,
          armName: armName(l.config, w.arm),
          map: mapById(l.config, w.mapId),
          initial: w.initial,
          history: w.history,
          complete,
        };
      }),
    })),
  );
}

/** Data from a live session as the host sees it: the view plus the completed rounds per world. */
export function fromLive(view: SessionView | null, history: ReadonlyMap<number, readonly RoundRecord[]>): DebriefData {
  if (!view) return { sources: [], maxRound: 0 };
  const ended = view.phase === 'ended';
  const worlds: DebriefWorld[] = [];
  for (const info of view.worldInfo) {
    const live = view.worlds.find((w) => w.index === info.index);
    const mapId = live?.mapId || info.mapId;
    if (!live || !mapId) continue;
    let map: MapDef;
    try {
      map = mapById(view.config, mapId);
    } catch {
      continue;
    }
    const rounds = history.get(info.index) ?? [];
    const playing = view.phase !== 'lobby' && !ended && live.current ? live.current.treatments : undefined;
    worlds.push({
      source: 0,
      index: info.index,
      arm: info.arm,
      armName: info.armName || armName(view.config, info.arm),
      map,
      initial: live.initial,
      history: rounds,
      complete: ended,
      ...(playing ? { nextTreatments: playing } : {}),
    });
  }
  return finish([{ label: view.title || view.code, config: view.config, worlds }]);
}

export function regionOrder(w: DebriefWorld): RegionId[] {
  return w.map.regions.map((r) => r.id);
}

/** Promotions of a world so far (the last term only once it is closed). */
export function worldPromotions(w: DebriefWorld): Promotion[] {
  return promotions(regionOrder(w), w.history, w.complete, w.nextTreatments);
}

export function roundCount(data: DebriefData): number {
  let n = 0;
  for (const s of data.sources) for (const w of s.worlds) n = Math.max(n, w.history.length);
  return n;
}
