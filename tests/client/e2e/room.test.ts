// The instructor's room: a console at 1366x768 (and on a phone) that offers phones a LAN address, asks before
// switching reforms (saying the term ends) and ending a phase, and confirms each action in the card where it was
// taken; a projector at 1280x720 and 1920x1080 with a stage per phase (lobby with names, briefing, negotiate without
// "decided" counts, decide by region, results in steps, the "New rules" card in both languages, the podium), a
// pause banner over a readable stage, and a Chinese big screen. Every stage is captured, checked for overflow,
// text under 14 px on the projector, and axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionReply } from '../../../shared/protocol/http.js';
import { confirm, en, hostPhase, phaseIs } from './actors.js';
import { captureProblems, captureScreen, fitsScreen as fitsBigScreen } from './capture.js';
import { BIG_SCREEN, LAPTOP, PHONE, startE2E, type E2E, type User } from './harness.js';

const CONSOLE = { width: 1366, height: 768 };
const STAGE = BIG_SCREEN;

let e2e: E2E;
let host: User;
let projector: User;
let session: CreateSessionReply;

beforeAll(async () => {
  e2e = await startE2E();
  const res = await fetch(`${e2e.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"preset":"quick-demo"}',
  });
  session = (await res.json()) as CreateSessionReply;
  host = await e2e.newUser('host', CONSOLE);
  projector = await e2e.newUser('projector', LAPTOP);
});

afterAll(async () => {
  await e2e?.close();
});

const stage = (name: string) => projector.page.locator(`[data-testid=projector-${name}]`);

async function join(name: string): Promise<void> {
  const r = await fetch(`${e2e.url}/api/sessions/${session.code}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  expect(r.status).toBe(201);
}

async function endPhaseAsked(next: string): Promise<void> {
  await host.page.locator('[data-testid=endPhase]').click();
  await host.page.getByRole('dialog').getByText(en('host.flow.endPhase')).waitFor();
  await confirm(host.page);
  await hostPhase(host.page, next);
}

/**
 * The big screen does not scroll, either way, at 1280x720 and 1920x1080: a banner (pause) takes its height from the
 * stage instead of pushing the stage down.
 */
const fitsScreen = (what: string) => fitsBigScreen(projector.page, what);

describe.sequential('the instructor runs the room', () => {
  it('lobby: the console offers phones a network address; the projector lists names as they join', async () => {
    await host.page.goto(`/host/${session.code}#${session.hostToken}`);
    await host.page.locator('[data-testid=host-phase][data-phase=lobby]').waitFor();
    // Opened on 127.0.0.1: the join card explains what phones can open, and PUBLIC_URL.
    const note = host.page.locator('[data-testid=panel-game] [data-testid=phone-note]');
    await note.waitFor();
    expect(await note.textContent()).toContain('PUBLIC_URL');
    await projector.page.goto(session.projectorUrl.replace(e2e.url, ''));
    await stage('lobby').waitFor();
    for (const name of ['Ada', 'Bo', '李明']) await join(name);
    await expect
      .poll(() => projector.page.locator('[data-testid=joined-names] li').allTextContents())
      .toEqual(['李明', 'Bo', 'Ada']);
    await captureScreen(projector.page, 'projector-lobby-names', {
      sizes: STAGE,
      minFontPx: 14,
      expect: (p) => [p.getByText(en('projector.joinedN.other', { n: 3 })), p.locator('[data-testid=join-code]')],
    });
    await captureScreen(host.page, 'host-console-lobby', {
      sizes: [CONSOLE, PHONE],
      expect: (p) => [p.locator('[data-testid=panel-game] [data-testid=phone-note]'), p.locator('[data-testid=start]')],
    });
  });

  it('start, then switching reforms says the term ends and confirms what was applied, in its card', async () => {
    await host.page.locator('[data-testid=start]').click();
    await confirm(host.page);
    await hostPhase(host.page, 'briefing');
    // The briefing is 10 s: a minute more, confirmed in the flow card.
    await host.page.locator('[data-testid=add60]').click();
    await expect
      .poll(() => host.page.locator('[data-testid=action-feedback]').first().textContent())
      .toContain(en('host.flow.addLong', { n: 60 }));
    await stage('briefing').waitFor();
    await captureScreen(projector.page, 'projector-briefing', {
      sizes: STAGE,
      minFontPx: 14,
      expect: (p) => [p.getByText(en('projector.rules.base2'))],
    });
    // Round 2 switches every reform on (the plan); the instructor switches A off again for round 2, in the Reforms tab.
    await host.page.locator('[data-testid=tab-reforms]').click();
    await host.page.locator('[data-testid=next-A]').uncheck();
    await host.page.locator('[data-testid=apply-reforms]').click();
    const dialog = host.page.locator('[data-testid=confirm-dialog]');
    await expect.poll(() => dialog.textContent()).toContain('This ends the current term after round 1');
    // Said against the rules in force now (round 1, no reform): every reform but A comes on.
    const asked = (await dialog.textContent()) ?? '';
    expect(asked).toContain(en('reform.B'));
    expect(asked).not.toContain(en('reform.A'));
    await confirm(host.page);
    const feedback = host.page.locator('[data-testid=reforms-card] [data-testid=action-feedback]');
    await expect.poll(() => feedback.textContent()).toContain('Applied from round 2');
    await host.page.locator('[data-testid=tab-game]').click();
  });

  it('negotiate shows the map and who is done, never "decided"; pause is a banner over a readable stage', async () => {
    await endPhaseAsked('negotiate');
    await stage('negotiate').waitFor();
    expect(await projector.page.locator('[data-testid=decided]').count()).toBe(0);
    // The key to the map's industry bars, in HTML beside the map, on the screen at both sizes.
    const legend = projector.page.locator('[data-testid=economy-legend]');
    await expect.poll(() => legend.textContent()).toContain(en('projector.legend.title'));
    expect(await legend.textContent()).toContain(en('projector.legend.strength'));
    expect(await legend.locator('[data-testid=legend-sectors] b').count()).toBeGreaterThanOrEqual(2);
    for (const vp of STAGE) {
      await projector.page.setViewportSize(vp);
      const fits = `(() => { const r = document.querySelector('[data-testid=economy-legend]').getBoundingClientRect();
        return r.height > 0 && r.bottom <= innerHeight && r.right <= innerWidth; })()`;
      await expect.poll(() => projector.page.evaluate(fits)).toBe(true);
    }
    await projector.page.setViewportSize(LAPTOP);
    // Decide keeps the same stage and map (no new board to build on the phase change).
    // The map loads lazily (Phaser's chunk): mark its canvas once it is there.
    await projector.page.locator('[data-testid=board] canvas').waitFor();
    await projector.page.evaluate(
      `document.querySelector('[data-testid=board] canvas').setAttribute('data-kept', 'yes')`,
    );
    await host.page.locator('[data-testid=pause]').click();
    const flowFeedback = host.page.locator(
      '[data-testid=flow] ~ [data-testid=action-feedback], [data-testid=action-feedback]',
    );
    await expect.poll(() => flowFeedback.first().textContent()).toContain(en('host.flow.pause'));
    // Where the action was taken: the feedback is in the flow card's slot, not in the "away" card.
    expect(await host.page.locator('[data-testid=away-card] [data-testid=action-feedback]').count()).toBe(0);
    await projector.page.locator('[data-testid=paused][role=status]').waitFor();
    expect(await stage('negotiate').isVisible()).toBe(true);
    await fitsScreen('negotiate, paused');
    await captureScreen(projector.page, 'projector-negotiate-paused', {
      sizes: STAGE,
      minFontPx: 14,
      expect: (p) => [p.locator('[data-testid=paused]'), p.locator('[data-testid=negotiated]')],
      settleMs: 400,
    });
    await host.page.locator('[data-testid=resume]').click();
    await expect.poll(() => projector.page.locator('[data-testid=paused]').count()).toBe(0);
  });

  it('decide by region, then results revealed in steps', async () => {
    await endPhaseAsked('decide');
    await stage('decide').waitFor();
    expect(await projector.page.locator('[data-testid=board] canvas[data-kept=yes]').count()).toBe(1);
    await projector.page.locator('[data-testid=economy-legend]').waitFor();
    await projector.page.locator('[data-testid=decided]').waitFor();
    await endPhaseAsked('results');
    await stage('results').waitFor();
    await projector.page.locator('[data-testid=reveal-deals]').waitFor();
    await captureScreen(projector.page, 'projector-results-deals', {
      sizes: STAGE,
      minFontPx: 14,
      expect: (p) => [p.locator('[data-testid=reveal-deals]')],
    });
    for (const step of ['growth', 'output', 'board'] as const) {
      await projector.page.locator(`[data-testid=step-${step}]`).click();
      await projector.page.locator(`[data-testid=projector-results][data-step=${step}]`).waitFor();
    }
    await captureScreen(projector.page, 'projector-results-board', {
      sizes: STAGE,
      minFontPx: 14,
      expect: (p) => [p.locator('[data-testid=leaderboard]')],
    });
  });

  it('round 2 opens with a full-screen "New rules" card in both languages, also for a Chinese room', async () => {
    await endPhaseAsked('briefing');
    // Paused to discuss the new rules: the card stays readable under the banner.
    await host.page.locator('[data-testid=pause]').click();
    await stage('new-rules').waitFor();
    await projector.page.locator('[data-testid=paused]').waitFor();
    await projector.page.locator('[data-testid=rule-B-on]').waitFor();
    expect(await projector.page.locator('[data-testid=rule-A-on]').count()).toBe(0);
    expect(await projector.page.locator('[data-testid=rule-B-on] [lang=zh-CN]').count()).toBe(1);
    await fitsScreen('the "New rules" card, paused');
    await captureScreen(projector.page, 'projector-new-rules', {
      sizes: STAGE,
      minFontPx: 14,
      expect: (p) => [p.getByRole('heading', { name: en('projector.rules.newTitle', { n: 2 }) })],
    });
    await projector.page.getByRole('button', { name: '中文' }).click();
    await projector.page.getByRole('heading', { name: '从第 2 回合起实行新规则' }).waitFor();
    await fitsScreen('the "New rules" card in Chinese, paused');
    await captureScreen(projector.page, 'projector-new-rules-zh', {
      sizes: STAGE,
      minFontPx: 14,
      expect: (p) => [p.locator('[data-testid=rule-B-on] [lang=en]')],
    });
    await projector.page.getByRole('button', { name: 'English' }).click();
  });

  it('the end of the game shows a podium and the class summary', async () => {
    await host.page.locator('[data-testid=tab-game]').click();
    await host.page.locator('[data-testid=end-game]').click();
    await confirm(host.page);
    await phaseIs(projector.page, 'ended');
    await stage('ended').waitFor();
    await captureScreen(projector.page, 'projector-ended', {
      sizes: STAGE,
      minFontPx: 14,
      expect: (p) => [p.locator('[data-testid=podium] li').first(), p.locator('[data-testid=class-summary]')],
    });
  });

  it('every stage fits, has no text under 14 px on the projector and no serious accessibility problems', () => {
    expect(captureProblems()).toEqual([]);
    expect(e2e.errors()).toEqual([]);
  });
});
