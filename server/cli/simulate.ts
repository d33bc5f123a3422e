// npm run simulate -- --preset <id> --regions 3|4 --classes N --seed S --bots adaptive [--out log.json]
// Plays whole sessions with bots and prints the docs/rules.md section 9 metrics per arm and treatment period.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { SessionConfigSchema, type SessionConfig } from '../../shared/model/config.js';
import { BOT_STRATEGIES, SWITCHABLE_TREATMENTS, type BotStrategy, type Treatment } from '../../shared/model/ids.js';
import { CLASS_PLANS, findClassPlan } from '../../shared/model/presets.js';
import { aggregate, type PeriodSummary, type WorldHistory } from '../../shared/model/sim/aggregate.js';
import { simulateSession, simulatedLog } from '../../shared/model/sim/simulate.js';
import { regionIds } from '../../shared/model/world.js';
import { UsageError, intOption, parseArgs, runCli } from './args.js';
import { fmt, formatTable } from './table.js';

const HELP = `Plays Promotion Race sessions with bots and prints the debrief metrics.

  --preset <id>       class plan (default simulator-6-6): ${CLASS_PLANS.map((p) => p.id).join(', ')}
  --regions 3|4       map size (single-centre map unless the plan says otherwise; default 3)
  --classes N         number of classes (sessions) to play (default 40)
  --seed S            base seed; class c plays seed "S-c" (default "sim")
  --bots <strategy>   ${BOT_STRATEGIES.join(' | ')} (default adaptive)
  --reforms X,Y       replace the plan's reform step with these reforms (e.g. D2 or A,B,D1,D2,D3,E)
  --each-reform       also run the plan with each reform alone (and C as a map) and print one table
  --out file.json     write the section-11 log of class 0 (file-<c>.json for every class with --all-logs)
  --all-logs          with --out, write every class's log
`;

interface RunResult {
  label: string;
  periods: PeriodSummary[];
}

function configFor(preset: string, regions: number, reforms: Treatment[] | null): SessionConfig {
  const plan = findClassPlan(preset);
  if (!plan)
    throw new UsageError(`unknown preset "${preset}"; choose one of ${CLASS_PLANS.map((p) => p.id).join(', ')}`);
  const input = structuredClone(plan.config);
  input.map = `${regions}-single`;
  if (reforms) {
    input.arms = (input.arms ?? []).map((arm) => ({
      ...arm,
      schedule: arm.schedule.map((step, k) => (k === 0 ? step : { ...step, treatments: reforms })),
    }));
  }
  const parsed = SessionConfigSchema.safeParse(input);
  if (!parsed.success) throw new UsageError(`invalid config: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

function run(
  cfg: SessionConfig,
  classes: number,
  seed: string,
  bots: BotStrategy,
  label: string,
  onClass?: (c: number, log: unknown) => void,
): RunResult {
  const worlds: WorldHistory[] = [];
  for (let c = 0; c < classes; c++) {
    const session = simulateSession(cfg, `${seed}-${c}`, bots);
    worlds.push(...session.worlds.map((w) => ({ arm: w.arm, regionOrder: regionIds(cfg, w), history: w.history })));
    onClass?.(c, simulatedLog(cfg, session));
  }
  return { label, periods: aggregate(worlds) };
}

function periodRows(cfg: SessionConfig, result: RunResult): string[][] {
  return result.periods.map((p) => [
    result.label || cfg.arms[p.arm]?.name || `arm ${p.arm}`,
    `${p.fromRound}-${p.toRound}`,
    p.treatments.length ? p.treatments.join(' ') : 'baseline',
    fmt(p.cooperation),
    fmt(p.effectiveCooperation),
    fmt(p.breachRate),
    fmt(p.detectionRate),
    fmt(p.duplicateShare),
    fmt(p.similarity),
    fmt(p.linksBlocked),
    fmt(p.tradeSegmentation),
    fmt(p.welfareRatio, 3),
    fmt(p.gini, 3),
    fmt(p.loseLoseMovesPerRound),
    Object.entries(p.promoted)
      .sort((a, b) => b[1] - a[1])
      .map(([r, n]) => `${r}:${n}`)
      .join(' '),
  ]);
}

const HEADER = [
  'arm',
  'rounds',
  'treatments',
  'coop',
  'effective',
  'breach',
  'detect',
  'dup',
  'similar',
  'blocked',
  'tradeSeg',
  'W/bench',
  'gini',
  'loseLose',
  'promoted',
];

runCli(() => {
  const args = parseArgs(
    process.argv.slice(2),
    ['preset', 'regions', 'classes', 'seed', 'bots', 'reforms', 'out'],
    ['each-reform', 'all-logs', 'help'],
  );
  if (args.flags.has('help')) {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.positional.length > 0) throw new UsageError(`unexpected argument ${args.positional[0]}`);
  const preset = args.options.get('preset') ?? 'simulator-6-6';
  const regions = intOption(args, 'regions', 3, 3, 4);
  const classes = intOption(args, 'classes', 40, 1, 10000);
  const seed = args.options.get('seed') ?? 'sim';
  const botsParsed = z.enum(BOT_STRATEGIES).safeParse(args.options.get('bots') ?? 'adaptive');
  if (!botsParsed.success) throw new UsageError(`--bots must be one of ${BOT_STRATEGIES.join(', ')}`);
  const bots: BotStrategy = botsParsed.data;
  const reformsRaw = args.options.get('reforms');
  const reforms =
    reformsRaw === undefined
      ? null
      : reformsRaw
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean);
  const switchable = z.enum(SWITCHABLE_TREATMENTS);
  const treatments: Treatment[] | null =
    reforms?.map((t) => {
      const r = switchable.safeParse(t);
      if (!r.success) throw new UsageError(`unknown reform ${t}; use ${SWITCHABLE_TREATMENTS.join(', ')}`);
      return r.data;
    }) ?? null;

  const cfg = configFor(preset, regions, treatments);
  const out = args.options.get('out');
  const writeLog = (c: number, log: unknown) => {
    if (!out) return;
    if (c > 0 && !args.flags.has('all-logs')) return;
    const file = args.flags.has('all-logs') ? out.replace(/(\.json)?$/, `-${c}.json`) : out;
    writeFileSync(file, JSON.stringify(log, null, 1));
  };
  const started = performance.now();
  const results = [run(cfg, classes, seed, bots, '', writeLog)];
  if (args.flags.has('each-reform')) {
    for (const t of SWITCHABLE_TREATMENTS)
      results.push(run(configFor(preset, regions, [t]), classes, seed, bots, `${t} alone`));
    const mapCfg = SessionConfigSchema.parse({
      ...configFor(preset, regions, null),
      arms: [{ name: 'C (multi-centre map) throughout', schedule: [{ fromRound: 1, treatments: ['C'] }] }],
    });
    results.push(run(mapCfg, classes, seed, bots, 'C alone (map)'));
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `Promotion Race simulator: preset ${preset}, ${regions} regions, ${classes} classes, ${bots} bots, seed "${seed}"\n\n`,
  );
  process.stdout.write(
    formatTable(
      HEADER,
      results.flatMap((r) => periodRows(cfg, r)),
    ) + '\n\n',
  );
  process.stdout.write(
    'coop: linked pairs with a signed agreement; effective: ... all honoured; breach: breaches / (2 x signed);\n',
  );
  process.stdout.write(
    'dup: investments outside the strength sector; blocked: blocked directions of linked pairs; W/bench: welfare / benchmark.\n',
  );
  process.stdout.write(
    `${results.reduce((s, r) => s + r.periods.reduce((t, p) => t + p.rounds, 0), 0)} world-rounds in ${seconds.toFixed(1)} s\n`,
  );
  if (out)
    process.stdout.write(
      `log written to ${args.flags.has('all-logs') ? out.replace(/(\.json)?$/, '-<c>.json') : out}\n`,
    );
  return 0;
});
