// Structural sharing between two versions of a view part: the result reads exactly as the new version, its
// unchanged parts are the old version's objects, and neither input is changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareUnchanged } from '../../../../shared/model/session/share.js';

describe('shareUnchanged', () => {
  it('gives the old version itself when the new one reads the same', () => {
    const prev = { a: [1, { b: 'x' }], c: null };
    expect(shareUnchanged(prev, { a: [1, { b: 'x' }], c: null })).toBe(prev);
  });

  it('keeps the unchanged parts of the old version and takes the changed ones from the new one', () => {
    const prev = { same: { deep: [1, 2] }, list: [{ id: 1 }, { id: 2 }], changed: { n: 1 } };
    const next = { same: { deep: [1, 2] }, list: [{ id: 1 }, { id: 3 }], changed: { n: 2 } };
    const before = structuredClone({ prev, next });
    const out = shareUnchanged(prev, next);
    expect(out).toEqual(next);
    expect(out.same).toBe(prev.same);
    expect(out.list[0]).toBe(prev.list[0]);
    expect(out.list[1]).toBe(next.list[1]);
    expect(out.changed).toBe(next.changed);
    expect({ prev, next }).toEqual(before);
  });

  it('members in another order are another version (written out, it must read as the new one)', () => {
    const prev = { a: 1, b: 2 };
    const out = shareUnchanged(prev, { b: 2, a: 1 });
    expect(JSON.stringify(out)).toBe('{"b":2,"a":1}');
  });

  it('a member named __proto__ stays data', () => {
    const prev = JSON.parse('{"__proto__": {"x": 1}, "k": 1}') as Record<string, unknown>;
    const next = JSON.parse('{"__proto__": {"x": 1}, "k": 2}') as Record<string, unknown>;
    const out = shareUnchanged(prev, next);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'k']);
    expect(JSON.stringify(out)).toBe(JSON.stringify(next));
  });

  it('always reads as the new version, whatever the two are', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const prev = structuredClone(a);
        const out = shareUnchanged(prev, b);
        expect(JSON.stringify(out)).toBe(JSON.stringify(b));
        expect(prev).toEqual(a);
      }),
    );
  });
});
