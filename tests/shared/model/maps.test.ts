// docs/rules.md section 3: the preset maps as data, and the validation of custom maps.
import { describe, expect, it } from 'vitest';
import { compileMap } from '../../../shared/model/compiled.js';
import { MAP_PRESETS, MapDefSchema, multiCentreVariant } from '../../../shared/model/maps.js';
import { defaultParams } from '../../../shared/model/params.js';

const rows = (id: string) => MAP_PRESETS[id]!.regions.map((r) => [r.id, r.pop, r.M, r.Y0, r.a, r.K0]);

describe('preset maps', () => {
  it('4-region sectors: theta 0.25, margins 1.5 / 1.2 / 1.0 / 1.1, Z 2', () => {
    expect(MAP_PRESETS['4-single']!.sectors.map((s) => [s.id, s.theta, s.m, s.Z])).toEqual([
      ['AUTO', 0.25, 1.5, 2],
      ['ELEC', 0.25, 1.2, 2],
      ['FOOD', 0.25, 1.0, 2],
      ['CHEM', 0.25, 1.1, 2],
    ]);
  });

  it('3-region maps drop CHEM and use theta = 1/3', () => {
    expect(MAP_PRESETS['3-single']!.sectors.map((s) => [s.id, s.theta, s.m])).toEqual([
      ['AUTO', 1 / 3, 1.5],
      ['ELEC', 1 / 3, 1.2],
      ['FOOD', 1 / 3, 1.0],
    ]);
  });

  it('4-single and 4-multi regions', () => {
    expect(rows('4-single')).toEqual([
      ['C', 7, 9, 26, { ELEC: 2 }, { ELEC: 2 }],
      ['I', 6, 4, 12, { AUTO: 2 }, { AUTO: 2 }],
      ['F', 5, 3, 8, { FOOD: 2 }, { FOOD: 2 }],
      ['R', 5, 3, 8, { CHEM: 2 }, { CHEM: 2 }],
    ]);
    expect(rows('4-multi').map((r) => r.slice(0, 4))).toEqual([
      ['C', 7, 6, 18],
      ['I', 6, 6, 18],
      ['F', 5, 4, 9],
      ['R', 5, 3, 9],
    ]);
  });

  it('3-single and 3-multi regions', () => {
    expect(rows('3-single').map((r) => r.slice(0, 4))).toEqual([
      ['C', 7, 8, 24],
      ['I', 6, 4, 12],
      ['F', 5, 3, 8],
    ]);
    expect(rows('3-multi').map((r) => r.slice(0, 4))).toEqual([
      ['C', 7, 6, 18],
      ['I', 6, 6, 18],
      ['F', 5, 3, 8],
    ]);
  });

  it('links: C-I, C-F, C-R, I-F; 4-multi adds I-R; the 3-region variant adds none', () => {
    expect(MAP_PRESETS['4-single']!.links).toEqual([
      ['C', 'I'],
      ['C', 'F'],
      ['C', 'R'],
      ['I', 'F'],
    ]);
    expect(MAP_PRESETS['4-multi']!.links).toEqual([
      ['C', 'I'],
      ['C', 'F'],
      ['C', 'R'],
      ['I', 'F'],
      ['I', 'R'],
    ]);
    expect(MAP_PRESETS['3-single']!.links).toEqual(MAP_PRESETS['3-multi']!.links);
    expect(MAP_PRESETS['3-single']!.links).toEqual([
      ['C', 'I'],
      ['C', 'F'],
      ['I', 'F'],
    ]);
  });

  it('strength sector = highest productivity, first in sector order on a tie', () => {
    const cm = compileMap(MAP_PRESETS['4-single']!, defaultParams());
    expect(Array.from(cm.strength, (k) => cm.sectorIds[k])).toEqual(['ELEC', 'AUTO', 'FOOD', 'CHEM']);
    const flat = compileMap(
      MapDefSchema.parse({
        ...MAP_PRESETS['3-single']!,
        id: 'flat',
        regions: MAP_PRESETS['3-single']!.regions.map((r) => ({ ...r, a: {} })),
      }),
      defaultParams(),
    );
    expect(Array.from(flat.strength)).toEqual([0, 0, 0]);
  });

  it('every preset passes the map schema; multiCentreVariant maps single to multi', () => {
    for (const m of Object.values(MAP_PRESETS)) expect(MapDefSchema.safeParse(m).success).toBe(true);
    expect(multiCentreVariant('4-single')).toBe('4-multi');
    expect(multiCentreVariant('3-single')).toBe('3-multi');
    expect(multiCentreVariant('custom')).toBe('custom');
  });
});

describe('custom map validation', () => {
  const base = MAP_PRESETS['3-single']!;
  const messages = (m: unknown) => {
    const r = MapDefSchema.safeParse(m);
    return r.success ? '' : r.error.issues.map((i) => i.message).join('\n');
  };
  it.each([
    ['a link to an unknown region', { ...base, links: [['C', 'Q']] }, /unknown region/],
    ['a self link', { ...base, links: [['C', 'C']] }, /joins a region to itself/],
    [
      'a duplicate link',
      {
        ...base,
        links: [
          ['C', 'I'],
          ['I', 'C'],
        ],
      },
      /listed twice/,
    ],
    [
      'an unknown sector in a region',
      { ...base, regions: [{ ...base.regions[0]!, K0: { STEEL: 1 } }, ...base.regions.slice(1)] },
      /unknown sector STEEL/,
    ],
    ['duplicate region ids', { ...base, regions: [base.regions[0]!, base.regions[0]!] }, /region ids must be unique/],
    ['a single region', { ...base, regions: [base.regions[0]!], links: [] }, /.+/],
  ])('rejects %s', (_n, m, msg) => {
    expect(messages(m)).toMatch(msg);
  });
});
