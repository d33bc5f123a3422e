// Messages the server pushes. The client parses them too (a bad or old server must not crash it).
import { z } from 'zod';
import { PatchOpSchema, type PatchOp } from './patch.js';
import type { SessionView, WorldHistory } from '../model/session/view.js';

export interface ServerToClientEvents {
  /** The role's view of the session; `history` is included when it may be new to the receiver. */
  'state:view': (msg: ViewMessage) => void;
  /** Protocol 2: the changes from the view numbered `base` to this one (numbered `seq`). */
  'state:patch': (msg: PatchMessage) => void;
  /** Who this connection is: sent on connect and again when the host renames or moves the seat. */
  'session:welcome': (msg: Welcome) => void;
  /** The session is gone for this connection (kicked, ended and closed, token revoked). */
  'session:closed': (msg: { code: string; reason: string }) => void;
  /** The server is shutting down: reconnect in a moment. */
  'server:restart': (msg: { inMs: number }) => void;
}

/** The names of the events above, as a list (docs/protocol.md names each; a test checks it). */
export const SERVER_EVENTS = [
  'state:view',
  'state:patch',
  'session:welcome',
  'session:closed',
  'server:restart',
] as const satisfies readonly (keyof ServerToClientEvents)[];
// Every event of the interface is in the list: a missing one makes this type `false` and the line fail to compile.
const everyServerEventListed: Exclude<keyof ServerToClientEvents, (typeof SERVER_EVENTS)[number]> extends never
  ? true
  : false = true;
void everyServerEventListed;

export type Welcome =
  | { role: 'student'; code: string; seatId: string; name: string; world: number; region: string }
  | { role: 'host' | 'projector'; code: string };

export const WelcomeSchema = z.union([
  z.object({
    role: z.literal('student'),
    code: z.string(),
    seatId: z.string(),
    name: z.string(),
    world: z.number(),
    region: z.string(),
  }),
  z.object({ role: z.enum(['host', 'projector']), code: z.string() }),
]);

export interface ViewMessage {
  /** Increases with every message to a room. */
  seq: number;
  serverTime: number;
  view: SessionView;
  history?: WorldHistory[];
}

/** Protocol 2: a JSON patch from the view with seq `base` to the view with this `seq`. */
export interface PatchMessage {
  seq: number;
  base: number;
  serverTime: number;
  ops: PatchOp[];
  history?: WorldHistory[];
}

export const PatchMessageSchema = z.object({
  seq: z.number(),
  base: z.number(),
  serverTime: z.number(),
  ops: z.array(PatchOpSchema),
  history: z.array(z.object({ world: z.number(), rounds: z.array(z.unknown()) })).optional(),
});

/** Minimal structural check of a view message (a bad or old server must not crash a client); the view itself is
 * typed by the model. */
export const ViewMessageSchema = z.object({
  seq: z.number(),
  serverTime: z.number(),
  view: z.object({ code: z.string(), phase: z.string(), me: z.object({ role: z.string() }).loose() }).loose(),
  history: z.array(z.object({ world: z.number(), rounds: z.array(z.unknown()) })).optional(),
});
