// Browser test harness: a real game server in-process (fresh SQLite directory, the built client from dist/client),
// one headless Chromium per test file and one browser context per person, console errors collected per page
// (known noise filtered), command acks read from the page's websocket frames, and clicks on the Phaser map.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type WebSocketRoute } from 'playwright-core';
import { EnvSchema } from '../../../server/config.js';
import { startServer, type GameServer } from '../../../server/server.js';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const LAPTOP = { width: 1280, height: 720 } as const;
export const PHONE = { width: 390, height: 844 } as const;
export const FULL_HD = { width: 1920, height: 1080 } as const;
/** The projector's two screen sizes. */
export const BIG_SCREEN = [LAPTOP, FULL_HD] as const;
export type Viewport = { width: number; height: number };

/**
 * Map boards redraw at about 10 frames a second in these tests: with software WebGL on two cores, five or six
 * boards at 60 frames a second would take most of the CPU. Animations are time-based, so they still play.
 */
const THROTTLE_FRAMES = `(() => {
  const raf = window.requestAnimationFrame.bind(window);
  const caf = window.cancelAnimationFrame.bind(window);
  const pending = new Map();
  let next = 1;
  window.requestAnimationFrame = (cb) => {
    const id = next++;
    const entry = { timeout: 0, frame: 0 };
    entry.timeout = setTimeout(() => { entry.frame = raf((ts) => { pending.delete(id); cb(ts); }); }, 90);
    pending.set(id, entry);
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    const entry = pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timeout);
    if (entry.frame) caf(entry.frame);
    pending.delete(id);
  };
})();`;

const NOISE = [/GPU stall due to ReadPixels/i, /favicon/i, /Automatic fallback to software WebGL/i];

/**
 * Builds the client when dist/client is missing (npm test builds it before vitest). Test files run in parallel
 * processes: the first takes a lock directory and builds, the others wait for it.
 */
export async function ensureBuilt(): Promise<void> {
  const index = join(ROOT, 'dist/client/index.html');
  if (existsSync(index)) return;
  const lock = join(
    tmpdir(),
    `promotion-race-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`,
  );
  const end = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another process builds (or one died while building: a lock older than 3 minutes is taken over).
      if (existsSync(index) && !existsSync(lock)) return;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 180_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > end) throw new Error('timed out waiting for another test process to build the client');
      await sleep(250);
    }
  }
  try {
    if (!existsSync(index)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface User {
  label: string;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, noise removed. */
  errors: string[];
  /** Command acks seen on the page's sockets, in order, with the payload the command carried. */
  acks: { event: string; ok: boolean; payload: string }[];
}

export interface E2E {
  url: string;
  server: GameServer;
  /** A temporary directory of this test file (the server's data lives here too); removed at close. */
  dataDir: string;
  browser: Browser;
  users: User[];
  newUser(label: string, viewport?: Viewport): Promise<User>;
  /** Every unexpected console error so far, labelled with its user. */
  errors(): string[];
  close(): Promise<void>;
}

function watch(page: Page, user: User): void {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (!NOISE.some((re) => re.test(text))) user.errors.push(text);
  });
  page.on('pageerror', (err) => user.errors.push(`uncaught: ${err.message}`));
  // Socket.IO frames: 42<id>["event",...] out, 43<id>[ack] back; ids count per socket.
  page.on('websocket', (ws) => {
    const sent = new Map<string, { event: string; payload: string }>();
    ws.on('framesent', ({ payload }) => {
      const m = /^42(\d+)\["([^"]+)",(.*)\]$/s.exec(String(payload));
      if (m?.[1] && m[2]) sent.set(m[1], { event: m[2], payload: m[3] ?? '' });
    });
    ws.on('framereceived', ({ payload }) => {
      const m = /^43(\d+)\[/.exec(String(payload));
      const command = m?.[1] ? sent.get(m[1]) : undefined;
      if (command) user.acks.push({ ...command, ok: String(payload).includes('"ok":true') });
    });
  });
}

export async function startE2E(): Promise<E2E> {
  await ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'pr-e2e-'));
  const server = await startServer({
    env: EnvSchema.parse({
      PORT: 0,
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      BROADCAST_MS: 50,
      CLIENT_DIR: join(ROOT, 'dist/client'),
    }),
  });
  // Playwright gives the browser a fresh temporary profile (user data directory) of its own.
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const users: User[] = [];
  return {
    url: server.url,
    server,
    dataDir,
    browser,
    users,
    async newUser(label, viewport = LAPTOP) {
      const context = await browser.newContext({
        viewport,
        baseURL: server.url,
        acceptDownloads: true,
        locale: 'en-GB',
      });
      context.setDefaultTimeout(15_000);
      await context.addInitScript({ content: THROTTLE_FRAMES });
      const page = await context.newPage();
      const user: User = { label, context, page, errors: [], acks: [] };
      watch(page, user);
      users.push(user);
      return user;
    },
    errors: () => users.flatMap((u) => u.errors.map((e) => `${u.label}: ${e}`)),
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits for an accepted ack of `event` after the first `since` acks (take user.acks.length before acting),
 * optionally for a command whose payload passes `match`.
 */
export async function waitForAck(
  user: User,
  event: string,
  since: number,
  match: (payload: string) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (user.acks.slice(since).some((a) => a.event === event && a.ok && match(a.payload))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `${user.label}: no accepted ${event} ack within ${timeoutMs} ms (acks: ${JSON.stringify(user.acks.slice(since))})`,
  );
}

export interface NetworkSwitch {
  /** Drops the page's game connection and refuses new ones (the page shows that it is reconnecting). */
  cut(): Promise<void>;
  /** Lets the page connect again (Socket.IO retries by itself). */
  restore(): void;
}

/** Routes a page's Socket.IO traffic through the test so that its connection can be cut; call before goto. */
export async function networkSwitch(user: User): Promise<NetworkSwitch> {
  let down = false;
  const open = new Set<WebSocketRoute>();
  await user.page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (down) return void ws.close({ code: 1001, reason: 'test: network down' });
    ws.connectToServer();
    open.add(ws);
    ws.onClose(() => void open.delete(ws));
  });
  // The long-polling fallback too.
  await user.page.route('**/socket.io/**', (route) => (down ? route.abort('internetdisconnected') : route.continue()));
  return {
    async cut() {
      down = true;
      for (const ws of [...open]) await ws.close({ code: 1001, reason: 'test: network down' });
      open.clear();
    },
    restore() {
      down = false;
    },
  };
}

/**
 * Polls an expression in the page until it is true. (page.waitForFunction with a string needs eval, which the
 * game's Content-Security-Policy forbids; page.evaluate does not.)
 */
export async function waitForTrue(page: Page, expression: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if ((await page.evaluate(expression)) === true) return;
    await sleep(100);
  }
  throw new Error(`still false after ${timeoutMs} ms: ${expression}`);
}

interface BoardInfo {
  width: number;
  height: number;
  regions: { id: string; x: number; y: number }[];
}

/** Clicks a region on the Phaser map: canvas box × (CSS size / board size), from window.__prBoard. */
export async function clickRegion(page: Page, region: string): Promise<void> {
  await waitForTrue(page, '(window.__prBoard?.regions.length ?? 0) > 0');
  const board = (await page.evaluate('window.__prBoard')) as BoardInfo;
  const spot = board.regions.find((r) => r.id === region);
  if (!spot) throw new Error(`region ${region} is not on the board`);
  const canvas = page.locator('[data-testid=board] canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the board canvas is not visible');
  await page.mouse.click(box.x + (spot.x * box.width) / board.width, box.y + (spot.y * box.height) / board.height);
}

/** The countdown of a page in seconds (the first timer on it); null when it shows no time. */
export async function timerSeconds(page: Page): Promise<number | null> {
  const text = (await page.locator('[data-testid=timer]').first().textContent()) ?? '';
  const m = /^(\d+):(\d\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
