// The create screen's form model and its mapping to and from a session config. Pure (no DOM), unit-tested.
// Numbers are kept as typed (NaN when a field is empty) so that the config schema reports them next to the field.
import { z } from 'zod';
import { SessionConfigSchema, type SessionConfig, type SessionConfigInput } from '../../../shared/model/config.js';
import {
  MAP_TREATMENT,
  SWITCHABLE_TREATMENTS,
  flagsOf,
  isSwitchable,
  sortTreatments,
  type BotStrategy,
  type SwitchableTreatment,
  type Treatment,
} from '../../../shared/model/ids.js';

export type Switchable = SwitchableTreatment;
export const SWITCHABLE: readonly Switchable[] = SWITCHABLE_TREATMENTS;
export const PHASE_NAMES = ['briefing', 'negotiate', 'decide', 'results'] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];
export const MAX_ARMS = 8;
export const MAX_STEPS = 50;

export interface StepForm {
  fromRound: number;
  treatments: Switchable[];
}

export interface ArmForm {
  name: string;
  /** '' = the session map (or its multi-centre variant when `multiCentre`). */
  map: string;
  /** Reform C: fixed for the whole game, so it is an arm setting, put into every step of the schedule. */
  multiCentre: boolean;
  steps: StepForm[];
}

export interface ConfigForm {
  title: string;
  map: string;
  rounds: number;
  phases: Record<PhaseName, number>;
  seatsPerRegion: number;
  worldsAuto: boolean;
  worldsCount: number;
  arms: ArmForm[];
  botStrategy: BotStrategy;
  takeover: boolean;
  pseudonyms: boolean;
  /** The advanced parameters as JSON text (an object, see shared/model/params.ts). */
  paramsJson: string;
  /** Custom maps of the config, kept unchanged (there is no editor for them). */
  maps: SessionConfig['maps'];
}

/** The form for a parsed config. */
export function configToForm(cfg: SessionConfig): ConfigForm {
  return {
    title: cfg.title,
    map: cfg.map,
    rounds: cfg.rounds,
    phases: { ...cfg.phases },
    seatsPerRegion: cfg.worlds.maxSeatsPerRegion,
    worldsAuto: cfg.worlds.count === 'auto',
    worldsCount: cfg.worlds.count === 'auto' ? Math.max(1, cfg.arms.length) : cfg.worlds.count,
    arms: cfg.arms.map((a) => ({
      name: a.name,
      map: a.map ?? '',
      multiCentre: flagsOf(a.schedule[0]?.treatments ?? []).C,
      steps: a.schedule.map((s) => ({ fromRound: s.fromRound, treatments: s.treatments.filter(isSwitchable) })),
    })),
    botStrategy: cfg.bots.strategy,
    takeover: cfg.bots.takeover,
    pseudonyms: cfg.pseudonyms,
    paramsJson: JSON.stringify(cfg.params, null, 2),
    maps: cfg.maps,
  };
}

/** The form for a config input (a class plan's changes on top of the defaults); throws if it is invalid. */
export function inputToForm(input: SessionConfigInput | Record<string, unknown>): ConfigForm {
  return configToForm(SessionConfigSchema.parse(input));
}

export type ParamsResult = { ok: true; value: Record<string, unknown> } | { ok: false };

/** The advanced JSON: empty means the defaults; anything but a JSON object is an error. */
export function parseParams(text: string): ParamsResult {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false };
    const record = z.record(z.string(), z.unknown()).safeParse(value);
    return record.success ? { ok: true, value: record.data } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/** The config input the form describes (sent to the server as it is). `params` is null when its JSON is invalid. */
export function formToInput(form: ConfigForm): { input: Record<string, unknown>; paramsOk: boolean } {
  const params = parseParams(form.paramsJson);
  const input: Record<string, unknown> = {
    title: form.title,
    map: form.map,
    maps: form.maps,
    params: params.ok ? params.value : {},
    rounds: form.rounds,
    arms: form.arms.map((a) => ({
      name: a.name,
      ...(a.map !== '' ? { map: a.map } : {}),
      schedule: a.steps.map((s) => ({
        fromRound: s.fromRound,
        treatments: sortSwitchable(s.treatments, a.multiCentre),
      })),
    })),
    worlds: { count: form.worldsAuto ? 'auto' : form.worldsCount, maxSeatsPerRegion: form.seatsPerRegion },
    phases: { ...form.phases },
    bots: { strategy: form.botStrategy, takeover: form.takeover },
    pseudonyms: form.pseudonyms,
  };
  return { input, paramsOk: params.ok };
}

function sortSwitchable(list: readonly Switchable[], withC: boolean): Treatment[] {
  return sortTreatments(withC ? [...list, MAP_TREATMENT] : list);
}

/** A number typed in a field: '' and anything unparseable become NaN (reported by the schema). */
export function readNumber(raw: string): number {
  const s = raw.trim();
  return s === '' ? Number.NaN : Number(s);
}

/** Adds a step after the last one: one round later (capped at the last round), with the same reforms. */
export function addStep(arm: ArmForm, rounds: number): ArmForm {
  const last = arm.steps[arm.steps.length - 1];
  const next = last ? Math.min(Math.max(1, rounds), (Number.isFinite(last.fromRound) ? last.fromRound : 1) + 1) : 1;
  return { ...arm, steps: [...arm.steps, { fromRound: next, treatments: last ? [...last.treatments] : [] }] };
}

export function removeStep(arm: ArmForm, index: number): ArmForm {
  if (arm.steps.length <= 1) return arm;
  return { ...arm, steps: arm.steps.filter((_, i) => i !== index) };
}

/** A new arm: the baseline all game. */
export function newArm(index: number, label: (n: number) => string): ArmForm {
  return { name: label(index + 1), map: '', multiCentre: false, steps: [{ fromRound: 1, treatments: [] }] };
}

export function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  const rest = list.filter((x) => x !== item);
  return on ? [...rest, item] : rest;
}

/** Playing time in whole minutes (rounds × the four phases), or null while a number is missing. */
export function estimateMinutes(form: ConfigForm): number | null {
  const perRound = PHASE_NAMES.reduce((s, p) => s + form.phases[p], 0);
  const total = form.rounds * perRound;
  return Number.isFinite(total) && total > 0 ? Math.ceil(total / 60) : null;
}
