// Session HTTP API: presets, creation, public info and joining.
import type { Request, Router } from 'express';
import { SessionConfigSchema, describeIssues } from '../../shared/model/config.js';
import { MAP_PRESETS } from '../../shared/model/maps.js';
import { CLASS_PLANS, DEFAULT_CLASS_PLAN, findClassPlan } from '../../shared/model/presets.js';
import { BOT_STRATEGIES, SWITCHABLE_TREATMENTS } from '../../shared/model/ids.js';
import {
  CreateSessionBodySchema,
  JoinBodySchema,
  type CreateSessionReply,
  type SessionInfo,
} from '../../shared/protocol/http.js';
import type { SessionRegistry } from '../sessions/registry.js';
import { normaliseCode } from '../sessions/tokens.js';
import type { KeyedLimiter } from '../realtime/rateLimit.js';
import { relayError, sendError } from './errors.js';

export interface SessionRoutesDeps {
  registry: SessionRegistry;
  joinLimiter: KeyedLimiter;
  createLimiter: KeyedLimiter;
  publicUrl: string | null;
  now: () => number;
}

function baseUrl(req: Request, publicUrl: string | null): string {
  if (publicUrl) return publicUrl.replace(/\/$/, '');
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

const WRAPPER_KEYS = new Set(['preset', 'config', 'seed']);

export function mountSessionRoutes(router: Router, deps: SessionRoutesDeps): void {
  const { registry } = deps;

  router.get('/api/presets', (_req, res) => {
    res.json({
      classPlans: CLASS_PLANS,
      defaultClassPlan: DEFAULT_CLASS_PLAN,
      maps: Object.values(MAP_PRESETS),
      reforms: SWITCHABLE_TREATMENTS,
      botStrategies: BOT_STRATEGIES,
      defaults: SessionConfigSchema.parse({}),
    });
  });

  router.post('/api/sessions', async (req, res) => {
    if (!deps.createLimiter.take(req.ip ?? 'unknown', deps.now())) return sendError(res, 'RATE_LIMITED');
    const raw: unknown = req.body ?? {};
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return sendError(res, 'BAD_REQUEST', 'the body must be a JSON object');
    // Either { preset?, config?, seed? } or a bare config object.
    const wrapped = Object.keys(raw).every((k) => WRAPPER_KEYS.has(k));
    const body = CreateSessionBodySchema.safeParse(wrapped ? raw : { config: raw });
    if (!body.success) return sendError(res, 'BAD_REQUEST', 'invalid session request', describeIssues(body.error));
    const presetId = body.data.preset ?? (body.data.config ? undefined : DEFAULT_CLASS_PLAN);
    const preset = presetId === undefined ? undefined : findClassPlan(presetId);
    if (presetId !== undefined && !preset)
      return sendError(
        res,
        'BAD_REQUEST',
        `unknown preset "${presetId}"`,
        CLASS_PLANS.map((p) => p.id),
      );
    const parsed = SessionConfigSchema.safeParse({ ...(preset?.config ?? {}), ...(body.data.config ?? {}) });
    if (!parsed.success) return sendError(res, 'BAD_REQUEST', 'invalid session config', describeIssues(parsed.error));
    const created = await registry.create(parsed.data, body.data.seed);
    const base = baseUrl(req, deps.publicUrl);
    const code = created.runtime.code;
    const reply: CreateSessionReply = {
      code,
      joinUrl: `${base}/join/${code}`,
      hostUrl: `${base}/host/${code}#${created.hostToken}`,
      projectorUrl: `${base}/projector/${code}#${created.projectorToken}`,
      hostToken: created.hostToken,
      projectorToken: created.projectorToken,
    };
    res.status(201).json(reply);
  });

  router.get('/api/sessions/:code', async (req, res) => {
    const rt = await registry.get(normaliseCode(String(req.params['code'])));
    if (!rt) return sendError(res, 'NOT_FOUND');
    const s = rt.state;
    const info: SessionInfo = {
      code: s.code,
      title: s.config.title,
      phase: s.phase,
      locked: s.locked,
      round: s.round,
      rounds: s.config.rounds,
    };
    res.json(info);
  });

  router.post('/api/sessions/:code/join', async (req, res) => {
    const from = req.ip ?? 'unknown';
    if (!deps.joinLimiter.take(from, deps.now())) return sendError(res, 'RATE_LIMITED');
    const rt = await registry.get(normaliseCode(String(req.params['code'])));
    if (!rt) return sendError(res, 'NOT_FOUND');
    const body = JoinBodySchema.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, 'BAD_REQUEST', 'the body must be { "name": "...", "cmdId"?: "..." }');
    const r = await registry.join(rt, body.data.name, body.data.cmdId, from);
    if (!r.ok) return relayError(res, r.error);
    res.status(201).json({ seatToken: r.seatToken, seat: r.seat });
  });
}
