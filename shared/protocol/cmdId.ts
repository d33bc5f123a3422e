// A command id: chosen by the client, it makes a command (or a join) safe to send again.
import { z } from 'zod';

export const CmdIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'cmdId: 8-64 letters, digits, - or _');
