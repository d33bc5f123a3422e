// GET /api/presets: class plans (bilingual name and goal), maps, switchable reforms, bot strategies, defaults.
import { z } from 'zod';
import { BOT_STRATEGIES } from '../../../shared/model/ids.js';
import { ApiError } from '../net/api.js';

const Text = z.object({ en: z.string(), zh: z.string() });

export const PresetsSchema = z.object({
  classPlans: z.array(
    z.object({
      id: z.string(),
      name: Text,
      goal: Text,
      groups: z.array(Text),
      config: z.record(z.string(), z.unknown()),
    }),
  ),
  defaultClassPlan: z.string(),
  maps: z.array(
    z.object({ id: z.string(), multiCentre: z.boolean(), regions: z.array(z.object({ id: z.string(), name: Text })) }),
  ),
  reforms: z.array(z.string()),
  botStrategies: z.array(z.enum(BOT_STRATEGIES)),
  defaults: z.record(z.string(), z.unknown()),
});
export type Presets = z.output<typeof PresetsSchema>;
export type ClassPlanInfo = Presets['classPlans'][number];

export async function fetchPresets(): Promise<Presets> {
  let res: Response;
  try {
    res = await fetch('/api/presets');
  } catch {
    throw new ApiError('TIMEOUT', 'network error');
  }
  if (!res.ok) throw new ApiError(res.status === 429 ? 'RATE_LIMITED' : 'INTERNAL', `HTTP ${res.status}`);
  const parsed = PresetsSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new ApiError('INTERNAL', 'unexpected reply from the server');
  return parsed.data;
}
