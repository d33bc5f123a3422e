// Downloads built in the browser from a loaded log: the CSV tables of docs/rules.md section 11 in one zip (as the server's
// export.csv), and the JSON as it was loaded. Pure (no DOM).
import { strToU8, zipSync } from 'fflate';
import { csvFiles, type CsvLog } from '../../../shared/model/csv.js';
import type { LoadedLog } from './data.js';
import { baseName } from './load.js';

export function csvZip(log: CsvLog): Uint8Array {
  const files = csvFiles(log);
  return zipSync({
    'rounds.csv': strToU8(files['rounds.csv']),
    'agreements.csv': strToU8(files['agreements.csv']),
    'events.csv': strToU8(files['events.csv']),
  });
}

export function jsonText(l: LoadedLog): string {
  return l.raw ?? JSON.stringify(l.log);
}

export function downloadNames(l: LoadedLog): { json: string; csv: string } {
  const base = baseName(l.name);
  return { json: `${base}.json`, csv: `${base}-csv.zip` };
}
