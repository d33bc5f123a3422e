// Summarises a V8 .cpuprofile (node --cpu-prof): self and inclusive time per function and time per area
// (server code, shared model, Socket.IO/ws, SQLite, GC...), optionally only for samples in a time range.
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds on the monotonic clock (the same clock as process.hrtime on Linux). */
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Entry {
  name: string;
  ms: number;
  /** Share of the busy (non-idle) time in the range. */
  pct: number;
}

export interface ProfileSummary {
  /** Time covered by the samples in the range, and the part of it that was not idle. */
  rangeMs: number;
  busyMs: number;
  filtered: boolean;
  self: Entry[];
  inclusive: Entry[];
  areas: Entry[];
}

export function readProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + 14);
  const root = url.search(/\/(server|shared|tests)\//);
  if (root >= 0) return url.slice(root + 1);
  return url.replace(/^file:\/\//, '');
}

function area(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'garbage collector';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8/native (program)';
    return `native: ${functionName || '(anonymous)'}`;
  }
  if (/node_modules\/(socket\.io|engine\.io|ws|@socket\.io)/.test(url)) return 'socket.io / engine.io / ws';
  if (url.includes('node_modules/better-sqlite3')) return 'better-sqlite3';
  if (url.includes('node_modules/zod')) return 'zod';
  if (url.includes('node_modules/pino')) return 'pino';
  if (url.includes('node_modules/')) return 'other node_modules';
  if (url.startsWith('node:')) return 'node core (JS)';
  const m = /\/(server|shared)\/(.*)$/.exec(url);
  if (m) return `${m[1]}/${m[2]}`;
  return shortUrl(url);
}

function frameName(frame: CallFrame): string {
  const fn = frame.functionName || '(anonymous)';
  return frame.url ? `${fn}  ${shortUrl(frame.url)}:${frame.lineNumber + 1}` : fn;
}

function top(map: Map<string, number>, busyUs: number, n: number): Entry[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({ name, ms: us / 1000, pct: busyUs > 0 ? (100 * us) / busyUs : 0 }));
}

/** Time per function and area; with fromUs/toUs (monotonic µs), only samples taken in that range. */
export function summarise(profile: CpuProfile, range?: { fromUs: number; toUs: number }, n = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const add = (map: Map<string, number>, k: string, us: number) => map.set(k, (map.get(k) ?? 0) + us);
  const collect = (from: number, to: number) => {
    const out = {
      self: new Map<string, number>(),
      inclusive: new Map<string, number>(),
      areas: new Map<string, number>(),
      total: 0,
      idle: 0,
      samples: 0,
    };
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      // A sample's delta is the time since the previous sample: attribute it to this sample's stack.
      const dt = profile.timeDeltas[i] ?? 0;
      t += dt;
      if (t < from || t > to) continue;
      const id = profile.samples[i] as number;
      const node = byId.get(id);
      if (!node) continue;
      out.total += dt;
      out.samples++;
      if (node.callFrame.functionName === '(idle)') {
        out.idle += dt;
        continue;
      }
      add(out.self, frameName(node.callFrame), dt);
      add(out.areas, area(node.callFrame), dt);
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const frame = byId.get(cur)?.callFrame;
        if (
          !frame ||
          frame.functionName === '(root)' ||
          frame.functionName === '(program)' ||
          frame.functionName === '(garbage collector)'
        )
          continue;
        const k = frameName(frame);
        if (seen.has(k)) continue;
        seen.add(k);
        add(out.inclusive, k, dt);
      }
    }
    return out;
  };
  let filtered = range !== undefined;
  let sums = range ? collect(range.fromUs, range.toUs) : collect(-Infinity, Infinity);
  if (filtered && sums.samples === 0) {
    // The clocks did not line up: fall back to the whole profile.
    filtered = false;
    sums = collect(-Infinity, Infinity);
  }
  const busy = sums.total - sums.idle;
  return {
    rangeMs: sums.total / 1000,
    busyMs: busy / 1000,
    filtered,
    self: top(sums.self, busy, n),
    inclusive: top(sums.inclusive, busy, n),
    areas: top(sums.areas, busy, 15),
  };
}
