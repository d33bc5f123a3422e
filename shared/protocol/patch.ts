// Protocol v2 view updates: a JSON Patch (RFC 6902 subset: add, remove, replace; JSON Pointer paths, RFC 6901) from
// the view a client has to the next one. The diff is deterministic (object keys in the order of the new view, arrays
// by index: changed items replaced or patched in place, new items appended, removed ones taken off the end), so the
// server makes one patch per room and every client of the room applies the same one.
import { z } from 'zod';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type PatchOp =
  | { op: 'add'; path: string; value: Json }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: Json };

export const JsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(JsonSchema), z.record(z.string(), JsonSchema)]),
);

export const PatchOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), path: z.string(), value: JsonSchema }),
  z.object({ op: z.literal('remove'), path: z.string() }),
  z.object({ op: z.literal('replace'), path: z.string(), value: JsonSchema }),
]);

/** RFC 6901: `~` is `~0`, `/` is `~1`. */
function escape(key: string): string {
  // Most keys have neither: no new string (diff escapes every key it walks into).
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality of two JSON values. */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** A member that JSON would write: present and not undefined. */
function has(o: { [key: string]: Json }, key: string): boolean {
  return Object.hasOwn(o, key) && o[key] !== undefined;
}

/**
 * The operations that turn `from` into `to`: JSON data (members set to undefined count as absent, as in
 * JSON.stringify).
 */
export function diff(from: Json, to: Json, path = '', out: PatchOp[] = []): PatchOp[] {
  if (from === to) return out;
  if (Array.isArray(from) && Array.isArray(to)) {
    const common = Math.min(from.length, to.length);
    for (let i = 0; i < common; i++) {
      // Equal items (the same object when a view reuses an unchanged part) are skipped without making their path.
      if (from[i] !== to[i]) diff(from[i] as Json, to[i] as Json, `${path}/${i}`, out);
    }
    for (let i = common; i < to.length; i++) out.push({ op: 'add', path: `${path}/${i}`, value: to[i] as Json });
    for (let i = from.length - 1; i >= to.length; i--) out.push({ op: 'remove', path: `${path}/${i}` });
    return out;
  }
  if (isObject(from) && isObject(to)) {
    const start = out.length;
    const fromKeys = Object.keys(from);
    let kept = 0;
    for (const key of Object.keys(to)) {
      const next = to[key];
      if (next === undefined) continue;
      const prev = Object.hasOwn(from, key) ? from[key] : undefined;
      if (prev === undefined) out.push({ op: 'add', path: `${path}/${escape(key)}`, value: next });
      else {
        kept++;
        if (prev !== next) diff(prev, next, `${path}/${escape(key)}`, out);
      }
    }
    // Every member of `from` is in `to` (the usual case): nothing to remove. Otherwise the removals come first.
    if (kept === fromKeys.length) return out;
    const removals: PatchOp[] = [];
    for (const key of fromKeys) {
      if (from[key] !== undefined && !has(to, key)) removals.push({ op: 'remove', path: `${path}/${escape(key)}` });
    }
    out.splice(start, 0, ...removals);
    return out;
  }
  if (!jsonEqual(from, to)) out.push({ op: 'replace', path, value: to });
  return out;
}

/** Applies a patch to a copy of `doc` (the input is left alone); throws if an operation does not fit. */
export function applyPatch(doc: Json, ops: readonly PatchOp[]): Json {
  return applyOps(structuredClone(doc), ops, structuredClone);
}

/**
 * Applies a patch to `doc` itself, which the caller owns, and returns the result (a patch of the whole document
 * replaces it). The values of `ops` become part of it: for ops just parsed off the wire and used once. On a
 * throw, `doc` may be partly patched: drop it and fetch a whole view. Cheaper than applyPatch on large views (a
 * load generator's thousands of simulated clients).
 */
export function applyPatchInPlace(doc: Json, ops: readonly PatchOp[]): Json {
  return applyOps(doc, ops, (v) => v);
}

function applyOps(doc: Json, ops: readonly PatchOp[], copy: (v: Json) => Json): Json {
  let root: Json = doc;
  for (const op of ops) {
    if (op.path === '') {
      if (op.op === 'remove') throw new Error('cannot remove the whole document');
      root = copy(op.value);
      continue;
    }
    const tokens = op.path.split('/').slice(1).map(unescape);
    const last = tokens.pop() as string;
    let parent: Json = root;
    for (const t of tokens) {
      const next: Json | undefined = Array.isArray(parent)
        ? parent[Number(t)]
        : isObject(parent) && Object.hasOwn(parent, t)
          ? parent[t]
          : undefined;
      if (next === undefined) throw new Error(`patch path ${op.path} does not exist`);
      parent = next;
    }
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (!Number.isInteger(i) || i < 0 || i > parent.length) throw new Error(`bad array index in ${op.path}`);
      if (op.op === 'add') parent.splice(i, 0, copy(op.value));
      else if (i >= parent.length) throw new Error(`no item at ${op.path}`);
      else if (op.op === 'remove') parent.splice(i, 1);
      else parent[i] = copy(op.value);
    } else if (isObject(parent)) {
      if (op.op !== 'add' && !Object.hasOwn(parent, last)) throw new Error(`no member at ${op.path}`);
      if (op.op === 'remove') delete parent[last];
      // defineProperty: a member named `__proto__` is data, never the object's prototype.
      else
        Object.defineProperty(parent, last, {
          value: copy(op.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
    } else {
      throw new Error(`patch path ${op.path} does not lead into an object or array`);
    }
  }
  return root;
}
