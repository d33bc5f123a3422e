// The student screens that carry the lesson (issue 9), with two students in browsers (Ana on a 390x844 phone in
// English, Bo on a 1366x768 laptop in Chinese; both screens are also captured at the other size) and two on
// sockets, the host driving the phases over its socket: How to play closes on a phone; no rank before round 1 and
// the term shown from the briefing; a barrier from round 1 is not pre-selected against a partner of round 2's
// open-market pledge, so the form submitted unchanged keeps it; a breaking choice is warned about beside the
// choice and confirmed before submitting; the results of the term's last round name the promoted region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connect, createSession, joinHttp, slowConfig, type TestClient } from '../../server/helpers.js';
import { en, join, phaseIs, zh } from './actors.js';
import { captureProblems, captureScreen } from './capture.js';
import { PHONE, startE2E, waitForAck, waitForTrue, type E2E, type User } from './harness.js';

const DESKTOP = { width: 1366, height: 768 } as const;

interface BoardLabel {
  kind: 'name' | 'link';
  text: string;
  rect: { x: number; y: number; w: number; h: number };
}

function overlapArea(p: BoardLabel['rect'], q: BoardLabel['rect']): number {
  const dx = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x);
  const dy = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
  return dx > 0 && dy > 0 ? dx * dy : 0;
}
const BOTH = [PHONE, DESKTOP] as const;
const LINKS = [
  ['C', 'I'],
  ['C', 'F'],
  ['C', 'R'],
  ['I', 'F'],
];

let e2e: E2E;
let host: TestClient;
let ana: User;
let bo: User;
const regionOf = new Map<User, string>();
const sockets: TestClient[] = [];

const other = (u: User): User => (u === ana ? bo : ana);
const t = (u: User) => (u === ana ? en : zh);
const regionAt = (u: User) => regionOf.get(u) ?? '';

async function step(phase: string, round: number): Promise<void> {
  const ack = await host.cmd('host:endPhase');
  expect(ack.ok).toBe(true);
  await host.waitPhase(phase, round);
  for (const u of [ana, bo]) await phaseIs(u.page, phase);
}

async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const vp = page.viewportSize();
  return box !== null && vp !== null && box.y >= 0 && box.y + box.height <= vp.height;
}

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  for (const s of [host, ...sockets]) s?.close();
  await e2e?.close();
});

describe.sequential('the student screens of issue 9', () => {
  it('two students join in browsers (one in Chinese), two on sockets; the host starts', async () => {
    const session = await createSession(e2e.url, { config: slowConfig({ rounds: 2 }) });
    host = await connect(e2e.url, { code: session.code, token: session.hostToken });
    ana = await e2e.newUser('Ana', PHONE);
    regionOf.set(ana, await join(ana.page, session.code, 'Ana'));
    bo = await e2e.newUser('Bo', DESKTOP);
    regionOf.set(bo, await join(bo.page, session.code, 'Bo'));
    await bo.page.locator('[data-testid=lang-switch]').click();
    await bo.page.locator('html[lang=zh-CN]').waitFor({ state: 'attached' });
    for (const name of ['Ivy', 'Rex']) {
      const seat = await joinHttp(e2e.url, session.code, name);
      sockets.push(await connect(e2e.url, { code: session.code, token: seat.seatToken }));
    }
    const [a, b] = [regionAt(ana), regionAt(bo)];
    expect(LINKS.some(([x, y]) => (x === a && y === b) || (x === b && y === a))).toBe(true);
    expect((await host.cmd('host:start')).ok).toBe(true);
    await host.waitPhase('briefing', 1);
  });

  it('round 1 briefing: no rank yet, the term and its rounds are shown; the header is one line on a phone', async () => {
    for (const u of [ana, bo]) {
      const page = u.page;
      await phaseIs(page, 'briefing');
      await expect.poll(() => page.locator('[data-testid=term-rank]').textContent()).toBe(t(u)('student.score.noRank'));
      expect(await page.locator('[data-testid=brief-term]').textContent()).toContain(
        t(u)('student.term.span.other', { from: 1, to: 2, n: 2 }),
      );
      await page.setViewportSize(PHONE);
      const header = page.locator('header.app-header');
      // One line: every visible item of the header sits on the same row.
      const tops: number[] = [];
      for (const item of await header.locator(':scope > *').all()) {
        const box = (await item.isVisible()) ? await item.boundingBox() : null;
        if (box) tops.push(Math.round(box.y + box.height / 2));
      }
      expect(Math.max(...tops) - Math.min(...tops), `header rows ${tops.join(',')}`).toBeLessThanOrEqual(4);
    }
    await bo.page.setViewportSize(DESKTOP);
  });

  it('How to play scrolls inside itself with Close on screen; Escape, Close and a tap outside close it', async () => {
    for (const u of [ana, bo]) {
      const page = u.page;
      for (const vp of BOTH) {
        await page.setViewportSize(vp);
        await page.locator('[data-testid=help]').click();
        const dialog = page.getByRole('dialog', { name: t(u)('student.help') });
        await dialog.waitFor();
        expect(await inViewport(page, '[data-testid=help-close]')).toBe(true);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        await page.locator('[data-testid=help]').click();
        await dialog.waitFor();
        await page.mouse.click(4, vp.height - 4);
        await dialog.waitFor({ state: 'detached' });
      }
    }
    await ana.page.locator('[data-testid=help]').click();
    await captureScreen(ana.page, 'student-help', {
      expect: (p) => [p.locator('[data-testid=help-close]'), p.locator('[data-testid=help-body]')],
      sizes: BOTH,
      minFontPx: 12,
    });
    expect(await inViewport(ana.page, '[data-testid=help-close]')).toBe(true);
    await ana.page.locator('[data-testid=help-close]').click();
    await ana.page.locator('[data-testid=help-overlay]').waitFor({ state: 'detached' });
    await bo.page.setViewportSize(DESKTOP);
  });

  it('round 1: each protects against the other; the results have no promotion yet', async () => {
    await step('negotiate', 1);
    await step('decide', 1);
    for (const u of [ana, bo]) {
      const since = u.acks.length;
      await u.page.locator(`[data-testid=barrier-${regionAt(other(u))}]`).check();
      await expect.poll(() => u.page.locator('[data-testid=breach-confirm]').count()).toBe(0);
      await u.page.locator('[data-testid=submit-decision]').click();
      await waitForAck(u, 'decision:submit', since, (p) => p.includes(`"barriers":["${regionAt(other(u))}"]`));
    }
    await step('results', 1);
    for (const u of [ana, bo]) {
      await u.page.locator('[data-testid=my-results]').waitFor();
      expect(await u.page.locator('[data-testid=promoted]').count()).toBe(0);
      expect(await u.page.locator('[data-testid=term-rank]').textContent()).not.toBe(t(u)('student.score.noRank'));
    }
  });

  it('round 2: the offer form previews share and payment while typing; Ana and Bo sign an open-market pledge', async () => {
    await step('briefing', 2);
    for (const u of [ana, bo])
      await expect
        .poll(() => u.page.locator('[data-testid=brief-term]').textContent())
        .toContain(t(u)('student.term.lastRound'));
    await step('negotiate', 2);
    await ana.page.locator(`[data-testid=propose-${regionAt(bo)}]`).click();
    const form = ana.page.locator('[data-testid=proposal-form]');
    // The share takes any whole percent; the payment's effect on both sides follows the typing, before sending.
    await form.locator('[data-testid=p-project]').check();
    const effect = form.locator('[data-testid=effect]');
    const before = await effect.textContent();
    await form.locator('[data-testid=p-share-pct]').fill('59');
    await expect.poll(() => form.locator('[data-testid=p-share]').inputValue()).toBe('0.59');
    await form.locator('[data-testid=p-payment]').fill('');
    await form.locator('[data-testid=p-payment]').pressSequentially('0.5');
    await expect.poll(() => form.locator('[data-testid=p-payment-effect]').textContent()).toContain('0.50');
    await expect.poll(() => effect.textContent()).not.toBe(before);
    await captureScreen(ana.page, 'student-offer-payment', {
      expect: (p) => [p.locator('[data-testid=p-payment-effect]'), p.locator('[data-testid=effect]')],
      sizes: BOTH,
      minFontPx: 12,
    });
    await form.locator('[data-testid=p-project]').uncheck();
    let since = ana.acks.length;
    await form.locator('[data-testid=p-send]').click();
    await waitForAck(ana, 'proposal:submit', since);
    const offer = bo.page.locator(`[data-testid=incoming-proposal][data-from=${regionAt(ana)}]`);
    since = bo.acks.length;
    await offer.locator('[data-testid=accept]').click();
    // A pledge that leaves Bo's region worse off than not signing is confirmed first (the question shows at once).
    const anyway = offer.locator('[data-testid=accept-anyway]');
    if (await anyway.isVisible()) await anyway.click();
    await waitForAck(bo, 'proposal:accept', since);
    for (const u of [ana, bo]) await u.page.locator('[data-testid=agreement]').waitFor();
  });

  it('round 2: the form starts without the barrier that breaks the pledge; submitted unchanged, it keeps it', async () => {
    await step('decide', 2);
    for (const u of [ana, bo]) {
      const barrier = u.page.locator(`[data-testid=barrier-${regionAt(other(u))}]`);
      await barrier.waitFor();
      expect(await barrier.isChecked()).toBe(false);
    }
    const since = ana.acks.length;
    await ana.page.locator('[data-testid=submit-decision]').click();
    await waitForAck(ana, 'decision:submit', since, (p) => !p.includes(`"${regionAt(bo)}"`));
    await ana.page.locator('[data-testid=submitted]').waitFor();
  });

  it('round 2: a breaking choice is warned beside it and confirmed before submitting', async () => {
    for (const u of [ana, bo]) {
      const target = regionAt(other(u));
      const warning = u.page.locator(`[data-testid=warn-barrier-${target}]`);
      expect(await warning.isVisible()).toBe(false);
      await u.page.locator(`[data-testid=barrier-${target}]`).check();
      await warning.waitFor();
      expect(await warning.textContent()).toMatch(/^⚠ ./);
      const since = u.acks.length;
      await u.page.locator('[data-testid=submit-decision]').click();
      const confirm = u.page.getByRole('alertdialog');
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain(t(u)('student.decide.confirmTitle.one'));
      expect(u.acks.slice(since).some((a) => a.event === 'decision:submit')).toBe(false);
    }
    await captureScreen(bo.page, 'student-decide-warning-zh', {
      expect: (p) => [p.locator('[data-testid=breach-confirm]'), p.locator('[data-testid^=warn-barrier-]:visible')],
      sizes: BOTH,
      minFontPx: 12,
    });
    // Ana goes back and keeps the pledge; Bo breaks it knowingly.
    await ana.page.locator('[data-testid=confirm-back]').click();
    await ana.page.locator(`[data-testid=barrier-${regionAt(bo)}]`).uncheck();
    await ana.page.locator('[data-testid=breach-confirm]').waitFor({ state: 'detached' });
    await ana.page.locator('[data-testid=submitted]').waitFor();
    const since = bo.acks.length;
    await bo.page.locator('[data-testid=confirm-submit]').click();
    await waitForAck(bo, 'decision:submit', since, (p) => p.includes(`"${regionAt(ana)}"`));
  });

  it('the results of the term’s last round name the promoted region; the tables fit a 360 px screen', async () => {
    await step('results', 2);
    for (const u of [ana, bo]) {
      const page = u.page;
      await expect
        .poll(() => page.locator('[data-testid=term-line]').textContent())
        .toContain(t(u)('student.term.span.other', { from: 1, to: 2, n: 2 }));
      const promoted = page.locator('[data-testid=promoted]');
      await promoted.waitFor();
      const winner = (await promoted.getAttribute('data-region')) ?? '';
      expect(await page.locator('[data-testid=results] tbody tr').first().getAttribute('data-region')).toBe(winner);
      expect(await page.locator(`[data-testid=results] tr[data-region=${winner}] .promoted`).count()).toBe(1);
      const deal = page.locator(`[data-testid=deal][data-with=${regionAt(other(u))}]`);
      expect(await deal.textContent()).toContain(
        t(u)(u === ana ? 'student.results.theyBroke' : 'student.results.youBroke'),
      );
      const mine = (await page.locator('[data-testid=my-results]').textContent()) ?? '';
      expect(mine).not.toMatch(/\(s\)| were caught/);
      await page.setViewportSize({ width: 360, height: 740 });
      const overflow = (await page.evaluate(
        `(() => { const el = document.querySelector('[data-testid=results] .table-scroll'); return el.scrollWidth - el.clientWidth; })()`,
      )) as number;
      expect(overflow).toBeLessThanOrEqual(1);
    }
    // The map: each agreement's label says who broke it; no label covers a region name or another label; text
    // shows at 12 px or more.
    for (const u of [ana, bo]) {
      const page = u.page;
      await page.setViewportSize(u === ana ? PHONE : DESKTOP);
      await waitForTrue(page, 'window.__prBoard !== undefined && window.__prBoard.labels().length > 4');
      // The growth labels grow in from 1.8 times their size: measure once the reveal has played.
      await waitForTrue(page, 'window.__prBoard.animating() === false');
      const labels = (await page.evaluate('window.__prBoard.labels()')) as BoardLabel[];
      const width = (await page.evaluate('window.__prBoard.width')) as number;
      const canvas = await page.locator('[data-testid=board] canvas').boundingBox();
      const scale = (canvas?.width ?? 0) / width;
      const broken = labels.find((l) => l.kind === 'link' && l.text.includes(t(u)('student.link.broken')));
      expect(broken?.text).toContain(t(u)('student.board.brokenBy', { names: '' }).trim().slice(0, 2));
      labels.forEach((p, i) =>
        labels.slice(i + 1).forEach((q) => expect(overlapArea(p.rect, q.rect), `${p.text} / ${q.text}`).toBe(0)),
      );
      for (const l of labels) expect(l.rect.h * scale, l.text).toBeGreaterThanOrEqual(12);
    }
    for (const u of [ana, bo])
      await captureScreen(u.page, u === ana ? 'student-results-term-end' : 'student-results-term-end-zh', {
        expect: (p) => [p.locator('[data-testid=promoted]'), p.locator('[data-testid=my-results]')],
        sizes: BOTH,
        minFontPx: 12,
        settleMs: 300,
      });
  });

  it('every screen has content and no serious accessibility problems; no console errors', () => {
    expect(captureProblems()).toEqual([]);
    expect(e2e.errors()).toEqual([]);
  });
});
