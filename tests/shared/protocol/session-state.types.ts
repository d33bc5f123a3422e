// Compile-time check, run by `npm run typecheck`: the snapshot schema accepts every SessionState the reducer makes
// (server/sessions/snapshot.ts checks the other direction: what it parses is a SessionState).
import type { z } from 'zod';
import type { SessionState } from '../../../shared/model/session/state.js';
import type { SessionStateSchema } from '../../../shared/protocol/session-state.js';

export const everyState = (s: SessionState): z.input<typeof SessionStateSchema> => s;
