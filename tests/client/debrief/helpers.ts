// Logs for the debrief tests: bot-played sessions (two arms, two worlds each) as they would be exported and loaded.
import { parseConfig, type SessionConfig, type SessionConfigInput } from '../../../shared/model/config.js';
import { simulatedLog, simulateSession } from '../../../shared/model/sim/simulate.js';
import { loadLogText } from '../../../client/src/debrief/load.js';
import type { LoadedLog } from '../../../client/src/debrief/data.js';

export const TWO_ARMS: SessionConfigInput = {
  map: '3-single',
  rounds: 6,
  arms: [
    { name: 'Control', schedule: [{ fromRound: 1, treatments: [] }] },
    {
      name: 'Reform',
      schedule: [
        { fromRound: 1, treatments: [] },
        { fromRound: 4, treatments: ['A', 'B', 'D1', 'D2', 'D3', 'E'] },
      ],
    },
  ],
};

export function config(input: SessionConfigInput = TWO_ARMS): SessionConfig {
  const r = parseConfig(input);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

const cache = new Map<string, string>();

/** The JSON text of a simulated session's log (cached per seed and config). */
export function logText(seed = 'debrief-test', input: SessionConfigInput = TWO_ARMS, worldsPerArm = 2): string {
  const key = `${seed}|${JSON.stringify(input)}|${worldsPerArm}`;
  let text = cache.get(key);
  if (!text) {
    const cfg = config(input);
    text = JSON.stringify(simulatedLog(cfg, simulateSession(cfg, seed, 'adaptive', worldsPerArm), `T${seed.length}`));
    cache.set(key, text);
  }
  return text;
}

export function loaded(
  name = 'class-a.json',
  seed = 'debrief-test',
  input: SessionConfigInput = TWO_ARMS,
  worldsPerArm = 2,
): LoadedLog {
  const r = loadLogText(name, logText(seed, input, worldsPerArm));
  if (!r.ok) throw new Error(`${r.reason}: ${r.detail} ${JSON.stringify(r.problems)}`);
  return r.log;
}
