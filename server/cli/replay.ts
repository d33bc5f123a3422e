// npm run replay -- <log.json>: recomputes every round of a session log and says whether every figure matches.
import { readFileSync } from 'node:fs';
import { replay } from '../../shared/model/replay.js';
import { UsageError, parseArgs, runCli } from './args.js';
import { formatTable } from './table.js';

runCli(() => {
  const args = parseArgs(process.argv.slice(2), ['tolerance'], ['help']);
  if (args.flags.has('help') || args.positional.length !== 1) {
    if (!args.flags.has('help')) throw new UsageError('give exactly one log file: npm run replay -- <log.json>');
    process.stdout.write('npm run replay -- <log.json> [--tolerance 1e-9]\n');
    return 0;
  }
  const file = args.positional[0] as string;
  const tolerance = Number(args.options.get('tolerance') ?? 1e-9);
  if (!(tolerance > 0)) throw new UsageError('--tolerance must be a positive number');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { report } = replay(data, tolerance);
  if (report.error) {
    process.stderr.write(`${file}: ${report.error}\n`);
    return 1;
  }
  process.stdout.write(
    formatTable(
      ['world', 'rounds', 'figures checked', 'max relative error'],
      report.worlds.map((w) => [
        String(w.index),
        String(w.rounds),
        String(w.figures),
        w.maxRelativeError.toExponential(2),
      ]),
    ) + '\n',
  );
  if (report.ok && report.worlds.length === 0) {
    process.stdout.write(`OK: ${file} is a valid log of a session that never started (no rounds to recompute).\n`);
    return 0;
  }
  if (report.ok) {
    process.stdout.write(`OK: every figure, draw and state in ${file} matches the rules (tolerance ${tolerance}).\n`);
    return 0;
  }
  process.stdout.write(
    `MISMATCH: ${report.problems.length}${report.problems.length >= 200 ? '+' : ''} differences in ${file}:\n`,
  );
  for (const p of report.problems.slice(0, 50))
    process.stdout.write(`  world ${p.world}${p.round !== null ? ` round ${p.round}` : ''}: ${p.what}\n`);
  return 1;
});
