// The instructor's live view of a lecture hall: 40 worlds (44 students joined and connected over Socket.IO, two of
// them away), the console's overview table with the worlds needing attention first, one world opened with its map
// and the terms of its offers; the projector marks the links with an offer pending (never the terms) at 1280x720
// and 1920x1080; announcements cleared from the console leave the projector and the students; removing a seat says
// who plays the region next; a Chinese instructor's create screen with translated plans whose labels follow edits.
// Screens at 1366x768 and on a phone, checked for overflow, text under 14 px on the projector, and axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionReply, JoinReply } from '../../../shared/protocol/http.js';
import { connect, slowConfig, type TestClient } from '../../server/helpers.js';
import { en, postCreated, zh } from './actors.js';
import { captureProblems, captureScreen } from './capture.js';
import { LAPTOP, PHONE, startE2E, type E2E, type User } from './harness.js';

const CONSOLE = { width: 1366, height: 768 };
const FULL_HD = { width: 1920, height: 1080 };
const WORLDS = 40;
const STUDENTS = 44;

let e2e: E2E;
let host: User;
let projector: User;
let session: CreateSessionReply;
let hostSocket: TestClient;
const joined: JoinReply[] = [];
const sockets: TestClient[] = [];

const post = <T>(path: string, body: unknown) => postCreated<T>(`${e2e.url}${path}`, body);

beforeAll(async () => {
  e2e = await startE2E();
  session = await post<CreateSessionReply>('/api/sessions', {
    config: slowConfig({ rounds: 3, worlds: { count: WORLDS, maxSeatsPerRegion: 1 } }),
  });
  for (let k = 0; k < STUDENTS; k++)
    joined.push(await post<JoinReply>(`/api/sessions/${session.code}/join`, { name: `S${k + 1}` }));
  hostSocket = await connect(e2e.url, { code: session.code, token: session.hostToken });
  // Everyone connected but the students in worlds 4 and 9 (index 3 and 8) playing region F.
  for (const j of joined) {
    if ((j.seat.world === 3 || j.seat.world === 8) && j.seat.region === 'F') continue;
    sockets.push(await connect(e2e.url, { code: session.code, token: j.seatToken }));
  }
  host = await e2e.newUser('host', CONSOLE);
  projector = await e2e.newUser('projector', LAPTOP);
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  hostSocket?.close();
  await e2e?.close();
});

const seatAt = (world: number, region: string) => {
  const s = joined.find((j) => j.seat.world === world && j.seat.region === region);
  if (!s) throw new Error(`no student at ${world}:${region}`);
  return s;
};
const socketOf = (j: JoinReply) => {
  const i = joined.filter((x) => !((x.seat.world === 3 || x.seat.world === 8) && x.seat.region === 'F')).indexOf(j);
  const s = sockets[i];
  if (!s) throw new Error('no socket');
  return s;
};

describe.sequential('the host console sees every world', () => {
  it('negotiate: the overview lists 40 worlds, those with students away first', async () => {
    await hostSocket.ok('host:start');
    await hostSocket.ok('host:endPhase');
    await hostSocket.waitPhase('negotiate', 1);
    // World 1: C offers I an open market and a joint project in C.
    await socketOf(seatAt(0, 'C')).ok('proposal:submit', {
      to: 'I',
      terms: { openMarket: true, project: { host: 'C', hostShare: 0.6, sidePayment: 0 } },
    });
    await host.page.goto(`/host/${session.code}#${session.hostToken}`);
    await host.page.locator('[data-testid=host-phase][data-phase=negotiate]').waitFor();
    const rows = host.page.locator('[data-testid=world-overview] tbody tr');
    await expect.poll(() => rows.count()).toBe(WORLDS);
    await expect
      .poll(async () => [await rows.nth(0).getAttribute('data-testid'), await rows.nth(1).getAttribute('data-testid')])
      .toEqual(['world-3', 'world-8']);
    // 40 worlds scroll inside the overview's own box: the card fits a 1280x720 or 1366x768 screen.
    for (const vp of [LAPTOP, CONSOLE]) {
      await host.page.setViewportSize(vp);
      const fit = (await host.page.evaluate(`(() => {
        const box = document.querySelector('[data-testid=world-scroll]');
        const card = document.querySelector('[data-testid=worlds-card]').getBoundingClientRect().height;
        return { box: box.clientHeight, scroll: box.scrollHeight, card, viewport: innerHeight };
      })()`)) as { box: number; scroll: number; card: number; viewport: number };
      expect(fit.scroll).toBeGreaterThan(fit.box + 100);
      expect(fit.card).toBeLessThan(fit.viewport);
    }
    await host.page.setViewportSize(CONSOLE);
    await host.page.locator('[data-testid=world-order]').selectOption('number');
    await expect.poll(() => rows.first().getAttribute('data-testid')).toBe('world-0');
    expect(await host.page.locator('[data-testid=world-detail]').isVisible()).toBe(false);
    await captureScreen(host.page, 'host-console-overview', {
      sizes: [CONSOLE, PHONE],
      minFontPx: 12,
      expect: (p) => [p.locator('[data-testid=world-overview]'), p.locator('[data-testid=progress-0]')],
    });
  });

  it('opening a world shows its map, who is away, and its offers with their terms', async () => {
    await host.page.locator('[data-testid=world-order]').selectOption('attention');
    await host.page.locator('[data-testid=open-world-3]').click();
    const detail = host.page.locator('[data-testid=world-detail]');
    await expect.poll(() => detail.getAttribute('data-world')).toBe('3');
    await detail.locator('[data-testid=detail-away]').waitFor();
    await detail.locator('[data-testid=detail-board] canvas').waitFor();
    await host.page.locator('[data-testid=open-world-0]').click();
    await expect.poll(() => detail.getAttribute('data-world')).toBe('0');
    const offers = detail.locator('[data-testid=detail-offers]');
    await expect.poll(() => offers.textContent()).toContain(en('term.openMarket'));
    expect(await offers.textContent()).toContain(en('student.terms.share', { share: 60 }));
    await captureScreen(host.page, 'host-console-world', {
      sizes: [CONSOLE, PHONE],
      minFontPx: 12,
      settleMs: 600,
      expect: (p) => [p.locator('[data-testid=detail-board] canvas'), p.locator('[data-testid=detail-offers] li')],
    });
    await host.page.locator('[data-testid=world-close]').click();
    await expect.poll(() => detail.isVisible()).toBe(false);
  });

  it('the projector marks the links with an offer pending, never their terms', async () => {
    await projector.page.goto(session.projectorUrl.replace(e2e.url, ''));
    await projector.page.locator('[data-testid=projector-negotiate]').waitFor();
    const pending = projector.page.locator('[data-testid=pending-links]');
    await pending.waitFor();
    await expect.poll(() => pending.textContent()).toMatch(/Offers are pending on \d+ links|An offer is pending/);
    const text = (await projector.page.locator('body').textContent()) ?? '';
    expect(text).not.toContain(en('term.openMarket'));
    expect(text).not.toContain('60%');
    await captureScreen(projector.page, 'projector-negotiate-pending', {
      sizes: [LAPTOP, FULL_HD],
      minFontPx: 14,
      settleMs: 400,
      expect: (p) => [p.locator('[data-testid=pending-links]'), p.locator('[data-testid=board] canvas')],
    });
  });

  it('a long announcement fits the projector; clearing takes it off the projector and the students', async () => {
    const long = `Two minutes left. ${'Check the terms of every offer before you accept it, then decide. '.repeat(3)}`;
    await host.page.locator('[data-testid=announce-text]').fill(long.slice(0, 240));
    await host.page.locator('[data-testid=announce-send]').click();
    const shown = projector.page.locator('[data-testid=projector-announcement]');
    await expect.poll(() => shown.textContent()).toContain('Two minutes left');
    for (const vp of [LAPTOP, FULL_HD]) {
      await projector.page.setViewportSize(vp);
      const inside = `(() => { const r = document.querySelector('[data-testid=projector-announcement]').getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; })()`;
      await expect.poll(() => projector.page.evaluate(inside), { timeout: 3000 }).toBe(true);
    }
    await captureScreen(projector.page, 'projector-announcement', {
      sizes: [LAPTOP, FULL_HD],
      minFontPx: 14,
      expect: (p) => [p.locator('[data-testid=projector-announcement]')],
    });
    const student = socketOf(seatAt(0, 'I'));
    await student.waitView((v) => v.announcements.length === 1);
    await host.page.locator('[data-testid=announce-clear]').click();
    await expect
      .poll(() => host.page.locator('[data-testid=announce-card] [data-testid=action-feedback]').textContent())
      .toContain(en('host.announce.cleared'));
    await expect.poll(() => shown.count()).toBe(0);
    await student.waitView((v) => v.announcements.length === 0);
  });

  it('removing a seat says where it plays and who takes the region over, and can be cancelled', async () => {
    const row = host.page.locator('[data-testid=seat-row]', { hasText: 'S1' }).first();
    await row.locator('[data-testid=seat-remove]').click();
    const dialog = host.page.locator('[data-testid=confirm-dialog]');
    await expect.poll(() => dialog.textContent()).toContain(en('host.seats.removeGone'));
    expect(await dialog.textContent()).toContain('a bot takes it over');
    await host.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('a Chinese instructor sees the class plans, their groups and their rounds in Chinese, following edits', async () => {
    const zhHost = await e2e.newUser('zh host', CONSOLE);
    await zhHost.page.goto('/host');
    await zhHost.page.locator('[data-testid=plans]').waitFor();
    await zhHost.page.getByRole('button', { name: '中文' }).click();
    const plan = zhHost.page.locator('[data-testid=plan-baseline-then-reforms]');
    await expect.poll(() => plan.textContent()).toContain('先基线后全面改革');
    expect(await plan.textContent()).toContain(zh('host.create.planSplit', { a: 4, b: 4 }));
    await zhHost.page.locator('[data-testid="field-rounds"]').fill('10');
    await expect.poll(() => plan.textContent()).toContain(zh('host.create.planSplit', { a: 4, b: 6 }));
    await zhHost.page.locator('[data-testid=plan-control-vs-reform]').click();
    await expect
      .poll(() =>
        zhHost.page
          .locator('[data-testid=create-form] input[type=text]')
          .evaluateAll((xs) => xs.map((x) => ('value' in x ? String(x.value) : ''))),
      )
      .toEqual(expect.arrayContaining(['对照组', '改革组']));
    await captureScreen(zhHost.page, 'host-create-zh', {
      sizes: [CONSOLE, PHONE],
      minFontPx: 12,
      expect: (p) => [p.getByText('对照组与改革组'), p.locator('[data-testid=plan-control-vs-reform]')],
    });
  });

  it('every screen fits, has no text under 14 px on the projector and no serious accessibility problems', () => {
    expect(captureProblems()).toEqual([]);
    expect(e2e.errors()).toEqual([]);
  });
});
