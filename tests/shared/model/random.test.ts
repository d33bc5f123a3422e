// docs/rules.md section 6: u(seed, ...tags) = mulberry32(fnv1a(seed | tags)), exact.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fnv1a, mulberry32First, u } from '../../../shared/model/random.js';
import { loadFixture } from './helpers.js';

interface USample {
  seed: string;
  tags: (string | number)[];
  u: number;
}
const { uSamples } = loadFixture<{ uSamples: USample[] }>('test-vector-log.json');

/** The reference definitions of docs/rules.md section 6, written out again. */
function refFnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
function refMulberry(seed: number): number {
  let a = seed;
  a = (a + 0x6d2b79f5) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

describe('u (section 6)', () => {
  it('reproduces every uSamples value of the test-vector log exactly', () => {
    expect(uSamples.length).toBeGreaterThanOrEqual(4);
    for (const s of uSamples) expect(u(s.seed, ...s.tags)).toBe(s.u);
  });

  it('fnv1a has the standard offset basis and runs over UTF-16 code units', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    // Known FNV-1a 32-bit value of "a".
    expect(fnv1a('a')).toBe(0xe40c292c);
    // A non-BMP character is two code units, not four UTF-8 bytes.
    const text = '课堂😀';
    expect(text.length).toBe(4);
    expect(fnv1a(text)).toBe(refFnv(text));
  });

  it('joins seed and tags with "|"', () => {
    expect(u('s', 'shock', 1, 'r1-C-I-project')).toBe(refMulberry(refFnv('s|shock|1|r1-C-I-project')));
    expect(u('s')).toBe(refMulberry(refFnv('s|')));
  });

  it('agrees with the reference definition and stays in [0, 1)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.oneof(fc.string(), fc.integer({ min: 0, max: 1000 })), { maxLength: 4 }),
        (seed, tags) => {
          const v = u(seed, ...tags);
          expect(v).toBe(refMulberry(refFnv(seed + '|' + tags.join('|'))));
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThan(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('mulberry32First matches the standard generator on integer seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        expect(mulberry32First(seed)).toBe(refMulberry(seed | 0));
      }),
      { numRuns: 200 },
    );
  });
});
