// The view patch of protocol v2: applying diff(a, b) to a gives b, for any JSON; the diff is deterministic and small
// for small changes; a patch that does not fit its document is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  applyPatchInPlace,
  diff,
  jsonEqual,
  PatchOpSchema,
  type Json,
} from '../../../shared/protocol/patch.js';

const json: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v)) as Json);

describe('diff and applyPatch', () => {
  it('applyPatch(a, diff(a, b)) equals b and leaves a alone', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const before = JSON.stringify(a);
        const ops = diff(a, b);
        expect(jsonEqual(applyPatch(a, ops), b)).toBe(true);
        expect(JSON.stringify(a)).toBe(before);
        for (const op of ops) expect(PatchOpSchema.safeParse(op).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('applyPatchInPlace(a, diff(a, b)) equals b too (on a copy the caller owns, with ops parsed off the wire)', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const wire = JSON.parse(JSON.stringify(diff(a, b))) as ReturnType<typeof diff>;
        expect(jsonEqual(applyPatchInPlace(structuredClone(a), wire), b)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('works on views that change a little: appended items, changed fields, removed keys, odd key names', () => {
    const a: Json = { phase: 'negotiate', list: [{ id: 'p1', s: 'pending' }], 'a/b~c': 1, gone: true, __proto__x: 0 };
    const b: Json = {
      phase: 'negotiate',
      list: [
        { id: 'p1', s: 'accepted' },
        { id: 'p2', s: 'pending' },
      ],
      'a/b~c': 2,
      __proto__x: 0,
    };
    const ops = diff(a, b);
    expect(ops).toEqual([
      { op: 'remove', path: '/gone' },
      { op: 'replace', path: '/list/0/s', value: 'accepted' },
      { op: 'add', path: '/list/1', value: { id: 'p2', s: 'pending' } },
      { op: 'replace', path: '/a~1b~0c', value: 2 },
    ]);
    expect(applyPatch(a, ops)).toEqual(b);
    expect(diff(a, b)).toEqual(ops);
    expect(diff(b, b)).toEqual([]);
  });

  it('a member called __proto__ is data, not a prototype', () => {
    const out = applyPatch({}, [{ op: 'add', path: '/__proto__', value: { polluted: true } }]) as Record<string, Json>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(() => applyPatch({}, [{ op: 'replace', path: '/constructor/x', value: 1 }])).toThrow();
  });

  it('refuses operations that do not fit the document', () => {
    expect(() => applyPatch({ a: [1] }, [{ op: 'replace', path: '/a/3', value: 1 }])).toThrow();
    expect(() => applyPatch({ a: 1 }, [{ op: 'remove', path: '/b' }])).toThrow();
    expect(() => applyPatch({ a: 1 }, [{ op: 'add', path: '/a/b', value: 1 }])).toThrow();
  });
});
