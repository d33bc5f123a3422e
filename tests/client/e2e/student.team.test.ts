// A team of two in one region (issue 9), in two browsers: Li on a 390x844 phone in English and Wu on a 1366x768
// laptop in Chinese, both playing Coastal core (C); three students on sockets play the other regions, the host
// drives the phases over its socket. Teammates see who accepted, who countered and who submitted; an acceptance
// that leaves the region worse off than not signing asks first; the map shows each region's industries without
// covering names or agreement labels; at the reveal the growth of each region appears on the map, one after another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionView } from '../../../shared/model/session/view.js';
import { connect, createSession, joinHttp, slowConfig, type TestClient } from '../../server/helpers.js';
import { en, join, phaseIs, zh } from './actors.js';
import { captureProblems, captureScreen } from './capture.js';
import { PHONE, startE2E, waitForAck, waitForTrue, type E2E, type User } from './harness.js';

const DESKTOP = { width: 1366, height: 768 } as const;
const BOTH = [PHONE, DESKTOP] as const;

let e2e: E2E;
let host: TestClient;
let li: User;
let wu: User;
/** The socket students by region. */
const others = new Map<string, TestClient>();
const t = (u: User) => (u === li ? en : zh);

interface BoardLabel {
  kind: 'name' | 'link' | 'economy' | 'growth';
  id: string;
  text: string;
  rect: { x: number; y: number; w: number; h: number };
}

function overlapArea(p: BoardLabel['rect'], q: BoardLabel['rect']): number {
  const dx = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x);
  const dy = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
  return dx > 0 && dy > 0 ? dx * dy : 0;
}

/**
 * The map's names, agreement labels, industry charts (and growth, at results) as drawn: one chart per region, none
 * covering another or a name or label, text at 12 px or more on this screen.
 */
async function boardLabels(u: User, kinds: BoardLabel['kind'][]): Promise<BoardLabel[]> {
  const page = u.page;
  const want = kinds.map((k) => `l.some((x) => x.kind === '${k}')`).join(' && ');
  await waitForTrue(page, `(() => { const l = window.__prBoard?.labels() ?? []; return ${want}; })()`);
  const labels = (await page.evaluate('window.__prBoard.labels()')) as BoardLabel[];
  expect(
    labels
      .filter((l) => l.kind === 'economy')
      .map((l) => l.id)
      .sort(),
  ).toEqual(['C', 'F', 'I', 'R']);
  labels.forEach((p, i) =>
    labels
      .slice(i + 1)
      .forEach((q) =>
        expect(
          overlapArea(p.rect, q.rect),
          `${u.label}: ${p.kind} ${p.id} ${p.text} / ${q.kind} ${q.id} ${q.text}`,
        ).toBe(0),
      ),
  );
  const width = (await page.evaluate('window.__prBoard.width')) as number;
  const canvas = await page.locator('[data-testid=board] canvas').boundingBox();
  const scale = (canvas?.width ?? 0) / width;
  for (const l of labels) if (l.kind !== 'economy') expect(l.rect.h * scale, l.text).toBeGreaterThanOrEqual(12);
  return labels;
}

async function step(phase: string, round: number): Promise<void> {
  expect((await host.cmd('host:endPhase')).ok).toBe(true);
  await host.waitPhase(phase, round);
  for (const u of [li, wu]) await phaseIs(u.page, phase);
}

/** The id of the pending proposal from `from` to C, as the host sees it. */
async function offerFrom(from: string): Promise<string> {
  const view = await host.waitView(
    (v: SessionView) => v.worlds[0]?.current?.proposals.some((p) => p.from === from && p.status === 'pending') === true,
  );
  return view.worlds[0]?.current?.proposals.find((p) => p.from === from && p.status === 'pending')?.id ?? '';
}

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  for (const s of [host, ...others.values()]) s?.close();
  await e2e?.close();
});

describe.sequential('a team of two in one region', () => {
  it('Li joins first (C), three students on sockets fill I, F and R, Wu joins fifth and shares C', async () => {
    const session = await createSession(e2e.url, { config: slowConfig({ rounds: 1 }) });
    host = await connect(e2e.url, { code: session.code, token: session.hostToken });
    li = await e2e.newUser('Li', PHONE);
    expect(await join(li.page, session.code, 'Li')).toBe('C');
    for (const name of ['Ivy', 'Fay', 'Rex']) {
      const seat = await joinHttp(e2e.url, session.code, name);
      others.set(seat.seat.region, await connect(e2e.url, { code: session.code, token: seat.seatToken }));
    }
    expect([...others.keys()].sort()).toEqual(['F', 'I', 'R']);
    wu = await e2e.newUser('Wu', DESKTOP);
    expect(await join(wu.page, session.code, 'Wu')).toBe('C');
    await wu.page.locator('[data-testid=lang-switch]').click();
    await wu.page.locator('html[lang=zh-CN]').waitFor({ state: 'attached' });
    expect((await host.cmd('host:start')).ok).toBe(true);
    await host.waitPhase('briefing', 1);
    await step('negotiate', 1);
  });

  it('Li accepts Industrial inland’s offer: Wu sees that Li accepted it, Li that it was her', async () => {
    // A project in C: C gains (the project's output counts where it is built).
    const project = { host: 'C', hostShare: 0.5, sidePayment: 0 };
    await others.get('I')?.ok('proposal:submit', { to: 'C', terms: { openMarket: false, project } });
    const id = await offerFrom('I');
    const offer = li.page.locator(`[data-testid=incoming-proposal][data-id=${id}]`);
    const since = li.acks.length;
    await offer.locator('[data-testid=accept]').click();
    await waitForAck(li, 'proposal:accept', since);
    for (const u of [li, wu]) {
      const name = u === li ? t(u)('student.team.me') : 'Li';
      await expect
        .poll(() => u.page.locator('[data-testid=agreement] [data-testid=by-accept]').textContent())
        .toBe(t(u)('student.team.accept', { name }));
      await expect
        .poll(() => u.page.locator('[data-testid=team-acts] li[data-kind=accept]').textContent())
        .toContain(t(u)('student.team.accept', { name }));
    }
  });

  it('an offer that leaves C worse off asks first: Li goes back, Wu accepts anyway and Li sees who did', async () => {
    // Farm west asks C for a project built in Farm west, with an open market: C would lose by signing.
    const project = { host: 'F', hostShare: 0.5, sidePayment: 0 };
    await others.get('F')?.ok('proposal:submit', { to: 'C', terms: { openMarket: true, project } });
    const id = await offerFrom('F');
    for (const u of [li, wu]) {
      const offer = u.page.locator(`[data-testid=incoming-proposal][data-id=${id}]`);
      await expect.poll(() => offer.locator('[data-testid=effect] .bad-text').count()).toBeGreaterThan(0);
      const since = u.acks.length;
      await offer.locator('[data-testid=accept]').click();
      const ask = u.page.getByRole('alertdialog', { name: t(u)('student.neg.worseTitle') });
      await ask.waitFor();
      expect(u.acks.slice(since).some((a) => a.event === 'proposal:accept')).toBe(false);
      expect(await u.page.evaluate('document.activeElement?.dataset.testid')).toBe('accept-back');
    }
    await captureScreen(li.page, 'student-accept-confirm', {
      expect: (p) => [p.locator('[data-testid=accept-confirm]'), p.locator('[data-testid=team-acts]')],
      sizes: BOTH,
      minFontPx: 12,
    });
    await captureScreen(wu.page, 'student-accept-confirm-zh', {
      expect: (p) => [p.locator('[data-testid=accept-confirm]'), p.locator('[data-testid=team-acts]')],
      sizes: BOTH,
      minFontPx: 12,
    });
    await li.page.locator('[data-testid=accept-back]').click();
    await li.page.locator('[data-testid=accept-confirm]').waitFor({ state: 'detached' });
    const since = wu.acks.length;
    await wu.page.locator('[data-testid=accept-anyway]').click();
    await waitForAck(wu, 'proposal:accept', since);
    await expect
      .poll(() => li.page.locator('[data-testid=agreement] [data-testid=by-accept]').allTextContents())
      .toContain(en('student.team.accept', { name: 'Wu' }));
    await expect
      .poll(() => wu.page.locator('[data-testid=agreement] [data-testid=by-accept]').allTextContents())
      .toContain(zh('student.team.accept', { name: zh('student.team.me') }));
  });

  it('the map shows every region’s industries, covering no name or agreement label (phone en, laptop zh)', async () => {
    for (const u of [li, wu]) {
      const links = (await boardLabels(u, ['name', 'link', 'economy'])).filter((l) => l.kind === 'link');
      expect(links.map((l) => l.text).join(' ')).toContain(t(u)('student.link.signed'));
      expect(await u.page.locator('[data-testid=legend-capacity]').textContent()).toContain(
        t(u)('student.board.capacity'),
      );
    }
    for (const u of [li, wu])
      await captureScreen(u.page, u === li ? 'student-map-economy' : 'student-map-economy-zh', {
        expect: (p) => [p.locator('[data-testid=board] canvas'), p.locator('[data-testid=legend-capacity]')],
        sizes: BOTH,
        minFontPx: 12,
        settleMs: 300,
      });
    await li.page.setViewportSize(PHONE);
    await wu.page.setViewportSize(DESKTOP);
  });

  it('Wu submits the decision; Li sees that Wu submitted it', async () => {
    await step('decide', 1);
    const since = wu.acks.length;
    await wu.page.locator('[data-testid=submit-decision]').click();
    const confirm = wu.page.locator('[data-testid=confirm-submit]');
    // The decide form starts from choices that keep the agreements: no confirmation is needed.
    expect(await confirm.count()).toBe(0);
    await waitForAck(wu, 'decision:submit', since);
    for (const u of [li, wu]) {
      const name = u === wu ? t(u)('student.team.me') : 'Wu';
      await expect
        .poll(() => u.page.locator('[data-testid=submit-status] [data-testid=by-submit]').textContent())
        .toBe(t(u)('student.team.submit', { name }));
    }
    await captureScreen(li.page, 'student-team-submitted', {
      expect: (p) => [p.locator('[data-testid=by-submit]'), p.locator('[data-testid=team-acts]')],
      sizes: BOTH,
      minFontPx: 12,
    });
    await captureScreen(wu.page, 'student-team-submitted-zh', {
      expect: (p) => [p.locator('[data-testid=by-submit]'), p.locator('[data-testid=team-acts]')],
      sizes: BOTH,
      minFontPx: 12,
    });
    await wu.page.setViewportSize(DESKTOP);
    await li.page.setViewportSize(PHONE);
  });

  it('at the reveal each region’s growth appears on the map, one after another from the lowest to the highest', async () => {
    await step('results', 1);
    for (const u of [li, wu]) {
      const labels = await boardLabels(u, ['name', 'economy', 'growth']);
      const growth = new Map(labels.filter((l) => l.kind === 'growth').map((l) => [l.id, l.text]));
      expect([...growth.keys()].sort()).toEqual(['C', 'F', 'I', 'R']);
      for (const text of growth.values()) expect(text).toMatch(/^-?\d+(\.\d+)?%$/);
      const order = (await u.page.evaluate('window.__prBoard.reveal()')) as { id: string; delay: number }[];
      expect(order.map((o) => o.id).sort()).toEqual(['C', 'F', 'I', 'R']);
      const values = order.map((o) => Number.parseFloat(growth.get(o.id) ?? ''));
      expect(values).toEqual([...values].sort((a, b) => a - b));
      order.slice(1).forEach((o, k) => expect(o.delay).toBeGreaterThan(order[k]?.delay ?? Infinity));
      await waitForTrue(u.page, 'window.__prBoard.animating() === false');
    }
    for (const u of [li, wu])
      await captureScreen(u.page, u === li ? 'student-map-reveal' : 'student-map-reveal-zh', {
        expect: (p) => [p.locator('[data-testid=board] canvas'), p.locator('[data-testid=my-results]')],
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
