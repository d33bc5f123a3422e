// docs/protocol.md must be enough to write a client: every event a client sends or receives, every error code and
// every HTTP route of the code is named in it (the lists come from the code's own definitions).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DOC } from '../../server/cli/protocol-doc.js';
import { createApp } from '../../server/http/app.js';
import { KeyedLimiter } from '../../server/realtime/rateLimit.js';
import { systemClock } from '../../server/sessions/clock.js';
import { SessionRegistry } from '../../server/sessions/registry.js';
import { MemoryStore } from '../../server/store/memory.js';
import { ERROR_CODES } from '../../shared/protocol/errors.js';
import { CLIENT_EVENTS, HandshakeSchema } from '../../shared/protocol/events.js';
import { SERVER_EVENTS } from '../../shared/protocol/server-events.js';

const doc = readFileSync(DOC, 'utf8');

/** A name as the document writes it: in backticks. */
function named(name: string): boolean {
  return doc.includes(`\`${name}\``);
}

// Express keeps its routes as layers, routers mounted in it as layers holding a stack of their own.
type Layer = { route?: { path?: unknown; methods?: Record<string, unknown> } | undefined; handle?: unknown };
const LayerSchema: z.ZodType<Layer> = z
  .object({
    route: z.object({ path: z.unknown(), methods: z.record(z.string(), z.unknown()) }).optional(),
    handle: z.unknown(),
  })
  .loose();

/** The layers of a router (a function with a `stack`) or an app's router, or null for any other handler. */
function stackOf(x: unknown): Layer[] | null {
  if ((typeof x !== 'function' && typeof x !== 'object') || x === null || !('stack' in x)) return null;
  const stack = z.array(LayerSchema).safeParse(x.stack);
  return stack.success ? stack.data : null;
}

function routesOf(stack: readonly Layer[], out: string[] = []): string[] {
  for (const layer of stack) {
    if (layer.route && typeof layer.route.path === 'string') {
      for (const method of Object.keys(layer.route.methods ?? {}))
        out.push(`${method.toUpperCase()} ${layer.route.path}`);
    }
    const inner = stackOf(layer.handle);
    if (inner) routesOf(inner, out);
  }
  return out;
}

function httpRoutes(): string[] {
  const store = new MemoryStore();
  const app = createApp({
    registry: new SessionRegistry(store, systemClock, { onChange: () => undefined, onError: () => undefined }),
    store,
    joinLimiter: new KeyedLimiter(1, 1),
    createLimiter: new KeyedLimiter(1, 1),
    publicUrl: null,
    clientDir: null,
    now: () => 0,
    health: () => ({ sockets: 0 }),
    ready: () => Promise.resolve({ database: true }),
    onError: () => undefined,
  });
  return routesOf(stackOf(app.router) ?? []);
}

describe('docs/protocol.md names everything a client meets', () => {
  test('every event a client sends', () => {
    expect(CLIENT_EVENTS.length).toBeGreaterThan(20);
    expect(CLIENT_EVENTS.filter((e) => !named(e))).toEqual([]);
  });

  test('every event the server sends', () => {
    expect(SERVER_EVENTS.filter((e) => !named(e))).toEqual([]);
  });

  test('every error code', () => {
    expect(ERROR_CODES.filter((c) => !named(c))).toEqual([]);
  });

  test('every field of the handshake', () => {
    expect(Object.keys(HandshakeSchema.shape).filter((f) => !named(f))).toEqual([]);
  });

  test('every HTTP route, with its method', () => {
    const routes = httpRoutes();
    expect(routes).toContain('POST /api/sessions/:code/join');
    expect(routes).toContain('GET /readyz');
    expect(routes.filter((r) => !named(r))).toEqual([]);
  });
});
