// HTTP bodies and replies (session creation, join), parsed with zod on both sides.
import { z } from 'zod';
import { CmdIdSchema } from './cmdId.js';

export const CreateSessionBodySchema = z
  .object({
    /** A class plan id (see GET /api/presets). */
    preset: z.string().max(60).optional(),
    /** A config (or config changes on top of the preset), checked by the engine's config schema. */
    config: z.record(z.string(), z.unknown()).optional(),
    /** Optional seed for a reproducible session (research); default: random. */
    seed: z.string().min(1).max(64).optional(),
  })
  .strict();

export const CreateSessionReplySchema = z.object({
  code: z.string(),
  joinUrl: z.string(),
  hostUrl: z.string(),
  projectorUrl: z.string(),
  hostToken: z.string(),
  projectorToken: z.string(),
});
export type CreateSessionReply = z.output<typeof CreateSessionReplySchema>;

/** `cmdId` makes a retried join (a reply lost on flaky Wi-Fi) answer the seat it made, as over the socket. */
export const JoinBodySchema = z.object({ name: z.string().max(200), cmdId: CmdIdSchema.optional() }).strict();

export const JoinReplySchema = z.object({
  seatToken: z.string(),
  seat: z.object({ id: z.string(), name: z.string(), world: z.number(), region: z.string() }),
});
export type JoinReply = z.output<typeof JoinReplySchema>;

export const SessionInfoSchema = z.object({
  code: z.string(),
  title: z.string(),
  phase: z.string(),
  locked: z.boolean(),
  round: z.number(),
  rounds: z.number(),
});
export type SessionInfo = z.output<typeof SessionInfoSchema>;

/**
 * GET /api/network: where phones in the room can reach this server. `publicUrl` is PUBLIC_URL when set; `lanUrls`
 * are the machine's non-internal IPv4 addresses with the port, listed only to a console opened on the machine
 * itself (a request from loopback), for a console opened on `localhost` whose links phones cannot open.
 */
export const NetworkInfoSchema = z.object({
  publicUrl: z.string().nullable(),
  lanUrls: z.array(z.string()),
});
export type NetworkInfo = z.output<typeof NetworkInfoSchema>;
