// The treatments in force for a world in a round: its arm's schedule, replaced from a round on by the host's
// switch (for that arm or for all); C is fixed by the map.
import { scheduledTreatments } from '../config.js';
import { MAP_TREATMENT, flagsOf, isSwitchable, sortTreatments, type Treatment } from '../ids.js';
import type { SessionState } from './state.js';

export function treatmentsFor(state: SessionState, arm: number, round: number): Treatment[] {
  const scheduled = scheduledTreatments(state.config, arm, round);
  const hasC = flagsOf(scheduled).C;
  let chosen: Treatment[] | null = null;
  for (const o of state.overrides) {
    if (o.fromRound <= round && (o.arm === null || o.arm === arm)) chosen = o.treatments;
  }
  if (!chosen) return scheduled;
  return sortTreatments([...chosen.filter(isSwitchable), ...(hasC ? [MAP_TREATMENT] : [])]);
}
