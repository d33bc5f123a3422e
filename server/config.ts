// Server configuration from environment variables, validated at start-up with clear messages.
import { z } from 'zod';

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Base of the links the server hands out (join, host, projector), e.g. https://game.example.edu. */
  PUBLIC_URL: z.url().optional(),
  /** Built browser client to serve (default: dist/client). */
  CLIENT_DIR: z.string().min(1).optional(),
  SQLITE_SYNC: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  /** Joins per minute per IP address (a lecture hall behind one NAT shares an address). */
  JOIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  /** Commands per second per seat (all its sockets together), with bursts of twice as many. */
  SEAT_COMMANDS_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Coalescing window for state broadcasts (ms). */
  BROADCAST_MS: z.coerce.number().int().min(10).max(2000).default(100),
  /** PostgreSQL instead of SQLite (several processes share it): postgres://user:password@host:5432/database. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** With PostgreSQL: how long a session's lease lasts unrenewed, i.e. the longest a dead process holds it (ms). */
  LEASE_MS: z.coerce.number().int().min(1000).max(60_000).default(5000),
  /** The PostgreSQL schema holding the tables (default public). */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _, not starting with a digit')
    .optional(),
});

export type ServerEnv = z.output<typeof EnvSchema>;

export function readEnv(env: NodeJS.ProcessEnv): { ok: true; value: ServerEnv } | { ok: false; errors: string[] } {
  const r = EnvSchema.safeParse(env);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}
