// The express app: security headers, body limits, health, session API, exports and the built client.
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionRegistry } from '../sessions/registry.js';
import type { Store } from '../store/types.js';
import type { KeyedLimiter } from '../realtime/rateLimit.js';
import { sendError } from './errors.js';
import { mountExports } from './exports.js';
import { mountNetworkRoute } from './network.js';
import { mountSessionRoutes } from './sessions.js';

export interface AppDeps {
  registry: SessionRegistry;
  store: Store;
  joinLimiter: KeyedLimiter;
  createLimiter: KeyedLimiter;
  publicUrl: string | null;
  clientDir: string | null;
  now: () => number;
  /** This process's sockets (and, in a cluster, its node id, the live nodes and the sessions it runs). */
  health: () => { sockets: number } & Record<string, unknown>;
  /** Whether what the server needs answers (the database; in a cluster also the adapter). */
  ready: () => Promise<Record<string, boolean>>;
  onError: (err: unknown, context: string) => void;
}

const CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('X-Frame-Options', 'DENY');
    res.set('Referrer-Policy', 'no-referrer');
    res.set('Cross-Origin-Opener-Policy', 'same-origin');
    res.set('Content-Security-Policy', CSP);
    next();
  });
  app.use(express.json({ limit: '64kb' }));

  app.get('/healthz', (_req, res) => {
    res.json({
      ok: true,
      sessions: deps.registry.size,
      ...deps.health(),
      uptimeSeconds: Math.round(process.uptime()),
    });
  });

  app.get('/readyz', async (_req, res) => {
    const checks = await deps.ready();
    const ok = Object.values(checks).every(Boolean);
    res.status(ok ? 200 : 503).json({ ok, ...checks });
  });

  const api = express.Router();
  mountSessionRoutes(api, deps);
  mountExports(api, deps.registry, deps.store);
  mountNetworkRoute(api, deps.publicUrl);
  app.use(api);
  app.use('/api', (_req, res) => sendError(res, 'NOT_FOUND'));

  if (deps.clientDir && existsSync(join(deps.clientDir, 'index.html'))) {
    const dir = deps.clientDir;
    app.use(
      express.static(dir, {
        index: false,
        maxAge: '1h',
        setHeaders: (res, path) => {
          if (path.endsWith('.html')) res.set('Cache-Control', 'no-cache');
        },
      }),
    );
    // Single-page routes: /, /join/:code, /host, /host/:code, /projector/:code, /debrief.
    app.get(/^\/(join|host|projector|debrief)?(\/.*)?$/, (_req, res) => {
      res.set('Cache-Control', 'no-cache');
      res.sendFile(join(dir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send('Promotion Race server is running. The browser client is not built: run `npm run build`.\n');
    });
  }

  app.use((_req, res) => sendError(res, 'NOT_FOUND'));
  // Malformed JSON, oversize bodies and unexpected errors all become JSON errors; the process keeps running.
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.too.large') return sendError(res, 'PAYLOAD_TOO_LARGE');
    if (e.type === 'entity.parse.failed' || e.status === 400)
      return sendError(res, 'BAD_REQUEST', 'the body is not valid JSON');
    deps.onError(err, 'http');
    sendError(res, 'INTERNAL');
  });
  return app;
}
