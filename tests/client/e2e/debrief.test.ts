// The debrief as a class discusses it (issue 10): a saved log of 8 rounds (reforms from round 5, three worlds) opened
// at /debrief. Charts fill their width at 1366x768, 1280x720 and 1920x1080 with text of at least 14 px; periods are
// labelled with reform names; nothing overflows on a 390x844 phone; the printable report fits A4 (print media), with
// "Your class against the bots" in it; "Class vs bots" shows the class beside each bot strategy with numbers; once in
// Chinese. Screens captured and scanned with axe.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageKey } from '../../../shared/i18n/index.js';
import { parseConfig } from '../../../shared/model/config.js';
import { simulatedLog, simulateSession } from '../../../shared/model/sim/simulate.js';
import { en, zh } from './actors.js';
import { captureProblems, captureScreen } from './capture.js';
import { connect, createSession, slowConfig } from '../../server/helpers.js';
import { PHONE, startE2E, waitForTrue, type E2E, type User, type Viewport } from './harness.js';

const LAPTOP_1366 = { width: 1366, height: 768 } as const;
const PROJECTOR = { width: 1280, height: 720 } as const;
const PROJECTOR_HD = { width: 1920, height: 1080 } as const;
/** A4 between 12 mm margins (the report's @page): 186 mm at 96 px per inch. */
const A4_PRINTABLE_PX = Math.floor((186 / 25.4) * 96);
const REFORMS = ['A', 'B', 'D1', 'D2', 'D3', 'E'] as const;

let e2e: E2E;
let user: User;
let logFile: string;

beforeAll(async () => {
  e2e = await startE2E();
  const parsed = parseConfig({
    map: '4-single',
    rounds: 8,
    arms: [
      {
        name: 'Class',
        schedule: [
          { fromRound: 1, treatments: [] },
          { fromRound: 5, treatments: [...REFORMS] },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  // The "class": one competitive region per world among adaptive ones, so that it differs from every bot strategy.
  const session = simulateSession(
    parsed.value,
    'debrief-e2e',
    (_, region) => (region === 'C' ? 'competitive' : 'adaptive'),
    3,
  );
  logFile = join(e2e.dataDir, 'class-8-rounds.json');
  writeFileSync(logFile, JSON.stringify(simulatedLog(parsed.value, session, 'E2EDBF')));
  user = await e2e.newUser('instructor', LAPTOP_1366);
});

afterAll(async () => {
  await e2e?.close();
});

async function openLog(page: Page): Promise<void> {
  await page.goto('/debrief');
  await page.locator('[data-testid=debrief-files]').setInputFiles(logFile);
  await page.locator('[data-testid=debrief] figure svg[role=img]').first().waitFor();
}

/** Every chart drawn at the width it is shown (redrawn after a resize), within 2 px. */
const CHARTS_AT_WIDTH = `[...document.querySelectorAll('svg.dchart')].every((s) => {
  const w = s.getBoundingClientRect().width;
  return w > 0 && Math.abs(Number(s.getAttribute('width')) - w) <= 2;
})`;

interface ChartFit {
  /** Smallest ratio of a chart's width to its figure's width. */
  fill: number;
  /** The one-chart cooperation section: its chart's width over the section's content width. */
  single: number;
  /** Smallest rendered font size of chart text, in px. */
  minFont: number;
  count: number;
}

const CHART_FIT = `(() => {
  const figs = [...document.querySelectorAll('[data-testid=debrief] figure.dfigure')];
  const fill = Math.min(...figs.map((f) => f.querySelector('svg').getBoundingClientRect().width / f.getBoundingClientRect().width));
  const sec = document.querySelector('[data-section=cooperation]');
  const cs = getComputedStyle(sec);
  const inner = sec.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
  const single = sec.querySelector('figure svg').getBoundingClientRect().width / inner;
  let minFont = Infinity;
  for (const s of document.querySelectorAll('svg.dchart')) {
    const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
    for (const t of s.querySelectorAll('text')) minFont = Math.min(minFont, parseFloat(getComputedStyle(t).fontSize) * scale);
  }
  return { fill, single, minFont, count: figs.length };
})()`;

async function chartsAt(page: Page, vp: Viewport): Promise<ChartFit> {
  await page.setViewportSize(vp);
  await waitForTrue(page, CHARTS_AT_WIDTH);
  return (await page.evaluate(CHART_FIT)) as ChartFit;
}

const tab = (page: Page, key: MessageKey, t = en) => page.getByRole('tab', { name: t(key) });

describe.sequential('the debrief for a discussion', () => {
  it('charts fill their width and keep 14 px text at 1366x768, 1280x720 and 1920x1080', async () => {
    const page = user.page;
    await openLog(page);
    for (const vp of [LAPTOP_1366, PROJECTOR, PROJECTOR_HD]) {
      const fit = await chartsAt(page, vp);
      expect(fit.count, `${vp.width}`).toBeGreaterThanOrEqual(8);
      expect(fit.fill, `${vp.width}: chart/figure`).toBeGreaterThan(0.98);
      expect(fit.single, `${vp.width}: one chart/section`).toBeGreaterThan(0.97);
      expect(fit.minFont, `${vp.width}: smallest chart text`).toBeGreaterThanOrEqual(13.9);
      await captureScreen(page, `debrief-charts-${vp.width}`, {
        sizes: [vp],
        minFontPx: 14,
        expect: (p) => [p.locator('[data-section=cooperation] figure svg'), p.getByTestId('debrief-periods')],
      });
    }
  });

  it('labels the periods with reform names, not codes', async () => {
    const page = user.page;
    await page.setViewportSize(LAPTOP_1366);
    await waitForTrue(page, CHARTS_AT_WIDTH);
    const periods = (await page.getByTestId('debrief-periods').textContent()) ?? '';
    expect(periods).toContain(en('reform.baseline'));
    for (const r of REFORMS) expect(periods).toContain(en(`reform.${r}`));
    const bands = await page.locator('[data-section=cooperation] .band-label').allTextContents();
    expect(bands.join(' | ')).toContain(en('reform.baseline'));
    const reformBand = bands.find((b) => b !== en('reform.baseline')) ?? '';
    expect(reformBand).toContain(en('debrief.reformShort.A'));
    for (const b of bands) expect(b).not.toMatch(/\b(D1|D2|D3)\b|A B/);
    // The summary's columns and the timeline name the reforms too.
    await tab(page, 'debrief.tab.summary').click();
    await expect.poll(() => page.locator('.summary-table thead').textContent()).toContain(en('debrief.reformShort.D3'));
    await tab(page, 'debrief.tab.timeline').click();
    await expect
      .poll(() => page.locator('.timeline-table').first().textContent())
      .toContain(en('debrief.reformShort.E'));
  });

  it('on a 390x844 phone no tab overflows (tables scroll in their own box) and chart labels stay readable', async () => {
    const page = user.page;
    for (const [key, name] of [
      ['debrief.tab.charts', 'charts'],
      ['debrief.tab.summary', 'summary'],
      ['debrief.tab.bots', 'bots'],
      ['debrief.tab.map', 'map'],
      ['debrief.tab.timeline', 'timeline'],
    ] as const) {
      await page.setViewportSize(LAPTOP_1366);
      await tab(page, key).click();
      await page.setViewportSize(PHONE);
      if (name === 'charts') {
        await waitForTrue(page, CHARTS_AT_WIDTH);
        const fit = (await page.evaluate(CHART_FIT)) as ChartFit;
        expect(fit.fill).toBeGreaterThan(0.98);
        expect(fit.minFont).toBeGreaterThanOrEqual(11);
        // On a phone the reform period is named in fewer words, never cut to codes.
        const bands = await page.locator('[data-section=cooperation] .band-label').allTextContents();
        for (const b of bands) expect(b).not.toMatch(/\b(D1|D2|D3)\b/);
      }
      if (name === 'bots') await page.locator('[data-testid=bots-period]').first().waitFor({ timeout: 90_000 });
      const wide = (await page.evaluate(`[...document.querySelectorAll('[data-testid=debrief] *')]
        .filter((el) => !el.closest('.table-scroll') && el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((el) => el.tagName + '.' + el.className).slice(0, 5)`)) as string[];
      expect(wide, name).toEqual([]);
      await captureScreen(page, `debrief-${name}-phone`, {
        sizes: [PHONE],
        expect: (p) => [p.getByRole('tab', { name: en(key), selected: true })],
      });
    }
    await page.setViewportSize(LAPTOP_1366);
  });

  it('class vs bots: the class beside every bot strategy, per period, with numbers', async () => {
    const page = user.page;
    await tab(page, 'debrief.tab.bots').click();
    const cards = page.locator('[data-testid=bots-period]');
    await expect.poll(() => cards.count(), { timeout: 90_000 }).toBe(2);
    for (let i = 0; i < 2; i++) {
      const card = cards.nth(i);
      const rows = card.locator('tbody tr');
      const players: (string | null)[] = [];
      for (let k = 0; k < (await rows.count()); k++) players.push(await rows.nth(k).getAttribute('data-player'));
      expect(players).toEqual(['class', 'competitive', 'cooperative', 'opportunist', 'adaptive']);
      for (const text of await card.locator('tbody td .bar-value').allTextContents())
        expect(text).toMatch(/^[-−]?\d[\d.,]*%?$/);
      expect(await card.locator('.bots-verdict').textContent()).toMatch(/\d/);
    }
    expect(await cards.nth(0).locator('h4').textContent()).toContain(en('reform.baseline'));
    expect(await cards.nth(1).locator('h4').textContent()).toContain(en('reform.D2'));
    await captureScreen(page, 'debrief-bots', {
      sizes: [LAPTOP_1366, PROJECTOR_HD],
      minFontPx: 14,
      expect: (p) => [p.locator('[data-testid=bots-period]').first()],
    });
  });

  it('the printable report fits A4: no table or chart is wider than the printable width', async () => {
    const page = user.page;
    await tab(page, 'debrief.tab.charts').click();
    await page.getByRole('button', { name: en('debrief.report.open') }).click();
    const report = page.getByRole('dialog', { name: en('debrief.report.title') });
    await report.waitFor();
    // "Your class against the bots" is in the report: each period's table, the class first, then every strategy.
    await report.getByRole('heading', { name: en('debrief.bots.title') }).waitFor();
    const botPeriods = report.locator('[data-testid=bots-period]');
    await expect.poll(() => botPeriods.count(), { timeout: 90_000 }).toBe(2);
    for (const card of await botPeriods.all()) {
      expect(await card.locator('tbody tr').count()).toBe(5);
      expect(await card.locator('tbody tr').first().textContent()).toContain(en('debrief.bots.class'));
      expect(await card.locator('.bots-verdict').textContent()).toMatch(/\d/);
    }
    await captureScreen(page, 'debrief-report', {
      sizes: [LAPTOP_1366],
      expect: () => [report.getByRole('heading', { name: en('debrief.report.title') })],
    });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_PRINTABLE_PX, height: 1000 });
    const tooWide =
      (await page.evaluate(`[...document.querySelectorAll('.debrief-report table, .debrief-report svg, .debrief-report .dsection')]
      .filter((el) => el.getBoundingClientRect().right > ${A4_PRINTABLE_PX} + 1 || el.scrollWidth > el.getBoundingClientRect().width + 1)
      .map((el) => el.tagName + '.' + (el.getAttribute('class') ?? '') + ' ' + Math.round(el.getBoundingClientRect().right) + '/' + el.scrollWidth)`)) as string[];
    expect(tooWide).toEqual([]);
    expect(await page.locator('.debrief-report table').count()).toBeGreaterThanOrEqual(5);
    // Printed: the bots' tables are shown whole (every column's right edge on the page).
    const botsCut =
      (await page.evaluate(`[...document.querySelectorAll('.debrief-report .bots-table th, .debrief-report .bots-table td')]
      .filter((el) => el.getBoundingClientRect().width === 0 || el.getBoundingClientRect().right > ${A4_PRINTABLE_PX} + 1).length`)) as number;
    expect(botsCut).toBe(0);
    expect(await page.locator('.debrief-report .bots-table').count()).toBe(2);
    await captureScreen(page, 'debrief-report-print', {
      sizes: [{ width: A4_PRINTABLE_PX, height: 1000 }],
      restore: { width: A4_PRINTABLE_PX, height: 1000 },
      expect: () => [report.locator('.bots-table').first()],
    });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(LAPTOP_1366);
    await page.keyboard.press('Escape');
    await report.waitFor({ state: 'detached' });
  });

  it('in Chinese: reform names in the periods and the class against the bots', async () => {
    const reader = await e2e.newUser('instructor-zh', PROJECTOR);
    const page = reader.page;
    await page.goto('/debrief');
    await page.locator('[data-testid=lang-switch]').click();
    await page.locator('html[lang=zh-CN]').waitFor({ state: 'attached' });
    await page.locator('[data-testid=debrief-files]').setInputFiles(logFile);
    await page.locator('[data-testid=debrief] figure svg[role=img]').first().waitFor();
    const periods = (await page.getByTestId('debrief-periods').textContent()) ?? '';
    for (const r of REFORMS) expect(periods).toContain(zh(`reform.${r}`));
    const bands = await page.locator('[data-section=cooperation] .band-label').allTextContents();
    expect(bands.join('')).toContain(zh('debrief.reformShort.A'));
    await captureScreen(page, 'debrief-charts-zh', {
      sizes: [PROJECTOR, PHONE],
      expect: (p) => [p.getByTestId('debrief-periods')],
    });
    await page.getByRole('tab', { name: zh('debrief.tab.bots') }).click();
    const cards = page.locator('[data-testid=bots-period]');
    await expect.poll(() => cards.count(), { timeout: 90_000 }).toBe(2);
    expect(await cards.first().locator('tbody tr').first().textContent()).toContain(zh('debrief.bots.class'));
    expect(await cards.first().locator('tbody').textContent()).toContain(zh('debrief.bots.s.competitive'));
    expect(await cards.first().locator('.bots-verdict').textContent()).toMatch(/\d/);
    await captureScreen(page, 'debrief-bots-zh', {
      sizes: [PROJECTOR, PHONE],
      expect: (p) => [p.locator('[data-testid=bots-period]').first()],
    });
  });

  it('in the host console of a live session, the bots replay it with the seed from its export', async () => {
    const session = await createSession(e2e.url, { config: slowConfig({ rounds: 2, worlds: { count: 2 } }) });
    const host = await connect(e2e.url, { code: session.code, token: session.hostToken });
    try {
      await host.ok('host:start');
      // briefing -> negotiate -> decide -> results: round 1 is resolved (bots play every region).
      for (let k = 0; k < 3; k++) await host.ok('host:advance');
      const page = (await e2e.newUser('host-console', LAPTOP_1366)).page;
      await page.goto(session.hostUrl);
      await page.locator('[data-testid=tab-debrief]').click();
      await page.locator('[data-testid=debrief] figure svg[role=img]').first().waitFor();
      await tab(page, 'debrief.tab.bots').click();
      const card = page.locator('[data-testid=bots-period]');
      await card.first().waitFor({ timeout: 90_000 });
      expect(await card.count()).toBe(1);
      expect(await card.locator('tbody tr').count()).toBe(5);
      expect(await card.locator('.bots-verdict').textContent()).toMatch(/\d/);
      await captureScreen(page, 'host-debrief-bots', {
        sizes: [LAPTOP_1366, PHONE],
        expect: (p) => [p.locator('[data-testid=bots-period]').first()],
      });
    } finally {
      host.close();
    }
  });

  it('every screen has content and no serious accessibility problems; no console errors', () => {
    expect(captureProblems()).toEqual([]);
    expect(e2e.errors()).toEqual([]);
  });
});
