// A 300-student lecture (75 worlds of 4 regions) in the host console at 1280x720, 1366x768 and on a phone: the world
// overview, the students and who is away scroll inside their own boxes, so each card fits the screen;
// a world opens from the picker. Every control that changes the game says what it will do and asks first (lock,
// bot takeover, rename and move a seat), its dialog closes with Escape or its visible ✕, and the outcome shows in
// the card where the action was taken. Screens captured, checked for overflow and axe.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionReply } from '../../../shared/protocol/http.js';
import { createSession, joinHttp, slowConfig } from '../../server/helpers.js';
import { confirm, en } from './actors.js';
import { captureProblems, captureScreen } from './capture.js';
import { LAPTOP, PHONE, startE2E, type E2E, type User } from './harness.js';

const CONSOLE = { width: 1366, height: 768 };
const WORLDS = 75;
const STUDENTS = 300;

let e2e: E2E;
let host: User;
let session: CreateSessionReply;

beforeAll(async () => {
  e2e = await startE2E();
  session = await createSession(e2e.url, {
    config: slowConfig({ rounds: 3, worlds: { count: WORLDS, maxSeatsPerRegion: 1 } }),
  });
  for (let k = 0; k < STUDENTS; k += 25)
    await Promise.all(
      Array.from({ length: Math.min(25, STUDENTS - k) }, (_, i) => joinHttp(e2e.url, session.code, `L${k + i + 1}`)),
    );
  host = await e2e.newUser('lecture host', LAPTOP);
  await host.page.goto(`/host/${session.code}#${session.hostToken}`);
  await host.page.locator('[data-testid=host-phase][data-phase=lobby]').waitFor();
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

interface Fit {
  card: number;
  box: number;
  scroll: number;
  seatBox: number;
  seatScroll: number;
  awayBox: number;
  awayScroll: number;
  viewport: number;
}

/** The worlds card's height, its overview box's visible and full heights, the same for the students, the viewport. */
const FIT = `(() => {
  const card = document.querySelector('[data-testid=worlds-card]');
  const box = document.querySelector('[data-testid=world-scroll]');
  const seats = document.querySelector('[data-testid=seat-scroll]');
  const away = document.querySelector('[data-testid=away-list]');
  return { card: card.getBoundingClientRect().height, box: box.clientHeight, scroll: box.scrollHeight,
    seatBox: seats.clientHeight, seatScroll: seats.scrollHeight, awayBox: away.clientHeight, awayScroll: away.scrollHeight,
    viewport: innerHeight };
})()`;

async function fitAt(page: Page, vp: { width: number; height: number }): Promise<Fit> {
  await page.setViewportSize(vp);
  await page.locator('[data-testid=world-overview]').waitFor();
  return (await page.evaluate(FIT)) as Fit;
}

const dialog = (page: Page) => page.locator('[data-testid=confirm-dialog]');

// A console of 300 students and 75 worlds, scanned by axe at three sizes, takes a while on two shared cores.
describe.sequential('the console of a 300-student lecture', { timeout: 180_000 }, () => {
  it('75 worlds and 300 students scroll in their own boxes; the worlds card fits the screen', async () => {
    const page = host.page;
    await expect.poll(() => page.locator('[data-testid=world-overview] tbody tr').count()).toBe(WORLDS);
    await expect.poll(() => page.locator('[data-testid=seat-row]').count(), { timeout: 20_000 }).toBe(STUDENTS);
    for (const vp of [LAPTOP, CONSOLE, PHONE]) {
      const fit = await fitAt(page, vp);
      // The list scrolls inside its box, and the card (heading, picker, box) is smaller than the screen.
      expect(fit.scroll, `${vp.width}x${vp.height}`).toBeGreaterThan(fit.box + 100);
      expect(fit.card, `${vp.width}x${vp.height}`).toBeLessThan(fit.viewport);
      expect(fit.seatScroll, `${vp.width}x${vp.height}`).toBeGreaterThan(fit.seatBox + 100);
      expect(fit.seatBox, `${vp.width}x${vp.height}`).toBeLessThan(fit.viewport);
      // 300 students joined, none connected: all away, listed in a box of their own.
      expect(fit.awayScroll, `${vp.width}x${vp.height}`).toBeGreaterThan(fit.awayBox + 100);
      expect(fit.awayBox, `${vp.width}x${vp.height}`).toBeLessThan(fit.viewport / 2);
    }
    // Nothing out of sight lengthens the page (the hidden texts of 300 rows stay inside their boxes).
    expect(
      await page.evaluate(
        `document.documentElement.scrollHeight <= document.querySelector('.host').getBoundingClientRect().bottom + scrollY + 200`,
      ),
    ).toBe(true);
    // The reforms card counts the worlds of each group instead of listing 75 names.
    expect(await page.locator('[data-testid=reforms-card] .arm-worlds summary').textContent()).toBe(
      en('host.reforms.worldCount.other', { n: WORLDS }),
    );
    await captureScreen(page, 'host-console-lecture', {
      sizes: [LAPTOP, CONSOLE, PHONE],
      minFontPx: 12,
      restore: LAPTOP,
      expect: (p) => [p.locator('[data-testid=world-scroll]'), p.locator('[data-testid=world-pick]')],
    });
  });

  it('a world opens from the picker', async () => {
    const page = host.page;
    // Its students joined but are not connected: the picker marks it ⚠ (needing attention).
    expect(await page.locator('[data-testid=world-pick] option[value="56"]').textContent()).toBe(
      `${en('common.world', { world: 57 })} ⚠`,
    );
    await page.locator('[data-testid=world-pick]').selectOption('56');
    const detail = page.locator('[data-testid=world-detail]');
    await expect.poll(() => detail.getAttribute('data-world')).toBe('56');
    expect(await page.locator('[data-testid=world-56]').getAttribute('class')).toContain('opened');
    await captureScreen(page, 'host-console-lecture-world', {
      sizes: [LAPTOP, PHONE],
      minFontPx: 12,
      settleMs: 600,
      expect: (p) => [p.locator('[data-testid=world-detail] h3')],
    });
    await page.locator('[data-testid=world-close]').click();
    await expect.poll(() => detail.isVisible()).toBe(false);
  });

  it('locking the lobby says who can still join and asks; Escape and ✕ cancel, and nothing changes', async () => {
    const page = host.page;
    const state = page.locator('[data-testid=lock-state]');
    await page.locator('[data-testid=lock]').click();
    await expect.poll(() => dialog(page).textContent()).toContain(en('host.lobby.lockBody'));
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    await page.locator('[data-testid=lock]').click();
    await captureScreen(page, 'host-confirm-lock', {
      sizes: [CONSOLE, PHONE],
      minFontPx: 12,
      restore: LAPTOP,
      expect: (p) => [p.locator('[data-testid=confirm-dialog] [data-testid=dialog-close]')],
    });
    await dialog(page).locator('[data-testid=dialog-close]').click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await state.textContent()).toBe(en('host.lobby.open'));
    await page.locator('[data-testid=lock]').click();
    await confirm(page);
    await expect.poll(() => state.textContent()).toBe(en('host.lobby.locked'));
    const feedback = page.locator(
      '[data-feedback-host]:has(> [data-testid=lobby-card]) > [data-testid=action-feedback]',
    );
    await expect.poll(() => feedback.textContent()).toContain(en('host.lobby.lock'));
  });

  it('switching the bot takeover says what an absent region does, and asks first', async () => {
    const page = host.page;
    const box = page.locator('[data-testid=takeover]');
    const was = await box.isChecked();
    await box.click();
    await expect
      .poll(() => dialog(page).textContent())
      .toContain(en(was ? 'host.takeoverOffTitle' : 'host.takeoverOnTitle'));
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await box.isChecked()).toBe(was);
    await box.click();
    await confirm(page);
    await expect.poll(() => box.isChecked()).toBe(!was);
    const feedback = page.locator(
      '[data-feedback-host]:has(> [data-testid=lobby-card]) > [data-testid=action-feedback]',
    );
    await expect.poll(() => feedback.textContent()).toContain(en(was ? 'host.takeoverOff' : 'host.takeoverOn'));
  });

  it('renaming and moving a seat says what saving does before it is saved, and the seats card confirms it', async () => {
    const page = host.page;
    const row = page.locator('[data-testid=seat-row]', { hasText: /^L1(?!\d)/ }).first();
    const before = (await row.locator('td').nth(0).textContent()) ?? '';
    await row.locator('[data-testid=seat-edit]').click();
    const seatDialog = page.locator('[data-testid=seat-dialog]');
    const will = seatDialog.locator('[data-testid=seat-will]');
    await expect.poll(() => will.textContent()).toContain(en('host.seats.willNothing'));
    await seatDialog.locator('[data-testid=seat-name]').fill('Lin');
    await expect.poll(() => will.textContent()).toContain(en('host.seats.willRename', { name: 'L1', to: 'Lin' }));
    // Escape closes it and nothing is sent.
    await page.keyboard.press('Escape');
    await expect.poll(() => seatDialog.count()).toBe(0);
    expect(await row.locator('th').textContent()).toBe('L1');
    await row.locator('[data-testid=seat-edit]').click();
    await seatDialog.locator('[data-testid=seat-name]').fill('Lin');
    const target = before === en('common.world', { world: 75 }) ? '73' : '74';
    await seatDialog.locator('[data-testid=seat-world]').selectOption(target);
    await expect.poll(() => will.textContent()).toContain('moves from');
    // World 75's regions all have a student: the region left behind is played by a bot.
    expect(await will.textContent()).toContain('a bot takes it over');
    await captureScreen(page, 'host-seat-edit', {
      sizes: [CONSOLE, PHONE],
      minFontPx: 12,
      restore: LAPTOP,
      expect: (p) => [
        p.locator('[data-testid=seat-will]'),
        p.locator('[data-testid=seat-dialog] [data-testid=dialog-close]'),
      ],
    });
    await seatDialog.locator('[data-testid=seat-save]').click();
    const moved = page.locator('[data-testid=seat-row]', { hasText: 'Lin' });
    await expect
      .poll(() => moved.locator('td').nth(0).textContent())
      .toBe(en('common.world', { world: Number(target) + 1 }));
    const feedback = page.locator(
      '[data-feedback-host]:has(> [data-testid=seats-card]) > [data-testid=action-feedback]',
    );
    await expect.poll(() => feedback.textContent()).toContain(en('host.seats.moveAction', { name: 'Lin' }));
  });

  it('every screen fits and has no serious accessibility problems', () => {
    expect(captureProblems()).toEqual([]);
    expect(e2e.errors()).toEqual([]);
  });
});
