// A tiny, strict command-line parser: `--name value` and `--flag`, with clear errors instead of stack traces.

export class UsageError extends Error {}

export interface ParsedArgs {
  options: Map<string, string>;
  flags: Set<string>;
  positional: string[];
}

export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  flags: readonly string[] = [],
): ParsedArgs {
  const out: ParsedArgs = { options: new Map(), flags: new Set(), positional: [] };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k] as string;
    if (!arg.startsWith('--')) {
      out.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (flags.includes(name)) {
      out.flags.add(name);
    } else if (valued.includes(name)) {
      const value = inline ?? argv[++k];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      out.options.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return out;
}

export function intOption(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min || v > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return v;
}

/** Runs a CLI body, turning usage and other errors into one line on stderr and a non-zero exit. */
export function runCli(body: () => Promise<number> | number): void {
  Promise.resolve()
    .then(body)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      const msg = e instanceof Error ? e.message : String(e);
      process.stderr.write(`${e instanceof UsageError ? 'usage error' : 'error'}: ${msg}\n`);
      process.exitCode = 2;
    });
}
