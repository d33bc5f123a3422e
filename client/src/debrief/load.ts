// Opening a log file: parse the JSON, replay it with the engine and refuse anything that does not replay exactly
// (a different rules version, an edited figure, a forged draw). Pure (no DOM); the page reads the files.
import { replay, type ReplayProblem } from '../../../shared/model/replay.js';
import type { LoadedLog } from './data.js';

/** Larger files are refused before parsing (a 60-world, 40-round log is far smaller). */
export const MAX_LOG_BYTES = 64 * 1024 * 1024;
/** How many of a refused file's problems are shown. */
export const SHOWN_PROBLEMS = 5;

export type RefusalReason = 'tooBig' | 'notJson' | 'notLog' | 'tampered';

export interface LoadRefusal {
  ok: false;
  name: string;
  reason: RefusalReason;
  /** A technical detail (English, from the parser or the engine), shown under the translated message. */
  detail: string;
  /** The first problems the replay found. */
  problems: ReplayProblem[];
  problemCount: number;
}

export type LoadResult = { ok: true; log: LoadedLog } | LoadRefusal;

function refuse(name: string, reason: RefusalReason, detail = '', problems: ReplayProblem[] = []): LoadRefusal {
  return {
    ok: false,
    name,
    reason,
    detail,
    problems: problems.slice(0, SHOWN_PROBLEMS),
    problemCount: problems.length,
  };
}

/** Checks one file's text; the log is accepted only when replay() recomputes every figure of it. */
export function loadLogText(name: string, text: string): LoadResult {
  if (text.length > MAX_LOG_BYTES) return refuse(name, 'tooBig');
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return refuse(name, 'notJson', e instanceof Error ? e.message : String(e));
  }
  const out = replay(json);
  if (out.report.error !== undefined || !out.log || !out.config) return refuse(name, 'notLog', out.report.error ?? '');
  if (!out.report.ok || out.worlds.length !== out.log.worlds.length) {
    const problems =
      out.report.problems.length > 0
        ? out.report.problems
        : [{ world: 0, round: null, what: 'a world could not be replayed' }];
    return refuse(name, 'tampered', '', problems);
  }
  return { ok: true, log: { name, log: out.log, worlds: out.worlds, config: out.config, raw: text } };
}

/** The same file opened twice (same name and text) is kept once. */
export function isDuplicate(open: readonly LoadedLog[], name: string, text: string): boolean {
  return open.some((l) => l.name === name && l.raw === text);
}

/** A file name without its directory and .json ending, safe to reuse for downloads. */
export function baseName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? name;
  const stem = last.replace(/\.json$/i, '');
  const safe = stem.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '');
  return safe || 'promotion-race';
}
