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

const DIST = 'dist/client';
const RUNS = 7;

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
/** Polls an expression in the page until it is true. */
async function waitForTrue(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if ((await page.evaluate(expression)) === true) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`still false after ${timeoutMs} ms: ${expression}`);
}

const sizes = assetSizes();
console.log('Built assets (gzip -9):');
for (const s of sizes) console.log(`  ${s.file.padEnd(36)} ${kb(s.raw).padStart(10)} raw ${kb(s.gz).padStart(10)} gz`);
const js = sizes.filter((s) => s.file.endsWith('.js'));
console.log(
  `  total JavaScript: ${kb(js.reduce((t, s) => t + s.gz, 0))} gz; first load of a student (all but host/debrief/projector chunks): ${kb(js.filter((s) => !/^(host|debrief|projector)/.test(s.file)).reduce((t, s) => t + s.gz, 0))} gz`,
);

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
  for (let k = 0; k < RUNS; k++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
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
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(
    `\nJoin link -> interactive board (headless Chromium, localhost, cold cache, ${RUNS} runs): median ${median(times)} ms (min ${Math.min(...times)}, max ${Math.max(...times)}); of which join form ready: median ${median(joinTimes)} ms`,
  );
} finally {
  await browser.close();
  await server.close();
}
