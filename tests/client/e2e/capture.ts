// Screens as test artefacts: a full-page screenshot at 1280x720 and at 390x844 (test-artifacts/screenshots, git-ignored),
// each checked for real content (expected text visible, a PNG that is not blank, no sideways page overflow) and
// scanned with axe-core (no serious or critical violations).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { BIG_SCREEN, LAPTOP, PHONE, ROOT, sleep, type Viewport } from './harness.js';
import { blankReason, pngStats } from './png.js';

export const SHOTS_DIR = join(ROOT, 'test-artifacts/screenshots');
// Evaluated rather than added as a <script> tag: the game's Content-Security-Policy (script-src 'self') stays on.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export interface ScreenReport {
  name: string;
  files: string[];
  /** Serious or critical axe violations, per viewport. */
  violations: { viewport: string; list: AxeViolation[] }[];
  /** Problems found besides axe (blank screenshot, overflow), per viewport. */
  problems: string[];
}

/** Every screen captured by this test file, for the final assertions and the report. */
export const captured: ScreenReport[] = [];

// Runs in the page (a string, so that the Node type check needs no DOM types).
const AXE_RUN = `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
  .filter((v) => v.impact === 'serious' || v.impact === 'critical')
  .map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.slice(0, 5).map((n) => String(n.target)) })))`;

const OVERFLOW = `(() => {
  const doc = document.documentElement;
  return doc.scrollWidth - doc.clientWidth;
})()`;

/** Visible text smaller than `min` px: "tag.class: size" for each element holding such text directly. */
const smallText = (min: number) => `(() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    if (!own || el.closest('[hidden], .visually-hidden, svg')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < ${min}) out.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ': ' + size + 'px');
  }
  return [...new Set(out)].slice(0, 8);
})()`;

export async function axeScan(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  return (await page.evaluate(AXE_RUN)) as AxeViolation[];
}

export interface CaptureOptions {
  /** Locators that must be visible at both sizes (expected text or elements). */
  expect: (page: Page) => Locator[];
  /** Restore this viewport afterwards (default: the page's current one). */
  restore?: Viewport;
  /** Extra wait after a resize (the Phaser board re-fits on resize). */
  settleMs?: number;
  /** The viewports to capture (default: laptop and phone). */
  sizes?: readonly Viewport[];
  /** Report visible text smaller than this many px (the projector: 14). */
  minFontPx?: number;
}

/**
 * Screenshots a screen at both sizes with content checks and an axe scan. Assertions are collected (see
 * `captured`) so that one failing screen does not hide the others; the test asserts them at the end.
 */
export async function captureScreen(page: Page, name: string, opts: CaptureOptions): Promise<ScreenReport> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const original = opts.restore ?? page.viewportSize() ?? LAPTOP;
  const report: ScreenReport = { name, files: [], violations: [], problems: [] };
  for (const vp of opts.sizes ?? [LAPTOP, PHONE]) {
    const size = `${vp.width}x${vp.height}`;
    await page.setViewportSize(vp);
    await sleep(opts.settleMs ?? 150);
    for (const loc of opts.expect(page)) {
      try {
        await loc.first().waitFor({ state: 'visible', timeout: 5000 });
      } catch {
        report.problems.push(`${size}: expected content not visible: ${loc.toString()}`);
      }
    }
    await page.evaluate('window.scrollTo(0, 0)');
    const png = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
    const file = `${name}-${size}.png`;
    writeFileSync(join(SHOTS_DIR, file), png);
    report.files.push(file);
    const blank = blankReason(pngStats(png));
    if (blank) report.problems.push(`${size}: screenshot looks blank (${blank})`);
    const overflow = (await page.evaluate(OVERFLOW)) as number;
    if (overflow > 1) report.problems.push(`${size}: the page scrolls sideways by ${overflow}px`);
    if (opts.minFontPx !== undefined) {
      const small = (await page.evaluate(smallText(opts.minFontPx))) as string[];
      if (small.length > 0) report.problems.push(`${size}: text under ${opts.minFontPx}px: ${small.join('; ')}`);
    }
    const list = await axeScan(page);
    if (list.length > 0) report.violations.push({ viewport: size, list });
  }
  await page.setViewportSize(original);
  captured.push(report);
  return report;
}

/** One line per problem of every captured screen (empty when all are fine). */
export function captureProblems(): string[] {
  return captured.flatMap((r) => [
    ...r.problems.map((p) => `${r.name} ${p}`),
    ...r.violations.flatMap((v) =>
      v.list.map((x) => `${r.name} ${v.viewport}: axe ${x.impact} ${x.id} (${x.help}) at ${x.targets.join(', ')}`),
    ),
  ]);
}

/**
 * The page does not scroll, either way, at each size (the big screen at 1280x720 and 1920x1080 by default); the
 * viewport is 1280x720 afterwards.
 */
export async function fitsScreen(page: Page, what: string, sizes: readonly Viewport[] = BIG_SCREEN): Promise<void> {
  const over = `(() => { const d = document.documentElement;
    return [d.scrollWidth - d.clientWidth, d.scrollHeight - d.clientHeight]; })()`;
  for (const vp of sizes) {
    await page.setViewportSize(vp);
    await expect
      .poll(() => page.evaluate(over), { message: `${what} scrolls at ${vp.width}x${vp.height}` })
      .toEqual([0, 0]);
  }
  await page.setViewportSize(LAPTOP);
}
