// The console's first screen (issue 10): at 1366x768 the live game (the phase, the timer and its controls, the
// opened world's map, who has finished, the offers with their terms, the agreements and the overview row with who is
// away) is in sight without scrolling, in negotiate and in decide; the reforms have their own tab, reached from the
// phase strip, and still ask before they end the term (Escape and ✕ cancel) and confirm what was applied in their
// card. The console in English and Chinese at 1366x768 and on a phone: no sideways scrolling, no text under 12 px,
// axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionReply, JoinReply } from '../../../shared/protocol/http.js';
import { connect, type TestClient } from '../../server/helpers.js';
import { confirm, en, hostPhase, postCreated, zh } from './actors.js';
import { captureProblems, captureScreen } from './capture.js';
import { PHONE, startE2E, type E2E, type User } from './harness.js';

const CONSOLE = { width: 1366, height: 768 };
/** The parts of the live game that must be in the first screen. */
const LIVE = [
  'flow',
  'host-phase',
  'pause',
  'add30',
  'endPhase',
  'open-reforms',
  'detail-board',
  'detail-regions',
  'detail-offers',
  'detail-agreements',
  'world-0',
  'progress-0',
];

let e2e: E2E;
let host: User;
let session: CreateSessionReply;
let hostSocket: TestClient;
const students = new Map<string, TestClient>();

const post = <T>(path: string, body: unknown) => postCreated<T>(`${e2e.url}${path}`, body);

/** The parts (by test id) whose box is not wholly inside the first screen, with the page's sideways overflow. */
async function outOfFirstScreen(ids: readonly string[]): Promise<{ outside: string[]; overflow: number }> {
  await host.page.evaluate('window.scrollTo(0, 0)');
  return (await host.page.evaluate(`(() => {
    const outside = [];
    for (const id of ${JSON.stringify(ids)}) {
      const el = document.querySelector('[data-testid=' + id + ']');
      const r = el ? el.getBoundingClientRect() : null;
      if (!r || r.height === 0 || r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth)
        outside.push(id + (r ? ' ' + Math.round(r.top) + '..' + Math.round(r.bottom) : ' missing'));
    }
    const doc = document.documentElement;
    return { outside, overflow: doc.scrollWidth - doc.clientWidth };
  })()`)) as { outside: string[]; overflow: number };
}

beforeAll(async () => {
  e2e = await startE2E();
  session = await post<CreateSessionReply>('/api/sessions', { preset: 'quick-demo' });
  for (const name of ['Ada', 'Bo', 'Cy']) {
    const j = await post<JoinReply>(`/api/sessions/${session.code}/join`, { name });
    students.set(j.seat.region, await connect(e2e.url, { code: session.code, token: j.seatToken }));
  }
  hostSocket = await connect(e2e.url, { code: session.code, token: session.hostToken });
  host = await e2e.newUser('host', CONSOLE);
}, 60_000);

afterAll(async () => {
  for (const s of students.values()) s.close();
  hostSocket?.close();
  await e2e?.close();
});

describe.sequential('the console shows the live game on its first screen', () => {
  it('negotiate at 1366x768: the phase controls and the opened world are in sight, the page is shorter', async () => {
    await hostSocket.ok('host:start');
    await hostSocket.ok('host:endPhase');
    await hostSocket.waitPhase('negotiate', 1);
    const [from, to] = [...students.keys()].filter((r) => r !== 'R');
    const sender = from ? students.get(from) : undefined;
    if (!sender || !to) throw new Error('no students');
    await sender.ok('proposal:submit', {
      to,
      terms: { openMarket: true, project: { host: from, hostShare: 0.6, sidePayment: 0 } },
    });
    await host.page.goto(`/host/${session.code}#${session.hostToken}`);
    await hostPhase(host.page, 'negotiate');
    const offers = host.page.locator('[data-testid=detail-offers]');
    await expect.poll(() => offers.textContent()).toContain(en('student.terms.share', { share: 60 }));
    await host.page.locator('[data-testid=detail-board] canvas').waitFor();
    expect(await outOfFirstScreen(LIVE)).toEqual({ outside: [], overflow: 0 });
    // The reforms are not on the game tab: their tab holds them.
    expect(await host.page.locator('[data-testid=reforms-card]').isVisible()).toBe(false);
    const height = (await host.page.evaluate('document.documentElement.scrollHeight')) as number;
    expect(height).toBeLessThan(2000);
    await captureScreen(host.page, 'host-console-live', {
      sizes: [CONSOLE, PHONE],
      minFontPx: 12,
      settleMs: 400,
      expect: (p) => [p.locator('[data-testid=detail-board] canvas'), p.locator('[data-testid=endPhase]')],
    });
  });

  it('the reforms tab is one click from the phase strip, asks before ending the term, confirms in its card', async () => {
    await host.page.locator('[data-testid=open-reforms]').click();
    await host.page.locator('[data-testid=tab-reforms][aria-selected=true]').waitFor();
    const card = host.page.locator('[data-testid=reforms-card]');
    await card.waitFor();
    expect(await outOfFirstScreen(['reforms-card', 'next-A'])).toMatchObject({ overflow: 0 });
    // The plan switches every reform on for round 2; the instructor switches A off.
    await host.page.locator('[data-testid=next-A]').uncheck();
    const dialog = host.page.locator('[data-testid=confirm-dialog]');
    // Escape and the on-screen ✕ both cancel; nothing is applied.
    for (const cancel of ['escape', 'close']) {
      await host.page.locator('[data-testid=apply-reforms]').click();
      await expect.poll(() => dialog.textContent()).toContain('This ends the current term after round 1');
      if (cancel === 'escape') await host.page.keyboard.press('Escape');
      else await dialog.locator('[data-testid=dialog-close]').click();
      await expect.poll(() => dialog.count()).toBe(0);
    }
    expect(await card.locator('[data-testid=action-feedback]').count()).toBe(0);
    await host.page.locator('[data-testid=apply-reforms]').click();
    expect(await dialog.textContent()).toContain(en('reform.B'));
    await confirm(host.page);
    await expect
      .poll(() => card.locator('[data-testid=action-feedback]').textContent())
      .toContain('Applied from round 2');
    await captureScreen(host.page, 'host-console-reforms', {
      sizes: [CONSOLE, PHONE],
      minFontPx: 12,
      expect: (p) => [p.locator('[data-testid=reforms-card] [data-testid=action-feedback]')],
    });
    await host.page.locator('[data-testid=tab-game]').click();
  });

  it('decide at 1366x768: who has decided and the controls stay in the first screen', async () => {
    await hostSocket.ok('host:endPhase');
    await hostPhase(host.page, 'decide');
    await expect
      .poll(() => host.page.locator('[data-testid=progress-0]').textContent())
      .toContain(en('host.worlds.decided', { x: 0, y: 3 }));
    expect(await outOfFirstScreen(LIVE)).toEqual({ outside: [], overflow: 0 });
  });

  it('paused: the banner and the outcome say so, and the live game stays in the first screen', async () => {
    await host.page.locator('[data-testid=pause]').click();
    await host.page.locator('[data-testid=paused-banner]').waitFor();
    const feedback = host.page.locator('.strip-slot > [data-testid=action-feedback]');
    await expect.poll(() => feedback.textContent()).toContain(en('host.cmd.ok', { action: en('host.flow.pause') }));
    const paused = [...LIVE.filter((id) => id !== 'pause'), 'resume', 'paused-banner', 'paused-badge'];
    expect(await outOfFirstScreen(paused)).toEqual({ outside: [], overflow: 0 });
    await host.page.locator('[data-testid=resume]').click();
    await host.page.locator('[data-testid=paused-banner]').waitFor({ state: 'detached' });
  });

  it('counts are said in words that agree with their number, in both languages (no "region(s)")', async () => {
    for (const lang of ['English', '中文']) {
      if (lang === '中文') await host.page.getByRole('button', { name: lang }).click();
      await expect.poll(() => host.page.locator('html').getAttribute('lang')).toBe(lang === '中文' ? 'zh-CN' : 'en');
      for (const tab of ['game', 'reforms', 'join']) {
        await host.page.locator(`[data-testid=tab-${tab}]`).click();
        const text = (await host.page.locator(`[data-testid=panel-${tab}]`).innerText()).replace(/\s+/g, ' ');
        expect(text, `${lang} ${tab}`).not.toMatch(/\(s\)|\(es\)|个\(/);
        expect(text.length, `${lang} ${tab}`).toBeGreaterThan(100);
      }
    }
    await host.page.locator('[data-testid=tab-game]').click();
  });

  it('in Chinese, the console keeps its first screen and fits a phone', async () => {
    await expect.poll(() => host.page.locator('[data-testid=tab-reforms]').textContent()).toBe(zh('host.tab.reforms'));
    expect(await outOfFirstScreen(LIVE)).toEqual({ outside: [], overflow: 0 });
    await captureScreen(host.page, 'host-console-live-zh', {
      sizes: [CONSOLE, PHONE],
      minFontPx: 12,
      settleMs: 400,
      expect: (p) => [p.getByText(zh('host.flow.endPhase')), p.locator('[data-testid=detail-board] canvas')],
    });
  });

  it('every console screen fits, has no text under 12 px and no serious accessibility problems', () => {
    expect(captureProblems()).toEqual([]);
    expect(e2e.errors()).toEqual([]);
  });
});
