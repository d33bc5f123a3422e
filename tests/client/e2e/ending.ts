// The end of the class in game.test.ts: the host ends the game, the console's Debrief tab shows the charts, and
// the JSON and CSV downloads work (the JSON log replays exactly; the zip holds the three tables).
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import { replay } from '../../../shared/model/replay.js';
import { captureScreen } from './capture.js';
import { confirm, en, hostPhase, phaseIs } from './actors.js';
import type { Class } from './rounds.js';

/** End the game from the console (behind a confirmation): every screen says the game is over. */
export async function endGame(cls: Class): Promise<void> {
  await cls.host.page.locator('[data-testid=end-game]').click();
  await confirm(cls.host.page);
  await hostPhase(cls.host.page, 'ended');
  for (const u of [...cls.students.values(), cls.projector]) await phaseIs(u.page, 'ended');
  const page = [...cls.students.values()][0]?.page;
  if (page) {
    await page.locator('[data-testid=ended]').waitFor();
    await captureScreen(page, 'student-ended', {
      expect: (p) => [p.getByRole('heading', { name: en('status.ended') }), p.locator('[data-testid=results]')],
      settleMs: 400,
    });
  }
}

/** The Debrief tab (selected by itself once the game ended) shows SVG charts. */
export async function debriefCharts(cls: Class): Promise<void> {
  const host = cls.host.page;
  await host.locator('[data-testid=tab-debrief][aria-selected=true]').waitFor();
  const charts = host.locator('[data-testid=debrief] figure svg[role=img]');
  await charts.first().waitFor();
  expect(await charts.count()).toBeGreaterThanOrEqual(4);
  // Each chart has lines or bars for the two rounds played, not an empty frame.
  expect(
    await host
      .locator('[data-testid=debrief] figure svg')
      .first()
      .locator('path, rect, circle, polyline, line')
      .count(),
  ).toBeGreaterThan(3);
  await captureScreen(host, 'host-debrief', {
    expect: (p) => [p.locator('[data-testid=downloads]'), p.locator('[data-testid=debrief] figure').first()],
  });
}

/** Downloads the file behind a console button (a real browser download). */
async function download(cls: Class, testid: string): Promise<{ name: string; data: Buffer }> {
  const [file] = await Promise.all([
    cls.host.page.waitForEvent('download'),
    cls.host.page.locator(`[data-testid=${testid}]`).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), data: readFileSync(path) };
}

export async function downloads(cls: Class): Promise<unknown> {
  const json = await download(cls, 'download-json');
  expect(json.name).toBe(`promotion-race-${cls.code}.json`);
  const log: unknown = JSON.parse(json.data.toString('utf8'));
  const checked = replay(log);
  expect(checked.report.problems).toEqual([]);
  expect(checked.report.ok).toBe(true);
  expect(checked.report.worlds.map((w) => w.rounds)).toEqual([2]);

  const zip = await download(cls, 'download-csv');
  expect(zip.name).toBe(`promotion-race-${cls.code}-csv.zip`);
  const files = unzipSync(new Uint8Array(zip.data));
  expect(Object.keys(files).sort()).toEqual(['agreements.csv', 'events.csv', 'rounds.csv']);
  const agreements = strFromU8(files['agreements.csv'] ?? new Uint8Array())
    .trim()
    .split('\n');
  // A header and the I-F joint project of round 1.
  expect(agreements.length).toBeGreaterThanOrEqual(2);
  expect(agreements.slice(1).join('\n')).toMatch(/\bI\b.*\bF\b|\bF\b.*\bI\b/);
  const rounds = strFromU8(files['rounds.csv'] ?? new Uint8Array())
    .trim()
    .split('\n');
  expect(rounds.length).toBeGreaterThan(2);
  await cls.host.page.locator('[data-testid=download-status]', { hasText: '✓' }).waitFor();
  return log;
}
