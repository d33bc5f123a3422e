// docs/rules.md section 4: every parameter with its default. All are editable in the session config and
// recorded in the log.
import { z } from 'zod';

const share = (d: number) => z.number().min(0).max(1).default(d);
const nonNeg = (d: number) => z.number().min(0).default(d);

export const ShockOutcomeSchema = z.object({
  epsilon: z.number().min(-1).max(1),
  p: z.number().min(0).max(1),
});

export const DEFAULT_SHOCK = [
  { epsilon: -1, p: 0.3 },
  { epsilon: 0, p: 0.4 },
  { epsilon: 1, p: 0.3 },
];

const enforcement = (d: { audit: number; fineShare: number; promoPenalty: number; compensate: boolean }) =>
  z.object({
    audit: share(d.audit),
    fineShare: nonNeg(d.fineShare),
    promoPenalty: nonNeg(d.promoPenalty),
    compensate: z.boolean().default(d.compensate),
  });

/** Baseline enforcement; under E, enforcementE with its own defaults (a partial override keeps the others). */
export const EnforcementSchema = enforcement({ audit: 0.1, fineShare: 0.2, promoPenalty: 0, compensate: false });
export const EnforcementESchema = enforcement({ audit: 0.8, fineShare: 0.3, promoPenalty: 3, compensate: true });

export const ParamsSchema = z
  .object({
    accessAdjacent: share(0.8),
    accessFar: share(0.5),
    barrierCut: share(0.6),
    tax: z.object({ rate: share(0.13), localShare: share(0.5) }).prefault({}),
    wFiscal: nonNeg(0.5),
    scale: z.number().positive().default(100),
    project: z
      .object({
        gamma: nonNeg(0.03),
        kappa: nonNeg(0.05),
        sigma: z
          .number()
          .min(0)
          .lt(1, 'project.sigma must be below 1 so that a project never has negative value')
          .default(0.6),
        shock: z
          .array(ShockOutcomeSchema)
          .min(1)
          .default(DEFAULT_SHOCK)
          .refine((list) => Math.abs(list.reduce((s, o) => s + o.p, 0) - 1) < 1e-9, {
            message: 'project.shock probabilities must sum to 1',
          }),
      })
      .prefault({}),
    blame: nonNeg(3),
    enforcement: EnforcementSchema.prefault({}),
    enforcementE: EnforcementESchema.prefault({}),
    science: z
      .object({
        omega: share(0.5),
        target: z.number().default(0.05),
        coopCredit: nonNeg(0.5),
        breachPenalty: nonNeg(3),
        barrierPenalty: nonNeg(1),
        dupPenalty: nonNeg(1.5),
      })
      .prefault({}),
    A: z.object({ pilotCofund: share(0.5), recognition: nonNeg(1) }).prefault({}),
    B: z.object({ overrideCost: nonNeg(0.06), barrierReviewCost: nonNeg(0.03) }).prefault({}),
  })
  .strict();

export type Params = z.output<typeof ParamsSchema>;
export type ParamsInput = z.input<typeof ParamsSchema>;

/** The defaults of docs/rules.md section 4. */
export function defaultParams(): Params {
  return ParamsSchema.parse({});
}

/** Named tax-sharing parameter sets the host can pick from. */
export const TAX_PRESETS = {
  current: { rate: 0.13, localShare: 0.5 },
  '1994-2016': { rate: 0.17, localShare: 0.25 },
} as const;
