// Identifiers and constants shared by every part of the rules.

export const RULES_VERSION = 1 as const;

/** Reforms the instructor can switch on (docs/rules.md section 1). `C` is a map variant chosen at creation. */
export const TREATMENTS = ['A', 'B', 'C', 'D1', 'D2', 'D3', 'E'] as const;
export type Treatment = (typeof TREATMENTS)[number];
/** Reforms that can change from one round to the next (everything except the map). */
export const SWITCHABLE_TREATMENTS = ['A', 'B', 'D1', 'D2', 'D3', 'E'] as const satisfies readonly Treatment[];

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
