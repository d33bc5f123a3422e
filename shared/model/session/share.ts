// Structural sharing between two versions of a view part: the parts of `next` that read the same as in `prev` are
// replaced by `prev`'s objects. A view is rebuilt from scratch when its world changes, and every viewer's patch
// diff (shared/protocol/patch.ts) then walked each rebuilt part in depth; once shared, the diff skips an unchanged
// part at its first identity check, and the deep comparison is made once per change instead of once per viewer.

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shareArray(prev: unknown[], next: unknown[]): unknown[] {
  let same = prev.length === next.length;
  let parts: unknown[] | null = null;
  for (let i = 0; i < next.length; i++) {
    const v = shareUnknown(prev[i], next[i]);
    if (v !== prev[i]) same = false;
    if (v !== next[i]) (parts ??= next.slice())[i] = v;
  }
  return same ? prev : (parts ?? next);
}

/** The same members in the same order (a view written out must read as `next`, member order included). */
function sameKeys(prev: Record<string, unknown>, next: Record<string, unknown>): boolean {
  const a = Object.keys(prev);
  const b = Object.keys(next);
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function shareRecord(prev: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  // Most parts read the same as before: this first pass allocates nothing for them.
  let same = true;
  let changed: Record<string, unknown> | null = null;
  for (const k in next) {
    if (!Object.hasOwn(next, k)) continue;
    const before = Object.hasOwn(prev, k) ? prev[k] : undefined;
    const v = before === undefined ? next[k] : shareUnknown(before, next[k]);
    if (v !== before || before === undefined) same = false;
    // defineProperty: a member named `__proto__` stays data.
    if (v !== next[k])
      Object.defineProperty((changed ??= { ...next }), k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  if (same && sameKeys(prev, next)) return prev;
  return changed ?? next;
}

function shareUnknown(prev: unknown, next: unknown): unknown {
  if (prev === next) return next;
  if (Array.isArray(next)) return Array.isArray(prev) ? shareArray(prev, next) : next;
  if (isRecord(next)) return isRecord(prev) ? shareRecord(prev, next) : next;
  return next;
}

/**
 * `next`, with every part that reads the same as in `prev` (JSON data, compared structurally) replaced by
 * `prev`'s: `prev` itself when the whole reads the same. Neither is changed; the result must not be either.
 */
export function shareUnchanged<T>(prev: T | undefined, next: T): T {
  // The result has the shape of `next`: each part replaced is structurally equal to it.
  return prev === undefined ? next : (shareUnknown(prev, next) as T);
}
