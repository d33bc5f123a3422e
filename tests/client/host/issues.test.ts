// Config problems are put next to their field with a catalogue key, on the client and from the server's details.
import { describe, expect, it } from 'vitest';
import { inputToForm } from '../../../client/src/host/configForm.js';
import {
  errorCount,
  explainIssue,
  fieldOfPath,
  issuesToFields,
  serverDetailsToFields,
  validateForm,
} from '../../../client/src/host/issues.js';
import { describeIssues, SessionConfigSchema } from '../../../shared/model/config.js';
import { hostEn } from '../../../shared/i18n/ui/host.en.js';

describe('fieldOfPath', () => {
  it.each([
    [[], ''],
    [['title'], 'title'],
    [['rounds'], 'rounds'],
    [['phases', 'decide'], 'phases.decide'],
    [['worlds', 'count'], 'worlds.count'],
    [['bots', 'strategy'], 'bots.strategy'],
    [['params', 'tax', 'rate'], 'params'],
    [['arms'], 'arms'],
    [['arms', 1, 'name'], 'arms.1.name'],
    [['arms', 0, 'map'], 'arms.0.map'],
    [['arms', 0, 'schedule'], 'arms.0.schedule'],
    [['arms', 0, 'schedule', 2, 'fromRound'], 'arms.0.schedule.2.fromRound'],
    [['arms', 0, 'schedule', 2, 'treatments', 1], 'arms.0.schedule.2.treatments'],
    [['arms', 0, 'schedule', 2], 'arms.0.schedule'],
    [['rulesVersion'], ''],
  ] as [PropertyKey[], string][])('%j -> %s', (path, field) => {
    expect(fieldOfPath(path)).toBe(field);
  });
});

describe('validateForm', () => {
  it('accepts every default', () => {
    expect(errorCount(validateForm(inputToForm({})).errors)).toBe(0);
  });

  it('explains base problems next to their fields', () => {
    const form = inputToForm({});
    form.rounds = 2.5;
    form.phases.briefing = 2;
    form.phases.decide = Number.NaN;
    form.seatsPerRegion = 99;
    form.arms[0]!.name = '';
    form.title = 'x'.repeat(90);
    form.paramsJson = '{"tax": {"rate": 3}}';
    const { errors } = validateForm(form);
    expect(errors['rounds']).toEqual([expect.objectContaining({ key: 'host.err.whole' })]);
    expect(errors['phases.briefing']).toEqual([expect.objectContaining({ key: 'host.err.min', params: { min: 5 } })]);
    expect(errors['phases.decide']).toEqual([expect.objectContaining({ key: 'host.err.number' })]);
    expect(errors['worlds.maxSeatsPerRegion']).toEqual([
      expect.objectContaining({ key: 'host.err.max', params: { max: 20 } }),
    ]);
    expect(errors['arms.0.name']).toEqual([expect.objectContaining({ key: 'host.err.required' })]);
    expect(errors['title']).toEqual([expect.objectContaining({ key: 'host.err.tooLong', params: { max: 80 } })]);
    expect(errors['params']).toEqual([
      expect.objectContaining({ key: 'host.err.param', params: expect.objectContaining({ path: 'tax.rate' }) }),
    ]);
  });

  it('explains the schedule rules', () => {
    const form = inputToForm({ rounds: 6 });
    form.arms[0]!.steps = [
      { fromRound: 2, treatments: [] },
      { fromRound: 2, treatments: ['A'] },
      { fromRound: 9, treatments: [] },
    ];
    const { errors } = validateForm(form);
    expect(errors['arms.0.schedule']?.map((i) => i.key)).toContain('host.err.startAt1');
    expect(errors['arms.0.schedule.1.fromRound']?.map((i) => i.key)).toEqual(['host.err.increase']);
    expect(errors['arms.0.schedule.2.fromRound']).toEqual([
      expect.objectContaining({ key: 'host.err.afterLast', params: { rounds: 6 } }),
    ]);
  });

  it('explains C on a single-centre arm map, and invalid JSON', () => {
    const form = inputToForm({});
    form.arms[0]!.multiCentre = true;
    form.arms[0]!.map = '4-single';
    form.paramsJson = '{nope';
    const { errors } = validateForm(form);
    expect(errors['arms.0.map']?.map((i) => i.key)).toEqual(['host.err.cSingleMap']);
    expect(errors['params']?.map((i) => i.key)).toEqual(['host.err.json']);
  });

  it('explains a fixed world count out of range', () => {
    const form = inputToForm({});
    form.worldsAuto = false;
    form.worldsCount = 0;
    expect(validateForm(form).errors['worlds.count']?.length).toBeGreaterThan(0);
  });

  it('uses only keys that exist in the catalogue', () => {
    const form = inputToForm({});
    form.rounds = Number.NaN;
    form.arms.push({ name: '', map: 'nowhere', multiCentre: false, steps: [{ fromRound: 3, treatments: ['A', 'A'] }] });
    const r = SessionConfigSchema.safeParse({
      arms: [{ name: 'a', map: 'x', schedule: [{ fromRound: 1, treatments: ['A', 'A'] }] }],
    });
    const all = [
      ...Object.values(validateForm(form).errors),
      ...Object.values(issuesToFields(r.error!.issues as never)),
    ].flat();
    expect(all.length).toBeGreaterThan(0);
    for (const issue of all) expect(Object.keys(hostEn)).toContain(issue.key);
  });
});

describe('server details', () => {
  it('puts the "path: message" lines of a 400 reply next to their fields', () => {
    const r = SessionConfigSchema.safeParse({
      rounds: 4,
      arms: [
        {
          name: 'a',
          schedule: [
            { fromRound: 1, treatments: [] },
            { fromRound: 7, treatments: [] },
          ],
        },
      ],
      phases: { decide: 1 },
    });
    const errors = serverDetailsToFields(describeIssues(r.error!));
    expect(errors['phases.decide']).toEqual([expect.objectContaining({ key: 'host.err.server' })]);
    const r2 = SessionConfigSchema.safeParse({
      rounds: 4,
      arms: [
        {
          name: 'a',
          schedule: [
            { fromRound: 1, treatments: [] },
            { fromRound: 7, treatments: [] },
          ],
        },
      ],
    });
    const e2 = serverDetailsToFields(describeIssues(r2.error!));
    expect(e2['arms.0.schedule.1.fromRound']).toEqual([
      expect.objectContaining({ key: 'host.err.afterLast', params: { rounds: 4 } }),
    ]);
  });

  it('keeps unknown details as the server said them', () => {
    expect(serverDetailsToFields(['something odd'])).toEqual({
      '': [{ key: 'host.err.server', params: { message: 'something odd' }, raw: 'something odd' }],
    });
  });

  it('explains raw zod issue codes', () => {
    expect(explainIssue({ code: 'too_small', origin: 'array', minimum: 1, path: ['arms'], message: '' }).key).toBe(
      'host.err.atLeast',
    );
    expect(explainIssue({ code: 'invalid_union', path: ['worlds', 'count'], message: '' }).key).toBe('host.err.worlds');
    expect(explainIssue({ code: 'invalid_value', path: ['bots', 'strategy'], message: '' }).key).toBe(
      'host.err.invalid',
    );
  });
});
