// npm run bench:client: gzipped size of every built client asset, and the time from opening the join link to an
// interactive board in headless Chromium on localhost (median of several runs). Prints figures; never fails on time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { EnvSchema } from '../../server/config.js';
import { startServer } from '../../server/server.js';
import { waitForTrue } from './client/page.js';
import { printPhaseChanges, projectorPhaseChanges } from './client/projector.js';

const DIST = 'dist/client';
/** Join runs (`--projector-only` skips them, to measure the projector alone). */
const RUNS = process.argv.includes('--projector-only') ? 0 : 7;

function assetSizes(): { file: string; raw: number; gz: number }[] {
  const dir = join(DIST, 'assets');
  return readdirSync(dir)
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => {
      const buf = readFileSync(join(dir, f));
      return { file: f, raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
    })
    .sort((a, b) => b.gz - a.gz);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

if (!existsSync(join(DIST, 'index.html')) || process.argv.includes('--build')) {
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}
const sizes = assetSizes();
console.log('Built assets (gzip -9):');
for (const s of sizes) console.log(`  ${s.file.padEnd(36)} ${kb(s.raw).padStart(10)} raw ${kb(s.gz).padStart(10)} gz`);
const js = sizes.filter((s) => s.file.endsWith('.js'));
console.log(`  total JavaScript: ${kb(js.reduce((t, s) => t + s.gz, 0))} gz`);
const gzOf = new Map(js.map((s) => [s.file, s.gz]));
/** The JavaScript a page asked for, by asset file name. */
function recordScripts(page: Page): Set<string> {
  const files = new Set<string>();
  page.on('request', (req) => {
    const m = /\/assets\/([^/?#]+\.js)/.exec(req.url());
    if (m?.[1]) files.add(m[1]);
  });
  return files;
}

const server = await startServer({
  env: EnvSchema.parse({
    PORT: 0,
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'pr-bench-client-')),
    LOG_LEVEL: 'warn',
  }),
});
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ],
});
try {
  const created = (await (
    await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"preset":"quick-demo"}',
    })
  ).json()) as { code: string };
  const times: number[] = [];
  const joinTimes: number[] = [];
  let studentScripts = new Set<string>();
  for (let k = 0; k < RUNS; k++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    studentScripts = recordScripts(page);
    const t0 = Date.now();
    await page.goto(`${server.url}/join/${created.code}`);
    await page.fill('[data-testid=join-name]', `Bench ${k}`);
    joinTimes.push(Date.now() - t0);
    await page.click('[data-testid=join-submit]');
    // Polled with page.evaluate: waitForFunction with a string needs eval, which the game's CSP forbids.
    await waitForTrue(
      page,
      '(window.__prBoard?.regions.length ?? 0) > 0 && document.querySelector("canvas") !== null',
      30_000,
    );
    times.push(Date.now() - t0);
    await context.close();
  }
  if (RUNS > 0) printJoin(times, joinTimes, studentScripts);
  printPhaseChanges(await projectorPhaseChanges(server.url, browser));
} finally {
  await browser.close();
  await server.close();
}

function printJoin(times: number[], joinTimes: number[], studentScripts: Set<string>): void {
  const firstLoad = [...studentScripts].reduce((t, f) => t + (gzOf.get(f) ?? 0), 0);
  console.log(
    `\nA student's first load (the scripts the join page fetched up to an interactive board): ${kb(firstLoad)} gz in ${studentScripts.size} files (${[...studentScripts].sort().join(', ')})`,
  );
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(
    `\nJoin link -> interactive board (headless Chromium, localhost, cold cache, ${RUNS} runs): median ${median(times)} ms (min ${Math.min(...times)}, max ${Math.max(...times)}); of which join form ready: median ${median(joinTimes)} ms`,
  );
}
