// Config validation for the create form: zod issues (client) and the server's "path: message" details, each
// mapped to the form field it belongs to and to a catalogue key, so the problem is explained next to its field in
// the user's language. Pure (no DOM), unit-tested.
import { SessionConfigSchema } from '../../../shared/model/config.js';
import type { MessageKey } from '../../../shared/i18n/index.js';
import { formToInput, type ConfigForm } from './configForm.js';

/** A problem to show: a catalogue key with its parameters; `raw` is the original text (shown when no key fits). */
export interface FieldIssue {
  key: MessageKey;
  params: Record<string, string | number>;
  raw?: string;
}

/** Problems by field key ('' = the form as a whole). */
export type FieldErrors = Record<string, FieldIssue[]>;

/** The subset of a zod issue this module reads (zod 4's issue shapes). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  expected?: string;
  received?: string;
}

/** The form field an issue path points at. Field keys: title, map, rounds, phases.X, worlds.count,
 * worlds.maxSeatsPerRegion, arms, arms.i.name, arms.i.map, arms.i.schedule, arms.i.schedule.j.fromRound,
 * arms.i.schedule.j.treatments, bots.strategy, bots.takeover, pseudonyms, params (all parameters), maps. */
export function fieldOfPath(path: readonly PropertyKey[]): string {
  const p = path.map((x) => String(x));
  const [first, second] = p;
  if (first === undefined) return '';
  if (
    first === 'params' ||
    first === 'maps' ||
    first === 'title' ||
    first === 'map' ||
    first === 'rounds' ||
    first === 'pseudonyms'
  )
    return first;
  if (first === 'phases' || first === 'worlds' || first === 'bots')
    return second === undefined ? first : `${first}.${second}`;
  if (first === 'arms') {
    const [, arm, part, step, leaf] = p;
    if (arm === undefined || !/^\d+$/.test(arm)) return 'arms';
    if (part === 'name' || part === 'map') return `arms.${arm}.${part}`;
    if (part === 'schedule') {
      if (step === undefined || !/^\d+$/.test(step)) return `arms.${arm}.schedule`;
      if (leaf === 'fromRound' || leaf === 'treatments') return `arms.${arm}.schedule.${step}.${leaf}`;
      return `arms.${arm}.schedule`;
    }
    return `arms.${arm}.name`;
  }
  return '';
}

const num = (x: number | bigint | undefined) => (x === undefined ? 0 : Number(x));

/** The catalogue key and parameters that explain an issue. */
export function explainIssue(issue: IssueLike): FieldIssue {
  const field = fieldOfPath(issue.path);
  const raw = issue.message;
  if (field === 'params' || field === 'maps') {
    const where = issue.path.slice(1).map(String).join('.');
    return { key: 'host.err.param', params: { path: where === '' ? field : where, message: raw }, raw };
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return { key: 'host.err.required', params: {}, raw };
      if (issue.origin === 'array') return { key: 'host.err.atLeast', params: { min: num(issue.minimum) }, raw };
      return { key: 'host.err.min', params: { min: num(issue.minimum) }, raw };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'host.err.tooLong', params: { max: num(issue.maximum) }, raw };
      if (issue.origin === 'array') return { key: 'host.err.atMost', params: { max: num(issue.maximum) }, raw };
      return { key: 'host.err.max', params: { max: num(issue.maximum) }, raw };
    case 'invalid_type':
      if (issue.expected === 'int') return { key: 'host.err.whole', params: {}, raw };
      if (issue.expected === 'number') return { key: 'host.err.number', params: {}, raw };
      return { key: 'host.err.invalid', params: {}, raw };
    case 'invalid_union':
      return { key: field === 'worlds.count' ? 'host.err.worlds' : 'host.err.invalid', params: {}, raw };
    case 'custom':
      return explainCustom(raw);
    default:
      return { key: 'host.err.invalid', params: {}, raw };
  }
}

/** The engine's own checks (shared/model/config.ts checkConfig, the text policy), recognised by their wording. */
function explainCustom(raw: string): FieldIssue {
  const after = /after the last round \((\d+)\)/.exec(raw);
  if (after) return { key: 'host.err.afterLast', params: { rounds: Number(after[1]) }, raw };
  if (raw.includes('must start at round 1')) return { key: 'host.err.startAt1', params: {}, raw };
  if (raw.includes('rounds must increase')) return { key: 'host.err.increase', params: {}, raw };
  if (raw.includes('listed twice')) return { key: 'host.err.twice', params: {}, raw };
  if (raw.includes('in every step or in none')) return { key: 'host.err.cEveryStep', params: {}, raw };
  if (raw.includes('is single-centre')) return { key: 'host.err.cSingleMap', params: {}, raw };
  if (raw.includes('unknown map')) return { key: 'host.err.unknownMap', params: {}, raw };
  // The free-text policy (shared/model/text.ts).
  if (raw === 'the text is empty') return { key: 'host.err.required', params: {}, raw };
  const long = /the text is longer than (\d+) characters/.exec(raw);
  if (long) return { key: 'host.err.tooLong', params: { max: Number(long[1]) }, raw };
  if (raw.includes('invisible or formatting characters')) return { key: 'host.err.invisible', params: {}, raw };
  return { key: 'host.err.invalid', params: {}, raw };
}

export function addIssue(errors: FieldErrors, field: string, issue: FieldIssue): void {
  const list = errors[field] ?? (errors[field] = []);
  if (!list.some((x) => x.key === issue.key && JSON.stringify(x.params) === JSON.stringify(issue.params)))
    list.push(issue);
}

/** Zod issues grouped by field. */
export function issuesToFields(issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) addIssue(errors, fieldOfPath(issue.path), explainIssue(issue));
  return errors;
}

/** The server's 400 details ("path: message" lines, see describeIssues) grouped by field. */
export function serverDetailsToFields(details: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const line of details) {
    const m = /^([A-Za-z0-9_.]+): (.*)$/s.exec(line);
    const path = m?.[1] ? m[1].split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x)) : [];
    const message = m?.[2] ?? line;
    const field = fieldOfPath(path);
    const explained = explainIssue({ code: 'custom', path, message });
    addIssue(
      errors,
      field,
      explained.key === 'host.err.invalid' ? { key: 'host.err.server', params: { message }, raw: message } : explained,
    );
  }
  return errors;
}

/** Checks the whole form on the client with the engine's config schema. */
export function validateForm(form: ConfigForm): { errors: FieldErrors; input: Record<string, unknown> } {
  const { input, paramsOk } = formToInput(form);
  const errors: FieldErrors = {};
  if (!paramsOk) addIssue(errors, 'params', { key: 'host.err.json', params: {} });
  const parsed = SessionConfigSchema.safeParse(input);
  if (!parsed.success) {
    const byField = issuesToFields(parsed.error.issues);
    for (const [field, list] of Object.entries(byField)) for (const issue of list) addIssue(errors, field, issue);
  }
  return { errors, input };
}

export function errorCount(errors: FieldErrors): number {
  return Object.values(errors).reduce((n, list) => n + list.length, 0);
}
