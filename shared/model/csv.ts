// docs/rules.md section 11 CSV tables from a session log: rounds.csv, agreements.csv, events.csv. UTF-8, one header row;
// text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) are neutralised.
import type { RoundRecord } from './round.js';

export interface CsvLog {
  worlds: readonly { index: number; arm: number; map: string; rounds: readonly RoundLike[] }[];
  events: readonly { seq: number; at: string; actor: string; type: string; payload: unknown }[];
}

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
  const header = [
    'world',
    'arm',
    'map',
    'round',
    'treatments',
    'region',
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
          w.index,
          w.arm,
          w.map,
          r.round,
          r.treatments.join(' '),
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
  const header = [
    'world',
    'round',
    'id',
    'type',
    'a',
    'b',
    'host',
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
          w.index,
          r.round,
          ag.id,
          ag.type,
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
