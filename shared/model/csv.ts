// docs/rules.md section 11 CSV tables from a session log: rounds.csv, agreements.csv, events.csv. UTF-8 with a byte
// order mark (so that Excel reads Chinese names), one header row; worlds numbered and regions named as on the screens,
// with their ids in extra columns; text cells that a spreadsheet would run as a formula (starting with =, +, -, @,
// tab or CR) are neutralised.
import { mapById, type SessionConfig } from './config.js';
import type { RoundRecord } from './round.js';

/** How regions are named in the tables (the ids when no names are given). */
export interface CsvNames {
  region: (mapId: string, regionId: string) => string;
}

export interface CsvLog {
  worlds: readonly { index: number; arm: number; map: string; rounds: readonly RoundLike[] }[];
  events: readonly { seq: number; at: string; actor: string; type: string; payload: unknown }[];
  names?: CsvNames;
}

/** Region names of a config's maps in one language (maps name regions in English and Chinese). */
export function regionNames(cfg: SessionConfig, lang: 'en' | 'zh'): CsvNames {
  return {
    region: (mapId, regionId) => {
      try {
        return mapById(cfg, mapId).regions.find((r) => r.id === regionId)?.name[lang] ?? regionId;
      } catch {
        return regionId;
      }
    },
  };
}

/** The world number shown on the screens ("World 1" is index 0). */
export const worldNumber = (index: number) => index + 1;

/** The byte order mark that tells Excel a CSV file is UTF-8. */
export const CSV_BOM = '\uFEFF';

type RoundLike = Pick<RoundRecord, 'round' | 'treatments' | 'agreements' | 'decisions' | 'draws'> & {
  results: {
    regions: Readonly<Record<string, Readonly<Record<(typeof RESULT_FIELDS)[number], number | boolean>>>>;
    gAll: number;
    welfare: number;
    benchmarkWelfare?: number;
  };
};

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** One CSV cell: numbers as they are; text neutralised against formula injection and quoted when needed. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  if (!(typeof value === 'number' && NUMBER.test(text)) && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const RESULT_FIELDS = [
  'gdp',
  'consBase',
  'g',
  'tax',
  'outlay',
  'inflow',
  'fiscalGrowth',
  'score',
  'career',
  'dup',
  'nBar',
  'honoured',
  'breaches',
  'detected',
] as const;

export function roundsCsv(log: CsvLog): string {
  const name = (map: string, id: string) => log.names?.region(map, id) ?? id;
  const header = [
    'world',
    'worldIndex',
    'arm',
    'map',
    'round',
    'treatments',
    'region',
    'regionId',
    ...RESULT_FIELDS,
    'invest',
    'barriers',
    'comply',
    'source',
    'gAll',
    'welfare',
    'benchmarkWelfare',
  ];
  const rows: unknown[][] = [];
  for (const w of log.worlds) {
    for (const r of w.rounds) {
      for (const [region, res] of Object.entries(r.results.regions)) {
        const d = r.decisions[region];
        rows.push([
          worldNumber(w.index),
          w.index,
          w.arm,
          w.map,
          r.round,
          r.treatments.join(' '),
          name(w.map, region),
          region,
          ...RESULT_FIELDS.map((f) => res[f]),
          d?.invest ?? '',
          d?.barriers.join(' ') ?? '',
          d
            ? Object.entries(d.comply)
                .map(([id, c]) => `${id}:${c}`)
                .join(' ')
            : '',
          d?.source ?? '',
          r.results.gAll,
          r.results.welfare,
          r.results.benchmarkWelfare ?? '',
        ]);
      }
    }
  }
  return csv(header, rows);
}

export function agreementsCsv(log: CsvLog): string {
  const name = (map: string, id: string) => log.names?.region(map, id) ?? id;
  const header = [
    'world',
    'worldIndex',
    'round',
    'id',
    'type',
    'a',
    'b',
    'host',
    'aId',
    'bId',
    'hostId',
    'hostShare',
    'sidePayment',
    'complyA',
    'complyB',
    'shock',
    'audited',
  ];
  const rows: unknown[][] = [];
  for (const w of log.worlds) {
    for (const r of w.rounds) {
      for (const ag of r.agreements) {
        const comply = (x: string, other: string) =>
          ag.type === 'openMarket'
            ? r.decisions[x]?.barriers.includes(other)
              ? 'breach'
              : 'honour'
            : (r.decisions[x]?.comply[ag.id] ?? 'honour');
        rows.push([
          worldNumber(w.index),
          w.index,
          r.round,
          ag.id,
          ag.type,
          name(w.map, ag.a),
          name(w.map, ag.b),
          ag.host ? name(w.map, ag.host) : '',
          ag.a,
          ag.b,
          ag.host ?? '',
          ag.hostShare ?? '',
          ag.sidePayment,
          comply(ag.a, ag.b),
          comply(ag.b, ag.a),
          r.draws.shock[ag.id] ?? '',
          r.draws.audit[ag.id] ?? '',
        ]);
      }
    }
  }
  return csv(header, rows);
}

export function eventsCsv(log: CsvLog): string {
  return csv(
    ['seq', 'at', 'actor', 'type', 'payload'],
    log.events.map((e) => [e.seq, e.at, e.actor, e.type, JSON.stringify(e.payload ?? null)]),
  );
}

/** The three tables as files (each with the byte order mark), by file name. */
export function csvFiles(log: CsvLog): Record<'rounds.csv' | 'agreements.csv' | 'events.csv', string> {
  return {
    'rounds.csv': CSV_BOM + roundsCsv(log),
    'agreements.csv': CSV_BOM + agreementsCsv(log),
    'events.csv': CSV_BOM + eventsCsv(log),
  };
}
