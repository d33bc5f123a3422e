// The session config (docs/rules.md sections 2-5): parameters, maps, arms with treatment schedules, worlds and
// phase lengths. Parsed with zod everywhere it crosses a boundary; messages say what to fix.
import { z } from 'zod';
import {
  BOT_STRATEGIES,
  MAP_TREATMENT,
  RULES_VERSION,
  SWITCHABLE_TREATMENTS,
  TREATMENTS,
  flagsOf,
  isSwitchable,
  sortTreatments,
  type Treatment,
} from './ids.js';
import { MAP_PRESET_IDS, MapDefSchema, multiCentreVariant, presetMap, type MapDef } from './maps.js';
import { ParamsSchema } from './params.js';
import { freeText } from './text.js';

export const TreatmentSchema = z.enum(TREATMENTS);

export const ScheduleStepSchema = z.object({
  fromRound: z.int().min(1),
  treatments: z.array(TreatmentSchema).max(TREATMENTS.length),
});

export const ArmSchema = z.object({
  name: freeText(1, 60),
  /** A map id (preset or custom). Default: the session map, or its multi-centre variant when C is in force. */
  map: z.string().min(1).max(40).optional(),
  schedule: z.array(ScheduleStepSchema).min(1).max(50),
});

const seconds = (d: number) => z.int().min(5).max(3600).default(d);

export const PhaseLengthsSchema = z.object({
  briefing: seconds(20),
  negotiate: seconds(120),
  decide: seconds(60),
  results: seconds(45),
});

/** The most worlds a session has: a 300-student lecture in worlds of 4 regions, one student each, has 75. */
export const MAX_WORLDS = 100;

export const ALL_REFORMS: Treatment[] = [...SWITCHABLE_TREATMENTS];

const DEFAULT_ARMS = [
  {
    name: 'Baseline then all reforms',
    schedule: [
      { fromRound: 1, treatments: [] },
      { fromRound: 5, treatments: ALL_REFORMS },
    ],
  },
];

const ConfigObject = z
  .object({
    rulesVersion: z.literal(RULES_VERSION).default(RULES_VERSION),
    title: freeText(0, 80).default(''),
    /** The map every arm uses unless it names its own: a preset id or the id of one of `maps`. */
    map: z.string().min(1).max(40).default('4-single'),
    /** Custom maps, added as data. */
    maps: z.array(MapDefSchema).max(8).default([]),
    params: ParamsSchema.prefault({}),
    rounds: z.int().min(1).max(40).default(8),
    arms: z.array(ArmSchema).min(1).max(8).default(DEFAULT_ARMS),
    worlds: z
      .object({
        /** 'auto': as many worlds as the class needs (at least one per arm). */
        count: z.union([z.literal('auto'), z.int().min(1).max(MAX_WORLDS)]).default('auto'),
        /** The most students that share one region; with 'auto', a new world opens when every region is full. */
        maxSeatsPerRegion: z.int().min(1).max(20).default(5),
      })
      .prefault({}),
    phases: PhaseLengthsSchema.prefault({}),
    bots: z
      .object({
        strategy: z.enum(BOT_STRATEGIES).default('adaptive'),
        /** When true, a region whose seats are all away at a deadline is played by its bot, not by the defaults. */
        takeover: z.boolean().default(false),
      })
      .prefault({}),
    /** Export pseudonyms instead of display names. */
    pseudonyms: z.boolean().default(false),
  })
  .strict();

function checkConfig(cfg: z.output<typeof ConfigObject>, ctx: z.RefinementCtx): void {
  const customIds = new Set(cfg.maps.map((m) => m.id));
  for (const m of cfg.maps) {
    if (presetMap(m.id))
      ctx.addIssue({ code: 'custom', path: ['maps'], message: `custom map id ${m.id} clashes with a preset` });
  }
  const known = (id: string) => presetMap(id) !== undefined || customIds.has(id);
  if (!known(cfg.map))
    ctx.addIssue({
      code: 'custom',
      path: ['map'],
      message: `unknown map "${cfg.map}" (presets: ${MAP_PRESET_IDS.join(', ')})`,
    });
  cfg.arms.forEach((arm, i) => {
    const path = ['arms', i, 'schedule'];
    if (arm.schedule[0]?.fromRound !== 1)
      ctx.addIssue({ code: 'custom', path, message: `arm "${arm.name}": the schedule must start at round 1` });
    arm.schedule.forEach((step, j) => {
      const prev = arm.schedule[j - 1];
      if (prev && step.fromRound <= prev.fromRound)
        ctx.addIssue({
          code: 'custom',
          path: [...path, j, 'fromRound'],
          message: `arm "${arm.name}": schedule rounds must increase`,
        });
      if (step.fromRound > cfg.rounds)
        ctx.addIssue({
          code: 'custom',
          path: [...path, j, 'fromRound'],
          message: `arm "${arm.name}": step from round ${step.fromRound} is after the last round (${cfg.rounds})`,
        });
      if (new Set(step.treatments).size !== step.treatments.length)
        ctx.addIssue({
          code: 'custom',
          path: [...path, j, 'treatments'],
          message: `arm "${arm.name}": a treatment is listed twice`,
        });
    });
    const first = flagsOf(arm.schedule[0]?.treatments ?? []).C;
    if (arm.schedule.some((s) => flagsOf(s.treatments).C !== first)) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `arm "${arm.name}": C (multi-centre map) is fixed when a world is created, so it must be in force in every step or in none`,
      });
    }
    if (
      first &&
      arm.map === undefined &&
      known(cfg.map) &&
      !lookupMap(cfg.maps, multiCentreVariant(cfg.map)).multiCentre
    ) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `arm "${arm.name}": C is in force but map "${cfg.map}" has no multi-centre variant; name a multi-centre map in arm.map`,
      });
    }
    if (arm.map !== undefined) {
      if (!known(arm.map))
        ctx.addIssue({
          code: 'custom',
          path: ['arms', i, 'map'],
          message: `arm "${arm.name}": unknown map "${arm.map}"`,
        });
      else if (first && !lookupMap(cfg.maps, arm.map).multiCentre) {
        ctx.addIssue({
          code: 'custom',
          path: ['arms', i, 'map'],
          message: `arm "${arm.name}": C is in force but map "${arm.map}" is single-centre`,
        });
      }
    }
  });
}

export const SessionConfigSchema = ConfigObject.superRefine(checkConfig);
export type SessionConfig = z.output<typeof SessionConfigSchema>;
export type SessionConfigInput = z.input<typeof SessionConfigSchema>;
export type Arm = z.output<typeof ArmSchema>;

function lookupMap(custom: readonly MapDef[], id: string): MapDef {
  const found = presetMap(id) ?? custom.find((m) => m.id === id);
  if (!found) throw new Error(`unknown map ${id}`);
  return found;
}

/** The map a world of this arm plays on. */
export function armMap(cfg: SessionConfig, armIndex: number): MapDef {
  const arm = cfg.arms[armIndex];
  if (!arm) throw new RangeError(`no arm ${armIndex}`);
  if (arm.map !== undefined) return lookupMap(cfg.maps, arm.map);
  const wantsC = flagsOf(arm.schedule[0]?.treatments ?? []).C;
  return lookupMap(cfg.maps, wantsC ? multiCentreVariant(cfg.map) : cfg.map);
}

export function mapById(cfg: SessionConfig, id: string): MapDef {
  return lookupMap(cfg.maps, id);
}

/** The treatments an arm's schedule puts in force in a round; C whenever the map is multi-centre. */
export function scheduledTreatments(cfg: SessionConfig, armIndex: number, round: number): Treatment[] {
  const arm = cfg.arms[armIndex];
  if (!arm) throw new RangeError(`no arm ${armIndex}`);
  let current: Treatment[] = [];
  for (const step of arm.schedule) if (step.fromRound <= round) current = step.treatments;
  const list: Treatment[] = current.filter(isSwitchable);
  if (armMap(cfg, armIndex).multiCentre) list.push(MAP_TREATMENT);
  return sortTreatments(list);
}

/** The arm of the world with this index: worlds are assigned to arms in turn. */
export function armOfWorld(cfg: SessionConfig, worldIndex: number): number {
  return worldIndex % cfg.arms.length;
}

export function worldSeed(sessionSeed: string, worldIndex: number): string {
  return `${sessionSeed}:${worldIndex}`;
}

/** zod issues as short "path: message" lines for people. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export function parseConfig(input: unknown): ParseResult<SessionConfig> {
  const r = SessionConfigSchema.safeParse(input ?? {});
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: describeIssues(r.error) };
}
