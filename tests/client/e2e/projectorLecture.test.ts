// The projector of a 300-student lecture (75 worlds of 4 regions) at 1280x720 and 1920x1080: every stage (lobby,
// briefing, negotiate, decide, results at each step, the "New rules" card, the end of the game) fits the screen without scrolling either way, with no text under 14 px. The world on show is picked in a
// compact selector (not one button per world) and the side says how the whole class is doing. Captured, checked for
// overflow and axe.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SWITCHABLE_TREATMENTS } from '../../../shared/model/ids.js';
import type { CreateSessionReply } from '../../../shared/protocol/http.js';
import { connect, createSession, joinHttp, slowConfig, type TestClient } from '../../server/helpers.js';
import { en, zh } from './actors.js';
import { captureProblems, captureScreen } from './capture.js';
import { LAPTOP, startE2E, waitForTrue, type E2E, type User } from './harness.js';

const FULL_HD = { width: 1920, height: 1080 };
const STAGE = [LAPTOP, FULL_HD];
const WORLDS = 75;
const STUDENTS = 300;

let e2e: E2E;
let host: TestClient;
let projector: User;
let session: CreateSessionReply;

beforeAll(async () => {
  e2e = await startE2E();
  session = await createSession(e2e.url, {
    config: slowConfig({
      rounds: 2,
      worlds: { count: WORLDS, maxSeatsPerRegion: 1 },
      // Round 2 switches every reform on: round 1 ends a term (a promotion) and round 2 opens with "New rules".
      arms: [
        {
          name: 'Lecture',
          schedule: [
            { fromRound: 1, treatments: [] },
            { fromRound: 2, treatments: [...SWITCHABLE_TREATMENTS] },
          ],
        },
      ],
    }),
  });
  for (let k = 0; k < STUDENTS; k += 25)
    await Promise.all(
      Array.from({ length: Math.min(25, STUDENTS - k) }, (_, i) => joinHttp(e2e.url, session.code, `L${k + i + 1}`)),
    );
  host = await connect(e2e.url, { code: session.code, token: session.hostToken });
  projector = await e2e.newUser('projector', LAPTOP);
  await projector.page.goto(session.projectorUrl.replace(e2e.url, ''));
}, 120_000);

afterAll(async () => {
  host?.close();
  await e2e?.close();
});

const stage = (name: string) => projector.page.locator(`[data-testid=projector-${name}]`);

interface Fit {
  width: number;
  height: number;
  scrollWidth: number;
  scrollHeight: number;
}

const FIT = `(() => { const d = document.documentElement;
  return { width: d.clientWidth, height: d.clientHeight, scrollWidth: d.scrollWidth, scrollHeight: d.scrollHeight }; })()`;

/** Page heights measured, printed at the end (the report's figures). */
const heights: string[] = [];

/** The stage does not scroll either way at 1280x720 and 1920x1080. */
async function fitsScreen(what: string): Promise<void> {
  for (const vp of STAGE) {
    await projector.page.setViewportSize(vp);
    const label = `${what} at ${vp.width}x${vp.height}`;
    let fit: Fit | null = null;
    await expect
      .poll(
        async () => {
          fit = (await projector.page.evaluate(FIT)) as Fit;
          return fit.scrollHeight <= fit.height && fit.scrollWidth <= fit.width;
        },
        { message: `${label} scrolls` },
      )
      .toBe(true)
      .catch((e: unknown) => {
        heights.push(`${label}: ${JSON.stringify(fit)}`);
        throw e;
      });
    heights.push(`${label}: ${JSON.stringify(fit)}`);
  }
  await projector.page.setViewportSize(LAPTOP);
}

/** Fits the screen (no scrolling) and is captured at both sizes: no text under 14 px, no overflow, axe. */
async function checkStage(what: string, shot: string, expected: (p: Page) => Locator[], settleMs = 150): Promise<void> {
  await fitsScreen(what);
  await captureScreen(projector.page, `projector-lecture-${shot}`, {
    sizes: STAGE,
    minFontPx: 14,
    settleMs,
    expect: expected,
  });
}

async function endPhase(next: string): Promise<void> {
  await host.ok('host:endPhase');
  await projector.page.locator(`[data-testid=phase][data-phase=${next}]`).waitFor();
}

// A view of 75 worlds, scanned by axe at two sizes per stage, takes a while on two shared cores.
describe.sequential('the projector of a 300-student lecture', { timeout: 180_000 }, () => {
  it('lobby: the join code and names fit the screen', async () => {
    await stage('lobby').waitFor();
    await expect
      .poll(() => projector.page.locator('[data-testid=joined]').textContent())
      .toBe(en('projector.joinedN.other', { n: STUDENTS }));
    await checkStage('lobby', 'lobby', (p) => [
      p.locator('[data-testid=join-code]'),
      p.locator('[data-testid=joined-more]'),
    ]);
  });

  it('briefing fits', async () => {
    await host.ok('host:start');
    await stage('briefing').waitFor();
    await checkStage('briefing', 'briefing', (p) => [p.getByText(en('projector.rules.base2'))]);
  });

  it('negotiate: a compact world selector and the class at a glance; the stage fits', async () => {
    await endPhase('negotiate');
    await stage('negotiate').waitFor();
    const pick = projector.page.locator('[data-testid=projector-world-pick]');
    await expect.poll(() => pick.locator('option').count()).toBe(WORLDS);
    // One selector, not a button per world.
    expect(await projector.page.locator('[role=tab]').count()).toBe(0);
    await pick.selectOption('56');
    await expect
      .poll(() => projector.page.locator('[data-testid=projector-world]').textContent())
      .toContain(en('common.world', { world: 57 }));
    await projector.page.locator('[data-testid=class-progress]').waitFor();
    await checkStage(
      'negotiate',
      'negotiate',
      (p) => [p.locator('[data-testid=projector-world-pick]'), p.locator('[data-testid=negotiated]')],
      400,
    );
    // The worlds take turns by themselves, and the screen says so; the same in Chinese.
    const turns = projector.page.locator('[data-testid=world-turns]');
    expect(await turns.textContent()).toBe(en('projector.world.turns', { s: 20 }));
    await projector.page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => turns.textContent()).toBe(zh('projector.world.turns', { s: 20 }));
    // The stage is built again in Chinese; its new map draws Chinese names before the capture.
    await waitForTrue(
      projector.page,
      'window.__prBoard?.labels().some((l) => /[\\u4e00-\\u9fff]/.test(l.text)) === true',
    );
    await checkStage('negotiate in Chinese', 'negotiate-zh', (p) => [p.locator('[data-testid=class-progress]')], 400);
    await projector.page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => turns.textContent()).toBe(en('projector.world.turns', { s: 20 }));
  });

  it('decide fits', async () => {
    await endPhase('decide');
    await stage('decide').waitFor();
    await projector.page.locator('[data-testid=decided]').waitFor();
    await checkStage(
      'decide',
      'decide',
      (p) => [p.locator('[data-testid=decided]'), p.locator('[data-testid=class-progress]')],
      400,
    );
  });

  it('results fit at every step and say which world they are', async () => {
    await endPhase('results');
    await stage('results').waitFor();
    await projector.page.locator('[data-testid=reveal-deals]').waitFor();
    // The worlds do not take turns during the results (their reveal would start again); ‹ › step through them.
    expect(await projector.page.locator('[data-testid=world-turns]').count()).toBe(0);
    const shown = projector.page.locator('[data-testid=projector-world]');
    const before = await projector.page.locator('[data-testid=projector-world-pick]').inputValue();
    const next = en('common.world', { world: ((Number(before) + 1) % WORLDS) + 1 });
    await projector.page.getByRole('button', { name: en('projector.world.next') }).click();
    await expect.poll(() => shown.textContent()).toContain(next);
    await checkStage('results (deals)', 'results', (p) => [
      p.locator('[data-testid=reveal-deals]'),
      p.locator('[data-testid=projector-world]'),
    ]);
    for (const step of ['growth', 'output', 'board'] as const) {
      await projector.page.locator(`[data-testid=step-${step}]`).click();
      await projector.page.locator(`[data-testid=projector-results][data-step=${step}]`).waitFor();
      await fitsScreen(`results (${step})`);
    }
    await captureScreen(projector.page, 'projector-lecture-leaderboard', {
      sizes: STAGE,
      minFontPx: 14,
      expect: (p) => [p.locator('[data-testid=leaderboard]'), p.locator('[data-testid=projector-world]')],
    });
  });

  it('the "New rules" card fits', async () => {
    await endPhase('briefing');
    await stage('new-rules').waitFor();
    await checkStage('new rules', 'new-rules', (p) => [
      p.getByRole('heading', { name: en('projector.rules.newTitle', { n: 2 }) }),
    ]);
  });

  it('the end of the game fits', async () => {
    await host.ok('host:endGame');
    await stage('ended').waitFor();
    await checkStage('end of game', 'ended', (p) => [
      p.locator('[data-testid=podium] li').first(),
      p.locator('[data-testid=class-summary]'),
    ]);
  });

  it('every stage fits, has no text under 14 px and no serious accessibility problems', () => {
    console.log(`projector page sizes, ${WORLDS} worlds:\n${heights.join('\n')}`);
    expect(captureProblems()).toEqual([]);
    expect(e2e.errors()).toEqual([]);
  });
});
