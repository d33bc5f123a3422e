// Identifiers and constants shared by every part of the rules.

export const RULES_VERSION = 1 as const;

/**
 * The one list of reforms (docs/rules.md section 1), in their canonical order (logs, keys, every list shown).
 * `C` is a map variant chosen at creation; the others the instructor can switch from one round to the next.
 */
export const TREATMENTS = ['A', 'B', 'C', 'D1', 'D2', 'D3', 'E'] as const;
export type Treatment = (typeof TREATMENTS)[number];
/** The map reform: fixed when a world is created, never switched during a game. */
export const MAP_TREATMENT: Extract<Treatment, 'C'> = 'C';
export type SwitchableTreatment = Exclude<Treatment, typeof MAP_TREATMENT>;

export function isSwitchable(t: Treatment): t is SwitchableTreatment {
  return t !== MAP_TREATMENT;
}

/** Reforms that can change from one round to the next (everything except the map), in the canonical order. */
export const SWITCHABLE_TREATMENTS: readonly SwitchableTreatment[] = TREATMENTS.filter(isSwitchable);

/** Which reforms are in force: the one way to read a reform flag (`flagsOf(treatments).D2`). */
export type ReformFlags = Readonly<Record<Treatment, boolean>>;

export function flagsOf(treatments: readonly Treatment[]): ReformFlags {
  const on = new Set(treatments);
  const flags: Record<Treatment, boolean> = { A: false, B: false, C: false, D1: false, D2: false, D3: false, E: false };
  for (const t of TREATMENTS) flags[t] = on.has(t);
  return flags;
}

export type RegionId = string;
export type SectorId = string;
export type AgreementType = 'openMarket' | 'project';
export type Compliance = 'honour' | 'breach';
export type DecisionSource = 'human' | 'bot' | 'default';
export const BOT_STRATEGIES = ['cooperative', 'competitive', 'opportunist', 'adaptive'] as const;
export type BotStrategy = (typeof BOT_STRATEGIES)[number];

/** Treatments as a small set; sorted in the canonical order for logs and keys. */
export function sortTreatments(list: Iterable<Treatment>): Treatment[] {
  const set = new Set(list);
  return TREATMENTS.filter((t) => set.has(t));
}

export function treatmentKey(list: readonly Treatment[]): string {
  return list.length === 0 ? 'baseline' : sortTreatments(list).join(' ');
}
