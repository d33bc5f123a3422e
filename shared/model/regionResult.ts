// The zod shape of one region's result in a round (docs/rules.md section 11): read by the log's schema and, strictly,
// by the view's (shared/protocol/world-view.ts), so both describe the same fields.
import { z } from 'zod';

const num = z.number().refine(Number.isFinite, 'must be a finite number');

export const REGION_RESULT_SHAPE = {
  gdp: num,
  consBase: num,
  g: num,
  tax: num,
  outlay: num,
  inflow: num,
  fiscalGrowth: num,
  score: num,
  career: num,
  dup: z.boolean(),
  nBar: num,
  honoured: num,
  breaches: num,
  detected: num,
};
