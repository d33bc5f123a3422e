// docs/rules.md section 5 "Decisions": validation with a reason and normalisation; the defaults of a region that submits nothing.
import { describe, expect, it } from 'vitest';
import { defaultDecision, marketChoiceFor, validateDecision } from '../../../shared/model/decisions.js';
import { MAP_PRESETS } from '../../../shared/model/maps.js';
import { defaultParams } from '../../../shared/model/params.js';
import { resolveRound } from '../../../shared/model/resolve.js';
import { initialState, type WorldRules } from '../../../shared/model/state.js';
import { dec, openMarketAg, projectAg } from './helpers.js';

const rules: WorldRules = { params: defaultParams(), map: MAP_PRESETS['4-single']! };
const CI = projectAg('C', 'I', 'I');
const IF = projectAg('I', 'F', 'F');
const CF = openMarketAg('C', 'F');
const ags = [CI, CF, IF];

function rejects(regionId: string, d: ReturnType<typeof dec>, code: string, mentions: RegExp): void {
  const r = validateDecision(rules, regionId, ags, d);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  expect(r.error.message).toMatch(mentions);
}

describe('validateDecision', () => {
  it('accepts a valid decision and normalises the barriers to map order', () => {
    const r = validateDecision(rules, 'C', ags, dec('AUTO', ['R', 'I', 'F'], { [CI.id]: 'breach' }));
    expect(r).toEqual({
      ok: true,
      value: { invest: 'AUTO', barriers: ['I', 'F', 'R'], comply: { [CI.id]: 'breach' } },
    });
  });

  it('rejects an unknown sector', () => rejects('C', dec('STEEL'), 'INVALID_INVEST', /STEEL/));
  it('rejects a barrier against itself', () => rejects('C', dec('AUTO', ['C']), 'INVALID_BARRIER', /itself/));
  it('rejects a barrier against an unknown region', () =>
    rejects('C', dec('AUTO', ['Q']), 'INVALID_BARRIER', /Q.*no such region/));
  it('rejects a duplicate barrier', () => rejects('C', dec('AUTO', ['I', 'R', 'I']), 'INVALID_BARRIER', /I.*twice/));
  it("rejects comply for another pair's project", () =>
    rejects('C', dec('AUTO', [], { [IF.id]: 'honour' }), 'INVALID_COMPLY', new RegExp(IF.id)));
  it('rejects comply for its own open-market agreement (not a project)', () =>
    rejects('C', dec('AUTO', [], { [CF.id]: 'breach' }), 'INVALID_COMPLY', new RegExp(CF.id)));
  it('rejects comply for an agreement that does not exist', () =>
    rejects('I', dec('AUTO', [], { 'r1-I-R-project': 'breach' }), 'INVALID_COMPLY', /r1-I-R-project/));
  it('rejects a region that is not on the map', () => rejects('Z', dec('AUTO'), 'UNKNOWN_REGION', /Z/));

  it('keeps only comply entries of its projects, in agreement order (missing entries mean honour)', () => {
    const r = validateDecision(rules, 'I', ags, dec('AUTO', [], { [IF.id]: 'breach', [CI.id]: 'honour' }));
    expect(r.ok && Object.keys(r.value.comply)).toEqual([CI.id, IF.id]);
    const missing = validateDecision(rules, 'I', ags, dec('AUTO'));
    expect(missing.ok && missing.value.comply).toEqual({});
  });

  it('does not modify the decision it checks', () => {
    const d = dec('AUTO', ['R', 'I'], {});
    validateDecision(rules, 'C', ags, d);
    expect(d.barriers).toEqual(['R', 'I']);
  });
});

describe('defaultDecision', () => {
  const s0 = initialState(rules);

  it('round 1 without B: the strength sector, no barriers, honour every own project', () => {
    const d = defaultDecision(rules, [], s0, 'I', ags);
    expect(d).toEqual({
      invest: 'AUTO',
      barriers: [],
      comply: { [CI.id]: 'honour', [IF.id]: 'honour' },
      reason: 'strengthSector',
    });
    expect(defaultDecision(rules, [], s0, 'C', []).invest).toBe('ELEC');
    expect(defaultDecision(rules, [], s0, 'F', []).invest).toBe('FOOD');
    expect(defaultDecision(rules, [], s0, 'R', []).invest).toBe('CHEM');
  });

  it("later rounds without B: last round's investment and barriers", () => {
    const d1 = { C: dec('AUTO', ['I', 'R']), I: dec('FOOD'), F: dec('FOOD', ['C']), R: dec('ELEC') };
    const { state } = resolveRound(rules, [], s0, [], d1, { shock: {}, audit: {} });
    const d = defaultDecision(rules, [], state, 'C', []);
    expect(d).toEqual({ invest: 'AUTO', barriers: ['I', 'R'], comply: {}, reason: 'lastInvestment' });
    expect(defaultDecision(rules, ['D1'], state, 'R', []).invest).toBe('ELEC');
  });

  it("under B: the market's choice, even after another investment; barriers still last round's", () => {
    const d1 = { C: dec('AUTO', ['I']), I: dec('FOOD'), F: dec('FOOD'), R: dec('ELEC') };
    const { state } = resolveRound(rules, [], s0, [], d1, { shock: {}, audit: {} });
    for (const id of ['C', 'I', 'F', 'R']) {
      const d = defaultDecision(rules, ['B'], state, id, []);
      expect(d.reason).toBe('marketChoice');
      expect(d.invest).toBe(marketChoiceFor(rules, ['B'], state, id));
    }
    expect(defaultDecision(rules, ['B'], state, 'C', []).barriers).toEqual(['I']);
  });

  it('every default decision passes validation', () => {
    for (const id of ['C', 'I', 'F', 'R']) {
      const { reason: _r, ...d } = defaultDecision(rules, ['B'], s0, id, ags);
      expect(validateDecision(rules, id, ags, d).ok).toBe(true);
    }
  });
});
