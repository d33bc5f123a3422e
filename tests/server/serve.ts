// How `npm run serve` (and so `npm start`) runs the server: node's arguments are read from package.json, so that the
// tests and benchmarks that start server/main.ts run it exactly as it is deployed (its V8 settings included).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const PackageSchema = z.object({ scripts: z.object({ serve: z.string() }) });

/** The arguments after `node` in the `serve` script of the package.json in `root`. */
export function serveArgs(root: string): string[] {
  const pkg = PackageSchema.parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  const [node, ...args] = pkg.scripts.serve.trim().split(/\s+/);
  if (node !== 'node') throw new Error(`the serve script must start with node: ${pkg.scripts.serve}`);
  return args;
}
