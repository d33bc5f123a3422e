// Class plans: ready-made session configs for common teaching goals.
import { ALL_REFORMS, SessionConfigSchema, type SessionConfig, type SessionConfigInput } from './config.js';

export interface ClassPlan {
  id: string;
  /** Names and one-line goals in both UI languages; the rounds come from the config (`planRounds`), so a label
   * follows the instructor's edits. */
  name: { en: string; zh: string };
  goal: { en: string; zh: string };
  /** The names of the config's groups (arms) in both languages, in the order of `config.arms`. */
  groups: { en: string; zh: string }[];
  config: SessionConfigInput;
}

const baseline = { fromRound: 1, treatments: [] };

export const CLASS_PLANS: readonly ClassPlan[] = [
  {
    id: 'baseline-then-reforms',
    name: { en: 'Baseline then all reforms', zh: '先基线后全面改革' },
    goal: {
      en: 'See the cooperation failure, then the whole reform package change it.',
      zh: '先体验合作失灵，再看整套改革如何改变它。',
    },
    groups: [{ en: 'Baseline then all reforms', zh: '先基线后全面改革' }],
    config: {
      rounds: 8,
      arms: [{ name: 'Baseline then all reforms', schedule: [baseline, { fromRound: 5, treatments: ALL_REFORMS }] }],
    },
  },
  {
    id: 'reform-ladder',
    name: { en: 'Reform ladder (one reform added per round)', zh: '改革阶梯（每回合增加一项改革）' },
    goal: {
      en: 'Ask which reform matters most, and whether they work alone or as a package.',
      zh: '探讨哪项改革最关键，改革单独有效还是需要配套。',
    },
    groups: [{ en: 'Reform ladder', zh: '改革阶梯' }],
    config: {
      rounds: 8,
      arms: [
        {
          name: 'Reform ladder',
          schedule: [
            baseline,
            { fromRound: 3, treatments: ['A'] },
            { fromRound: 4, treatments: ['A', 'B'] },
            { fromRound: 5, treatments: ['A', 'B', 'D1'] },
            { fromRound: 6, treatments: ['A', 'B', 'D1', 'D2'] },
            { fromRound: 7, treatments: ['A', 'B', 'D1', 'D2', 'D3'] },
            { fromRound: 8, treatments: ALL_REFORMS },
          ],
        },
      ],
    },
  },
  {
    id: 'control-vs-reform',
    name: { en: 'Control vs reform worlds', zh: '对照组与改革组' },
    goal: {
      en: 'Compare worlds that keep the old rules with worlds that reform at round 5.',
      zh: '比较保持旧规则的赛区与第5回合改革的赛区。',
    },
    groups: [
      { en: 'Control', zh: '对照组' },
      { en: 'Reform', zh: '改革组' },
    ],
    config: {
      rounds: 8,
      worlds: { count: 'auto' },
      arms: [
        { name: 'Control', schedule: [baseline] },
        { name: 'Reform', schedule: [baseline, { fromRound: 5, treatments: ALL_REFORMS }] },
      ],
    },
  },
  {
    id: 'single-vs-multi-centre',
    name: { en: 'Single-centre vs multi-centre map', zh: '单中心与多中心地图对比' },
    goal: {
      en: 'Show how a more balanced map (reform C) changes the gap and the incentive to cooperate.',
      zh: '展示更均衡的地图（改革C）如何影响地区差距与合作意愿。',
    },
    groups: [
      { en: 'Single centre', zh: '单中心' },
      { en: 'Multi centre', zh: '多中心' },
    ],
    config: {
      rounds: 6,
      arms: [
        { name: 'Single centre', schedule: [baseline] },
        { name: 'Multi centre', schedule: [{ fromRound: 1, treatments: ['C'] }] },
      ],
    },
  },
  {
    id: 'quick-demo',
    name: { en: 'Quick demo (short rounds)', zh: '快速演示（短回合）' },
    goal: {
      en: 'A 15-minute taste: one baseline round, then two with all reforms.',
      zh: '15分钟体验：一个基线回合，再加两个全面改革回合。',
    },
    groups: [{ en: 'Quick demo', zh: '快速演示' }],
    config: {
      rounds: 3,
      phases: { briefing: 10, negotiate: 60, decide: 30, results: 20 },
      arms: [{ name: 'Quick demo', schedule: [baseline, { fromRound: 2, treatments: ALL_REFORMS }] }],
    },
  },
  {
    id: 'simulator-6-6',
    name: { en: 'Research: baseline then treatment rounds', zh: '研究用：基线回合后处理回合' },
    goal: {
      en: 'The design used to check the model with bots (docs/rules.md section 10).',
      zh: '用机器人检验模型时采用的设计（规则第10节）。',
    },
    // A research plan keeps the research words (arm), in both languages.
    groups: [{ en: 'Baseline then all reforms', zh: 'Baseline then all reforms' }],
    config: {
      rounds: 12,
      arms: [{ name: 'Baseline then all reforms', schedule: [baseline, { fromRound: 7, treatments: ALL_REFORMS }] }],
    },
  },
];

export const DEFAULT_CLASS_PLAN = 'baseline-then-reforms';

export function findClassPlan(id: string): ClassPlan | undefined {
  return CLASS_PLANS.find((p) => p.id === id);
}

/** The parsed config of a class plan, on the given map (e.g. '3-single'). */
export function classPlanConfig(id: string, overrides: Partial<SessionConfigInput> = {}): SessionConfig {
  const plan = findClassPlan(id);
  if (!plan) throw new RangeError(`unknown class plan ${id}`);
  return SessionConfigSchema.parse({ ...plan.config, ...overrides });
}

/** A schedule step as far as counting rounds goes. */
interface StepLike {
  fromRound: number;
}

/**
 * How a plan's rounds split, for its label: one number per schedule step of a single-group plan with one or two
 * steps ("4 + 4 rounds"), otherwise only the total. Unparseable numbers (a field being typed) give null.
 */
export function planRounds(rounds: number, arms: readonly { schedule: readonly StepLike[] }[]): number[] | null {
  if (!Number.isInteger(rounds) || rounds < 1) return null;
  const steps = arms.length === 1 ? [...(arms[0]?.schedule ?? [])].sort((a, b) => a.fromRound - b.fromRound) : [];
  if (steps.length !== 2 || steps.some((st) => !Number.isInteger(st.fromRound))) return [rounds];
  const split = steps[1]?.fromRound ?? 1;
  if (split <= 1 || split > rounds) return [rounds];
  return [split - 1, rounds - split + 1];
}
