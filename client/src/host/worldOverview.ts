// The console's overview of every world (a 300-student lecture has 75): per world its progress in the phase,
// offers pending, agreements signed, agreements broken last round and students away, and an order that puts the
// worlds needing attention first. Pure (no DOM), unit-tested.
import type { RoundRecord } from '../../../shared/model/round.js';
import type { SessionView } from '../../../shared/model/session/view.js';
import { worldProgress, type WorldProgress } from './consoleModel.js';

export interface WorldRow {
  world: number;
  group: string;
  /** Decided (decide) or finished negotiating (negotiate) of the regions with students; null in other phases. */
  progress: WorldProgress | null;
  pending: number;
  signed: number;
  /** Agreements broken in the last completed round. */
  broken: number;
  away: number;
  students: number;
}

export type WorldOrder = 'attention' | 'number';

type OverviewView = Pick<SessionView, 'phase' | 'decided' | 'regions' | 'worlds' | 'worldInfo' | 'seats'>;

export function worldRows(view: OverviewView, history: (world: number) => readonly RoundRecord[]): WorldRow[] {
  const counting = view.phase === 'negotiate' || view.phase === 'decide';
  const progress = counting ? worldProgress(view) : [];
  return view.worldInfo.map((info) => {
    const live = view.worlds.find((w) => w.index === info.index);
    const rounds = history(info.index);
    const seats = view.seats.filter((s) => s.world === info.index && !s.kicked);
    return {
      world: info.index,
      group: info.armName,
      progress: progress.find((p) => p.world === info.index) ?? null,
      pending: live?.current?.pendingLinks.length ?? 0,
      signed: live?.current?.agreements.length ?? 0,
      broken: rounds[rounds.length - 1]?.metrics.breaches ?? 0,
      away: seats.filter((s) => !s.connected).length,
      students: seats.length,
    };
  });
}

/** How far a world lags: regions with students that have not finished the phase yet. */
function lagging(r: WorldRow): number {
  return r.progress ? r.progress.of - r.progress.count : 0;
}

/** Worlds needing attention first (students away, then the most regions still to finish, then breaches). */
export function sortRows(rows: readonly WorldRow[], order: WorldOrder): WorldRow[] {
  if (order === 'number') return [...rows].sort((a, b) => a.world - b.world);
  return [...rows].sort(
    (a, b) => b.away - a.away || lagging(b) - lagging(a) || b.broken - a.broken || a.world - b.world,
  );
}

/** Whether a world needs the instructor's attention now. */
export function needsAttention(r: WorldRow): boolean {
  return r.away > 0 || r.broken > 0;
}
