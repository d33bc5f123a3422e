// The steps of the class in game.test.ts: negotiating on the map and in the panels, deciding (with a reload and a
// broken project), the results on the map, the projector and the student panels, pause/resume with matching
// timers, and a language switch.
import { expect } from 'vitest';
import type { Phase } from '../../../shared/model/session/state.js';
import { captureScreen } from './capture.js';
import { boardLabel, doneNegotiating, en, endPhase, hostPhase, phaseIs, submitDecision, zh } from './actors.js';
import { clickRegion, sleep, timerSeconds, waitForAck, type E2E, type NetworkSwitch, type User } from './harness.js';

export interface Class {
  e2e: E2E;
  code: string;
  host: User;
  projector: User;
  /** The four students by region (C, I, F, R). */
  students: Map<string, User>;
  /** The student whose connection the test can cut. */
  flaky: { user: User; net: NetworkSwitch };
}

export const at = (cls: Class, region: string): User => {
  const u = cls.students.get(region);
  if (!u) throw new Error(`no student in region ${region}`);
  return u;
};

/** I proposes to F by tapping F on the map; F counters (project only); I accepts the counter. */
export async function proposeCounterAccept(cls: Class): Promise<void> {
  const i = at(cls, 'I');
  const f = at(cls, 'F');
  await clickRegion(i.page, 'F');
  const form = i.page.locator('[data-testid=proposal-form]');
  await expect.poll(() => form.locator('h3').textContent()).toBe(en('student.form.title', { region: 'Farm west' }));
  let since = i.acks.length;
  await form.locator('[data-testid=p-send]').click();
  await waitForAck(i, 'proposal:submit', since);
  await i.page.locator('[data-testid=sent-proposal][data-status=pending]').waitFor();

  const incoming = f.page.locator('[data-testid=incoming-proposal][data-from=I]');
  await incoming.locator('[data-testid=effect]').waitFor();
  await expect.poll(() => incoming.locator('.terms').textContent()).toContain(en('term.openMarket'));
  await captureScreen(f.page, 'student-negotiate', {
    expect: (p) => [
      p.locator('[data-testid=incoming-proposal]'),
      p.getByRole('button', { name: en('student.neg.counter') }),
      p.locator('[data-testid=board] canvas'),
    ],
    settleMs: 400,
  });

  await incoming.locator('[data-testid=counter]').click();
  const counter = f.page.locator('[data-testid=proposal-form]');
  await expect
    .poll(() => counter.locator('h3').textContent())
    .toBe(en('student.form.counterTitle', { region: 'Industrial inland' }));
  await counter.locator('[data-testid=p-open]').uncheck();
  since = f.acks.length;
  await counter.locator('[data-testid=p-send]').click();
  await waitForAck(f, 'proposal:counter', since, (p) => p.includes('"openMarket":false'));

  const back = i.page.locator('[data-testid=incoming-proposal][data-from=F]');
  await back.waitFor();
  expect(await back.locator('.terms').textContent()).not.toContain(en('term.openMarket'));
  await i.page.locator('[data-testid=sent-proposal][data-status=countered]').waitFor();
  since = i.acks.length;
  await back.locator('[data-testid=accept]').click();
  // A deal that leaves the region worse off than not signing is confirmed first (the question shows at once).
  const anyway = back.locator('[data-testid=accept-anyway]');
  if (await anyway.isVisible()) await anyway.click();
  await waitForAck(i, 'proposal:accept', since);
  await i.page.locator('[data-testid=agreement]', { hasText: 'Farm west' }).waitFor();
  await f.page.locator('[data-testid=agreement]', { hasText: 'Industrial inland' }).waitFor();
  await expect.poll(() => f.page.locator('[data-testid=incoming-proposal]').count()).toBe(0);
}

/** Everybody says "done negotiating": the phase ends early and every screen shows the decide phase. */
export async function allDone(cls: Class): Promise<void> {
  for (const u of cls.students.values()) await doneNegotiating(u);
  await hostPhase(cls.host.page, 'decide');
  for (const u of cls.students.values()) await phaseIs(u.page, 'decide');
  await phaseIs(cls.projector.page, 'decide');
}

/** C sets a draft, waits until the server has it, reloads and finds the same seat and the same draft. */
export async function reloadKeepsDraft(cls: Class): Promise<void> {
  const c = at(cls, 'C');
  const page = c.page;
  const name = await page.locator('[data-testid=my-region]').textContent();
  const invest = page.locator('[data-testid^=invest-]:not(:checked)').first();
  const sector = ((await invest.getAttribute('data-testid')) ?? '').replace('invest-', '');
  expect(sector).not.toBe('');
  const since = c.acks.length;
  await invest.check();
  await page.locator('[data-testid=barrier-R]').check();
  await waitForAck(
    c,
    'decision:draft',
    since,
    (p) => p.includes(`"invest":"${sector}"`) && p.includes('"barriers":["R"]'),
  );
  await page.reload();
  await phaseIs(page, 'decide');
  expect(await page.locator('[data-testid=my-region]').getAttribute('data-region')).toBe('C');
  expect(await page.locator('[data-testid=my-region]').textContent()).toBe(name);
  await expect.poll(() => page.locator(`[data-testid=invest-${sector}]`).isChecked()).toBe(true);
  expect(await page.locator('[data-testid=barrier-R]').isChecked()).toBe(true);
  expect(await page.locator('[data-testid=barrier-I]').isChecked()).toBe(false);
}

/** I breaks the joint project with F; everybody submits; the round resolves. Returns the map labels before. */
export async function decideWithBreach(cls: Class): Promise<string> {
  const i = at(cls, 'I');
  const f = at(cls, 'F');
  await f.page.locator('[data-testid=decide-form]').waitFor();
  await captureScreen(f.page, 'student-decide', {
    expect: (p) => [
      p.locator('[data-testid=decide-form]'),
      p.getByRole('button', { name: en('student.decide.submit') }),
      p.locator('[data-testid=preview-gdp]'),
    ],
    settleMs: 400,
  });
  const before = await boardLabel(f.page);
  const breach = i.page.locator('[data-testid^=comply-][data-testid$=-breach]');
  expect(await breach.count()).toBe(1);
  await breach.check();
  // Breaking the project is warned beside the choice and confirmed before it goes out.
  await i.page.locator('[data-testid^=warn-comply-]').waitFor();
  const since = i.acks.length;
  await i.page.locator('[data-testid=submit-decision]').click();
  await i.page.locator('[data-testid=confirm-submit]').click();
  await waitForAck(i, 'decision:submit', since, (p) => p.includes('"breach"'));
  await i.page.locator('[data-testid=submitted]').waitFor();
  for (const region of ['C', 'R']) await submitDecision(at(cls, region));
  await expect
    .poll(() => cls.host.page.locator('[data-testid=progress-0]').textContent())
    .toContain(en('host.worlds.decided', { x: 3, y: 4 }));
  await expect
    .poll(() => cls.projector.page.locator('[data-testid=decided]').textContent())
    .toBe(en('projector.decided', { n: 3, of: 4 }));
  await captureScreen(cls.host.page, 'host-running', {
    expect: (p) => [
      p.locator('[data-testid=host-phase][data-phase=decide]'),
      p.locator('[data-testid=pause]'),
      p.locator('[data-testid=endPhase]'),
    ],
  });
  await submitDecision(f, true);
  return before;
}

/** The round's results on the students' panels and maps, the projector and the console. */
export async function checkResults(cls: Class, round: number, mapBefore: string | null): Promise<void> {
  await hostPhase(cls.host.page, 'results');
  for (const u of [...cls.students.values(), cls.projector]) await phaseIs(u.page, 'results');
  for (const [region, u] of cls.students) {
    const mine = u.page.locator('[data-testid=results]');
    await expect.poll(() => mine.locator('h2').textContent()).toBe(en('student.results.title', { round }));
    await u.page.locator(`[data-testid=results] tr.me[data-region=${region}]`).waitFor();
    await u.page.locator('[data-testid=my-results]').waitFor();
  }
  if (mapBefore !== null) {
    // The map's figures change with the reveal (its accessible name lists every region's output and rank).
    await expect.poll(() => boardLabel(at(cls, 'F').page)).not.toBe(mapBefore);
    await expect
      .poll(() => at(cls, 'I').page.locator('[data-testid=my-results]').textContent())
      .toContain(en('student.results.youBroke'));
    await expect
      .poll(() => at(cls, 'F').page.locator('[data-testid=my-results]').textContent())
      .toContain(en('student.results.theyBroke'));
  }
  // The projector reveals the results in steps: the agreements first (the broken project, by one region), then
  // growth, output and the leaderboard (a step can be picked directly).
  const stage = cls.projector.page.locator('[data-testid=projector-results]');
  if (mapBefore !== null) {
    // Picked directly: on a loaded machine the steps may have moved on (every 6 s) before the first look.
    await stage.locator('[data-testid=step-deals]').click();
    await expect.poll(() => stage.locator('.deal-broken').count()).toBe(1);
  }
  await stage.locator('[data-testid=step-board]').click();
  const board = cls.projector.page.locator('[data-testid=leaderboard]');
  await expect.poll(() => board.locator('tbody tr').count()).toBe(4);
  await expect.poll(() => board.textContent()).toMatch(new RegExp(`after round ${round}\\.`));
}

/** The timers of the console, the projector and the four students, read at the same moment. */
async function allTimers(cls: Class): Promise<number[]> {
  const pages = [cls.host.page, cls.projector.page, ...[...cls.students.values()].map((u) => u.page)];
  // A timer drawn afresh (a header rebuilt on pause or resume) shows "–:––" until its first tick.
  for (let attempt = 0; attempt < 20; attempt++) {
    const values = await Promise.all(pages.map((p) => timerSeconds(p)));
    if (values.every((v) => v !== null)) return values as number[];
    await sleep(100);
  }
  throw new Error('a timer shows no time');
}

function spread(values: number[]): number {
  return Math.max(...values) - Math.min(...values);
}

/** Pause: every screen says so and the clocks stop at the same time; resume: they agree and run again. */
export async function pauseAndResume(cls: Class): Promise<void> {
  const host = cls.host.page;
  const running = await allTimers(cls);
  expect(spread(running), `timers ${running.join(', ')}`).toBeLessThanOrEqual(2);
  await host.locator('[data-testid=pause]').click();
  await host.locator('[data-testid=paused-banner]').waitFor();
  await host.locator('[data-testid=paused-badge]').waitFor();
  for (const u of [...cls.students.values(), cls.projector]) await u.page.locator('[data-testid=paused]').waitFor();
  await sleep(300);
  const paused = await allTimers(cls);
  expect(spread(paused), `timers ${paused.join(', ')}`).toBeLessThanOrEqual(1);
  await captureScreen(at(cls, 'R').page, 'student-paused', {
    // A banner, not a curtain: the phase's panel stays readable (no modal dialog covers it).
    expect: (p) => [p.locator('[data-testid=paused][role=status]', { hasText: en('status.paused') })],
  });
  await sleep(2100);
  const later = await allTimers(cls);
  expect(later).toEqual(paused);
  await host.locator('[data-testid=resume]').click();
  for (const u of [...cls.students.values(), cls.projector])
    await u.page.locator('[data-testid=paused]').waitFor({ state: 'detached' });
  await host.locator('[data-testid=paused-banner]').waitFor({ state: 'detached' });
  const resumed = await allTimers(cls);
  expect(spread(resumed), `timers ${resumed.join(', ')}`).toBeLessThanOrEqual(2);
  await sleep(2100);
  const after = await allTimers(cls);
  expect(spread(after), `timers ${after.join(', ')}`).toBeLessThanOrEqual(2);
  // Every screen's clock runs again.
  after.forEach((t, k) => expect(t, `timer ${k}: ${resumed[k]} then ${t}`).toBeLessThan(resumed[k] ?? 0));
}

/** A student loses the connection: the screen says it is reconnecting, then comes back by itself. */
export async function reconnect(cls: Class): Promise<void> {
  const { user, net } = cls.flaky;
  await net.cut();
  await user.page.locator('[data-testid=reconnecting]').waitFor();
  await user.page.locator('[data-testid=conn][data-status=reconnecting]').waitFor();
  await captureScreen(user.page, 'student-reconnecting', {
    expect: (p) => [p.locator('[data-testid=reconnecting]', { hasText: en('status.reconnecting') })],
  });
  net.restore();
  await user.page.locator('[data-testid=conn][data-status=online]').waitFor({ timeout: 20_000 });
  await user.page.locator('[data-testid=reconnecting]').waitFor({ state: 'detached' });
}

/** A student switches to Chinese (texts change, remembered over a reload) and back to English; then the host. */
export async function switchLanguage(cls: Class, phase: Phase): Promise<void> {
  const page = at(cls, 'F').page;
  const phaseEl = page.locator('[data-testid=phase]');
  expect(await phaseEl.textContent()).toBe(en(`phase.${phase}`));
  await page.locator('[data-testid=lang-switch]').click();
  await expect.poll(() => phaseEl.textContent()).toBe(zh(`phase.${phase}`));
  expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
  await expect.poll(() => page.locator('[data-testid=my-region]').textContent()).toContain('西部农业');
  await page.getByRole('heading', { name: zh('student.neg.incoming') }).waitFor();
  await captureScreen(page, 'student-negotiate-zh', {
    expect: (p) => [p.getByRole('heading', { name: zh('student.neg.proposeTo') })],
    settleMs: 400,
  });
  await page.reload();
  await expect.poll(() => page.locator('[data-testid=phase]').textContent()).toBe(zh(`phase.${phase}`));
  await page.locator('[data-testid=lang-switch]').click();
  await expect.poll(() => phaseEl.textContent()).toBe(en(`phase.${phase}`));
  expect(await page.evaluate('document.documentElement.lang')).toBe('en');
  await expect.poll(() => page.locator('[data-testid=my-region]').textContent()).toContain('Farm west');

  // The console too: its texts follow, and nothing overflows in Chinese.
  const host = cls.host.page;
  const hostPhaseEl = host.locator('[data-testid=host-phase]');
  await host.locator('[data-testid=lang-switch]').click();
  await expect.poll(() => hostPhaseEl.textContent()).toBe(zh(`phase.${phase}`));
  await captureScreen(host, 'host-running-zh', {
    expect: (p) => [
      p.getByRole('button', { name: zh('host.flow.endPhase') }),
      p.getByRole('tab', { name: zh('host.tab.debrief') }),
    ],
  });
  await host.locator('[data-testid=lang-switch]').click();
  await expect.poll(() => hostPhaseEl.textContent()).toBe(en(`phase.${phase}`));
}

/** Results, then the next round's briefing and negotiation, driven from the console. */
export async function nextRound(cls: Class, round: number): Promise<void> {
  await endPhase(cls.host.page, 'briefing');
  await hostPhase(cls.host.page, 'briefing', round);
  await endPhase(cls.host.page, 'negotiate');
  for (const u of cls.students.values()) await phaseIs(u.page, 'negotiate');
}
