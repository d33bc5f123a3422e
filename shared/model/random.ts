// docs/rules.md section 6: order-independent randomness. Every draw is a pure function of the world seed and
// a list of tags, so a round can be replayed in any order and each draw checked on its own.

/** FNV-1a over UTF-16 code units (not bytes), as the rules specify. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The first output of the standard mulberry32 generator seeded with `a`. */
export function mulberry32First(seed: number): number {
  let a = seed | 0;
  a = (a + 0x6d2b79f5) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export type Tag = string | number;

/** u(seed, ...tags) in [0, 1). */
export function u(seed: string, ...tags: readonly Tag[]): number {
  return mulberry32First(fnv1a(String(seed) + '|' + tags.join('|')));
}
