// Everything a student panel needs, derived from the store on each update.
import { mapById } from '../../../shared/model/config.js';
import type { Treatment } from '../../../shared/model/ids.js';
import type { MapDef } from '../../../shared/model/maps.js';
import type { RoundRecord } from '../../../shared/model/round.js';
import type { LiveWorldView, SessionView } from '../../../shared/model/session/view.js';
import type { SessionClient } from '../state/session.js';
import { worldView } from '../../../shared/model/views.js';
import { createWorld } from '../../../shared/model/world.js';

export interface StudentCtx {
  client: SessionClient;
  view: SessionView;
  world: LiveWorldView;
  history: RoundRecord[];
  map: MapDef;
  me: string;
  seatName: string;
  seatId: string;
}

export function studentCtx(client: SessionClient): StudentCtx | null {
  const s = client.store.get();
  const view = s.view;
  if (!view || view.me.role !== 'student') return null;
  const world = view.worlds[0] ?? lobbyWorld(view, view.me.world, view.me.region);
  const welcome = s.welcome?.role === 'student' ? s.welcome : null;
  return {
    client,
    view,
    world,
    history: s.history.get(world.index) ?? [],
    map: mapById(view.config, world.mapId),
    me: view.me.region,
    seatName: welcome?.name ?? '',
    seatId: welcome?.seatId ?? '',
  };
}

/** Before the game starts there is no world yet: show its starting state (the same pure function the server uses). */
function lobbyWorld(view: SessionView, index: number, region: string): LiveWorldView {
  const { history: _history, ...rest } = worldView(view.config, createWorld(view.config, '', index), {
    kind: 'region',
    regionId: region,
  });
  return { ...rest, state: createWorld(view.config, '', index).state, historyLength: 0 };
}

/** The treatments in force now (current round, or the last resolved one between rounds). */
export function treatmentsNow(ctx: StudentCtx): Treatment[] {
  return (
    ctx.world.current?.treatments ??
    ctx.history[ctx.history.length - 1]?.treatments ??
    ctx.view.worldInfo[ctx.world.index]?.nextTreatments ??
    []
  );
}

export function linkedTo(ctx: StudentCtx, region: string): string[] {
  return ctx.map.links.flatMap(([a, b]) => (a === region ? [b] : b === region ? [a] : []));
}
