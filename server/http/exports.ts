// Exports of a session (host only): the section-11 JSON log and the CSV tables (one zip, or one table each). The CSV
// files start with a byte order mark and name regions in the instructor's language (?lang=, else Accept-Language).
import type { Request, Response, Router } from 'express';
import { strToU8, zipSync } from 'fflate';
import {
  agreementsCsv,
  CSV_BOM,
  csvFiles,
  eventsCsv,
  regionNames,
  roundsCsv,
  type CsvLog,
} from '../../shared/model/csv.js';
import type { LogEvent } from '../../shared/model/log.js';
import { sessionLog } from '../../shared/model/session/export.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/events.js';
import type { SessionRegistry } from '../sessions/registry.js';
import type { SessionRuntime } from '../sessions/runtime.js';
import { normaliseCode, tokenMatches } from '../sessions/tokens.js';
import type { Store } from '../store/types.js';
import { sendError } from './errors.js';

function bearer(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const q = req.query['token'];
  return typeof q === 'string' ? q : undefined;
}

/** The session, if the request carries its host token; otherwise an error reply has been sent. */
async function hostSession(registry: SessionRegistry, req: Request, res: Response): Promise<SessionRuntime | null> {
  // Fresh: on a process that does not run the session, everything stored so far (an export is the record).
  const rt = await registry.fresh(normaliseCode(String(req.params['code'] ?? '')));
  if (!rt) {
    sendError(res, 'NOT_FOUND');
    return null;
  }
  const token = bearer(req);
  if (!token || !tokenMatches(token, rt.row.hostTokenHash)) {
    sendError(res, 'UNAUTHORIZED', 'exports need the host token (Authorization: Bearer <token> or ?token=)');
    return null;
  }
  return rt;
}

/** The CSV tables by name (a Map: the name comes from the URL, so `__proto__` or `constructor` must find nothing). */
const CSV_TABLES = new Map([
  ['rounds', roundsCsv],
  ['agreements', agreementsCsv],
  ['events', eventsCsv],
]);

export async function exportEvents(store: Store, code: string): Promise<LogEvent[]> {
  return (await store.commandsAfter(code, 0)).map((c) => ({
    seq: c.seq,
    at: new Date(c.at).toISOString(),
    actor: c.actor,
    type: c.type,
    payload: c.payload,
  }));
}

/** Region names in Chinese when asked for (?lang=zh-CN) or when the browser prefers Chinese; else in English. */
export function csvLanguage(req: Request): 'en' | 'zh' {
  const q = req.query['lang'];
  if (typeof q === 'string') return q.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  // The browser's preference among the two (no header: English, the first).
  const best = req.acceptsLanguages('en', 'zh-CN', 'zh');
  return typeof best === 'string' && best.startsWith('zh') ? 'zh' : 'en';
}

export function mountExports(router: Router, registry: SessionRegistry, store: Store): void {
  const logOf = async (rt: SessionRuntime, req: Request) => {
    await rt.drain();
    const pseudonyms = req.query['pseudonyms'] === '1' || req.query['pseudonyms'] === 'true' ? true : undefined;
    return sessionLog(rt.state, {
      events: await exportEvents(store, rt.code),
      protocolVersion: PROTOCOL_VERSION,
      ...(pseudonyms ? { pseudonyms } : {}),
    });
  };
  const attachment = (res: Response, name: string, type: string) => {
    res.set('Content-Type', type);
    res.set('Content-Disposition', `attachment; filename="${name}"`);
    res.set('Cache-Control', 'no-store');
  };

  router.get('/api/sessions/:code/export.json', async (req, res) => {
    const rt = await hostSession(registry, req, res);
    if (!rt) return;
    attachment(res, `promotion-race-${rt.code}.json`, 'application/json; charset=utf-8');
    res.send(JSON.stringify(await logOf(rt, req)));
  });

  const csvLogOf = async (rt: SessionRuntime, req: Request): Promise<CsvLog> => ({
    ...(await logOf(rt, req)),
    names: regionNames(rt.state.config, csvLanguage(req)),
  });

  router.get('/api/sessions/:code/export.csv', async (req, res) => {
    const rt = await hostSession(registry, req, res);
    if (!rt) return;
    const files = csvFiles(await csvLogOf(rt, req));
    const zip = zipSync({
      'rounds.csv': strToU8(files['rounds.csv']),
      'agreements.csv': strToU8(files['agreements.csv']),
      'events.csv': strToU8(files['events.csv']),
    });
    attachment(res, `promotion-race-${rt.code}-csv.zip`, 'application/zip');
    res.send(Buffer.from(zip));
  });

  router.get('/api/sessions/:code/export/:table.csv', async (req, res) => {
    const rt = await hostSession(registry, req, res);
    if (!rt) return;
    const table = String(req.params['table']);
    const make = CSV_TABLES.get(table);
    if (!make) return sendError(res, 'NOT_FOUND', 'tables: rounds, agreements, events');
    attachment(res, `promotion-race-${rt.code}-${table}.csv`, 'text/csv; charset=utf-8');
    res.send(CSV_BOM + make(await csvLogOf(rt, req)));
  });
}
