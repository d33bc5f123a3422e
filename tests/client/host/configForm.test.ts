// The create form's model: config -> form -> config input round trips, C as an arm setting, steps, parameters.
import { describe, expect, it } from 'vitest';
import {
  addStep,
  configToForm,
  estimateMinutes,
  formToInput,
  inputToForm,
  newArm,
  parseParams,
  readNumber,
  removeStep,
  toggle,
} from '../../../client/src/host/configForm.js';
import { SessionConfigSchema } from '../../../shared/model/config.js';
import { CLASS_PLANS } from '../../../shared/model/presets.js';

describe('configToForm / formToInput', () => {
  it('round-trips every class plan to the same parsed config', () => {
    for (const plan of CLASS_PLANS) {
      const cfg = SessionConfigSchema.parse(plan.config);
      const again = SessionConfigSchema.parse(formToInput(configToForm(cfg)).input);
      expect(again, plan.id).toEqual(cfg);
    }
  });

  it('keeps C out of the steps and puts it back into every step of a multi-centre arm', () => {
    const form = inputToForm(CLASS_PLANS.find((p) => p.id === 'single-vs-multi-centre')!.config);
    expect(form.arms[1]!.multiCentre).toBe(true);
    expect(form.arms[1]!.steps[0]!.treatments).toEqual([]);
    form.arms[1] = addStep(form.arms[1]!, form.rounds);
    form.arms[1]!.steps[1]!.treatments = ['E', 'A'];
    const input = formToInput(form).input as { arms: { schedule: { treatments: string[] }[] }[] };
    expect(input.arms[1]!.schedule.map((s) => s.treatments)).toEqual([['C'], ['A', 'C', 'E']]);
    expect(SessionConfigSchema.safeParse(input).success).toBe(true);
  });

  it('maps worlds auto and a fixed count', () => {
    const form = inputToForm({});
    expect(form.worldsAuto).toBe(true);
    form.worldsAuto = false;
    form.worldsCount = 3;
    expect((formToInput(form).input as { worlds: unknown }).worlds).toEqual({ count: 3, maxSeatsPerRegion: 5 });
    expect(configToForm(SessionConfigSchema.parse({ worlds: { count: 4 } })).worldsCount).toBe(4);
  });

  it('only names an arm map when one is chosen', () => {
    const form = inputToForm({});
    expect(formToInput(form).input).toMatchObject({ arms: [{ name: 'Baseline then all reforms' }] });
    expect('map' in ((formToInput(form).input as { arms: object[] }).arms[0] as object)).toBe(false);
    form.arms[0]!.map = '3-multi';
    expect((formToInput(form).input as { arms: { map?: string }[] }).arms[0]!.map).toBe('3-multi');
  });

  it('carries the parameters as JSON', () => {
    const form = inputToForm({ params: { blame: 5 } });
    expect(JSON.parse(form.paramsJson).blame).toBe(5);
    form.paramsJson = '{"tax": {"rate": 0.17, "localShare": 0.25}}';
    const { input, paramsOk } = formToInput(form);
    expect(paramsOk).toBe(true);
    expect(SessionConfigSchema.parse(input).params.tax).toEqual({ rate: 0.17, localShare: 0.25 });
    form.paramsJson = '[1, 2]';
    expect(formToInput(form).paramsOk).toBe(false);
  });
});

describe('helpers', () => {
  it('parses parameter text', () => {
    expect(parseParams('')).toEqual({ ok: true, value: {} });
    expect(parseParams('  {"blame": 1} ')).toEqual({ ok: true, value: { blame: 1 } });
    expect(parseParams('{oops')).toEqual({ ok: false });
    expect(parseParams('null')).toEqual({ ok: false });
  });

  it('reads typed numbers, empty as NaN', () => {
    expect(readNumber(' 12 ')).toBe(12);
    expect(readNumber('')).toBeNaN();
    expect(readNumber('x')).toBeNaN();
  });

  it('adds a step one round later with the same reforms, capped at the last round', () => {
    const arm = {
      name: 'a',
      map: '',
      multiCentre: false,
      steps: [
        { fromRound: 1, treatments: [] },
        { fromRound: 8, treatments: ['A' as const] },
      ],
    };
    expect(addStep(arm, 8).steps[2]).toEqual({ fromRound: 8, treatments: ['A'] });
    expect(addStep(arm, 12).steps[2]).toEqual({ fromRound: 9, treatments: ['A'] });
    expect(removeStep(arm, 1).steps).toHaveLength(1);
    expect(removeStep(removeStep(arm, 1), 0).steps).toHaveLength(1);
  });

  it('makes new arms and toggles items', () => {
    expect(newArm(1, (n) => `Arm ${n}`)).toEqual({
      name: 'Arm 2',
      map: '',
      multiCentre: false,
      steps: [{ fromRound: 1, treatments: [] }],
    });
    expect(toggle(['A', 'B'], 'A', false)).toEqual(['B']);
    expect(toggle(['B'], 'A', true)).toEqual(['B', 'A']);
    expect(toggle(['A'], 'A', true)).toEqual(['A']);
  });

  it('estimates the playing time', () => {
    const form = inputToForm({});
    expect(estimateMinutes(form)).toBe(Math.ceil((8 * (20 + 120 + 60 + 45)) / 60));
    form.rounds = Number.NaN;
    expect(estimateMinutes(form)).toBeNull();
  });
});
