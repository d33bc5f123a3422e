// docs/rules.md section 3: sectors, regions and links as data, with the four preset maps.
import { z } from 'zod';
import { freeText } from './text.js';

const Name = z.object({ en: freeText(1, 40), zh: freeText(1, 40) });
const Id = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,7}$/, 'ids are 1-8 letters or digits, starting with a letter');

export const SectorDefSchema = z.object({
  id: Id,
  name: Name,
  theta: z.number().positive(),
  m: z.number().positive(),
  Z: z.number().positive(),
});

export const RegionDefSchema = z.object({
  id: Id,
  name: Name,
  pop: z.number().positive(),
  M: z.number().positive(),
  Y0: z.number().min(0),
  /** Productivity per sector; sectors not listed have 1. */
  a: z.record(z.string(), z.number().min(0)).default({}),
  /** Initial capacity per sector; sectors not listed have 0. */
  K0: z.record(z.string(), z.number().min(0)).default({}),
  /** Position on the board, 0..1 in both directions (display only). */
  at: z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }),
});

export const MapDefSchema = z
  .object({
    id: z.string().min(1).max(40),
    multiCentre: z.boolean(),
    sectors: z.array(SectorDefSchema).min(1).max(8),
    regions: z.array(RegionDefSchema).min(2).max(8),
    links: z.array(z.tuple([Id, Id])),
  })
  .superRefine((map, ctx) => {
    const sectors = new Set(map.sectors.map((s) => s.id));
    const regions = new Set(map.regions.map((r) => r.id));
    if (sectors.size !== map.sectors.length)
      ctx.addIssue({ code: 'custom', path: ['sectors'], message: 'sector ids must be unique' });
    if (regions.size !== map.regions.length)
      ctx.addIssue({ code: 'custom', path: ['regions'], message: 'region ids must be unique' });
    map.regions.forEach((r, i) => {
      for (const k of [...Object.keys(r.a), ...Object.keys(r.K0)]) {
        if (!sectors.has(k))
          ctx.addIssue({ code: 'custom', path: ['regions', i], message: `region ${r.id} names unknown sector ${k}` });
      }
    });
    const seen = new Set<string>();
    map.links.forEach(([a, b], i) => {
      if (!regions.has(a) || !regions.has(b))
        ctx.addIssue({ code: 'custom', path: ['links', i], message: `link ${a}-${b} names an unknown region` });
      if (a === b)
        ctx.addIssue({ code: 'custom', path: ['links', i], message: `link ${a}-${b} joins a region to itself` });
      const key = [a, b].sort().join('-');
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['links', i], message: `link ${a}-${b} is listed twice` });
      seen.add(key);
    });
  });

export type SectorDef = z.output<typeof SectorDefSchema>;
export type RegionDef = z.output<typeof RegionDefSchema>;
export type MapDef = z.output<typeof MapDefSchema>;

const SECTORS_4: SectorDef[] = [
  { id: 'AUTO', name: { en: 'autos', zh: '汽车' }, theta: 0.25, m: 1.5, Z: 2 },
  { id: 'ELEC', name: { en: 'electronics', zh: '电子' }, theta: 0.25, m: 1.2, Z: 2 },
  { id: 'FOOD', name: { en: 'food', zh: '食品' }, theta: 0.25, m: 1.0, Z: 2 },
  { id: 'CHEM', name: { en: 'chemicals', zh: '化工' }, theta: 0.25, m: 1.1, Z: 2 },
];
const SECTORS_3: SectorDef[] = SECTORS_4.filter((s) => s.id !== 'CHEM').map((s) => ({ ...s, theta: 1 / 3 }));

interface RegionRow {
  id: string;
  en: string;
  zh: string;
  pop: number;
  M: [number, number];
  Y0: [number, number];
  ca: string;
  x: number;
  y: number;
}
const ROWS_4: RegionRow[] = [
  { id: 'C', en: 'Coastal core', zh: '沿海核心', pop: 7, M: [9, 6], Y0: [26, 18], ca: 'ELEC', x: 0.86, y: 0.56 },
  { id: 'I', en: 'Industrial inland', zh: '内陆工业', pop: 6, M: [4, 6], Y0: [12, 18], ca: 'AUTO', x: 0.47, y: 0.5 },
  { id: 'F', en: 'Farm west', zh: '西部农业', pop: 5, M: [3, 4], Y0: [8, 9], ca: 'FOOD', x: 0.1, y: 0.88 },
  { id: 'R', en: 'Resource north', zh: '北部资源', pop: 5, M: [3, 3], Y0: [8, 9], ca: 'CHEM', x: 0.62, y: 0.06 },
];
const ROWS_3: RegionRow[] = [
  { id: 'C', en: 'Coastal core', zh: '沿海核心', pop: 7, M: [8, 6], Y0: [24, 18], ca: 'ELEC', x: 0.86, y: 0.55 },
  { id: 'I', en: 'Industrial inland', zh: '内陆工业', pop: 6, M: [4, 6], Y0: [12, 18], ca: 'AUTO', x: 0.45, y: 0.08 },
  { id: 'F', en: 'Farm west', zh: '西部农业', pop: 5, M: [3, 3], Y0: [8, 8], ca: 'FOOD', x: 0.12, y: 0.85 },
];

function build(id: string, rows: RegionRow[], sectors: SectorDef[], links: [string, string][], multi: boolean): MapDef {
  const v = multi ? 1 : 0;
  return {
    id,
    multiCentre: multi,
    sectors,
    regions: rows.map((r) => ({
      id: r.id,
      name: { en: r.en, zh: r.zh },
      pop: r.pop,
      M: r.M[v] ?? r.M[0],
      Y0: r.Y0[v] ?? r.Y0[0],
      a: { [r.ca]: 2 },
      K0: { [r.ca]: 2 },
      at: { x: r.x, y: r.y },
    })),
    links,
  };
}

const LINKS_4: [string, string][] = [
  ['C', 'I'],
  ['C', 'F'],
  ['C', 'R'],
  ['I', 'F'],
];
const LINKS_3: [string, string][] = [
  ['C', 'I'],
  ['C', 'F'],
  ['I', 'F'],
];

export const MAP_PRESETS: Readonly<Record<string, MapDef>> = {
  '3-single': build('3-single', ROWS_3, SECTORS_3, LINKS_3, false),
  '3-multi': build('3-multi', ROWS_3, SECTORS_3, LINKS_3, true),
  '4-single': build('4-single', ROWS_4, SECTORS_4, LINKS_4, false),
  '4-multi': build('4-multi', ROWS_4, SECTORS_4, [...LINKS_4, ['I', 'R']], true),
};

export const MAP_PRESET_IDS = Object.keys(MAP_PRESETS);

/** The preset map of that id; an id from a config is user input, so only own keys count (never `__proto__`). */
export function presetMap(id: string): MapDef | undefined {
  return Object.hasOwn(MAP_PRESETS, id) ? MAP_PRESETS[id] : undefined;
}

/** The multi-centre variant of a preset map (reform C), or the map itself when it has none. */
export function multiCentreVariant(mapId: string): string {
  const candidate = mapId.replace(/-single$/, '-multi');
  return presetMap(candidate) ? candidate : mapId;
}
