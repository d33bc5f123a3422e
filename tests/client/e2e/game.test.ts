// A whole class in browsers: the instructor creates a session in the host console (quick-demo plan, one student
// per region), opens the projector from the console, removes one student, four students fill the four regions of
// one world and play two rounds (a proposal made on the map, countered and accepted, a broken project, a reload in
// the decide phase, pause/resume with matching timers, a lost connection, a language switch), then the debrief and
// the downloads. Every screen on the way is captured at 1280x720 and 390x844 and scanned with axe-core.
import { writeFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureProblems, captureScreen, captured } from './capture.js';
import { confirm, createSession, en, endPhase, hostPhase, join, phaseIs, submitDecision } from './actors.js';
import { debriefCharts, downloads, endGame } from './ending.js';
import { networkSwitch, PHONE, startE2E, type E2E, type User } from './harness.js';
import {
  allDone,
  at,
  checkResults,
  decideWithBreach,
  nextRound,
  pauseAndResume,
  proposeCounterAccept,
  reconnect,
  reloadKeepsDraft,
  switchLanguage,
  type Class,
} from './rounds.js';

let e2e: E2E;
const cls = { students: new Map<string, User>() } as Class;

beforeAll(async () => {
  e2e = await startE2E();
  cls.e2e = e2e;
  cls.host = await e2e.newUser('host');
});

afterAll(async () => {
  await e2e?.close();
});

describe.sequential('a class plays two rounds', () => {
  it('the host creates a session in the console and opens the projector from it', async () => {
    const host = cls.host.page;
    await host.goto('/host');
    await host.locator('[data-testid=plan-quick-demo]').waitFor();
    await captureScreen(host, 'host-create', {
      expect: (p) => [
        p.getByRole('heading', { name: en('host.create.title') }),
        p.locator('[data-testid=plan-quick-demo]'),
      ],
    });
    cls.code = await createSession(host, {
      plan: 'quick-demo',
      seatsPerRegion: 1,
      phases: { briefing: 600, negotiate: 600, decide: 600, results: 600 },
    });
    expect(cls.code).toMatch(/^[A-Z0-9]{6}$/);

    await host.locator('[data-testid=tab-join]').click();
    const link = (await host.locator('[data-testid=open-projector]').getAttribute('href')) ?? '';
    expect(link).toMatch(new RegExp(`/projector/${cls.code}#.{16,}`));
    await host.locator('[data-testid=tab-game]').click();
    cls.projector = await e2e.newUser('projector');
    await cls.projector.page.goto(link);
    await cls.projector.page.locator('[data-testid=projector-lobby]').waitFor();
    await captureScreen(cls.projector.page, 'projector-lobby', {
      expect: (p) => [
        p.locator('[data-testid=projector-lobby] [data-testid=join-code]', { hasText: cls.code }),
        p.locator('.qr svg'),
      ],
    });
  });

  it('a removed student is told so, also after a reload; four students fill C, I, F and R of one world', async () => {
    const extra = await e2e.newUser('removed student', PHONE);
    await extra.page.goto(`/join/${cls.code}`);
    await extra.page.locator('[data-testid=join-name]').waitFor();
    await captureScreen(extra.page, 'student-join', {
      expect: (p) => [p.locator('[data-testid=join-name]'), p.getByText(en('student.join.button'))],
    });
    expect(await join(extra.page, cls.code, 'Kick Me')).toBe('C');
    await cls.host.page
      .locator('[data-testid=seat-row]', { hasText: 'Kick Me' })
      .locator('[data-testid=seat-remove]')
      .click();
    await confirm(cls.host.page);
    await extra.page.locator('[data-testid=status-kicked]').waitFor();
    await extra.page.reload();
    await extra.page.locator('[data-testid=status-kicked]').waitFor();
    await captureScreen(extra.page, 'student-kicked', {
      expect: (p) => [p.getByRole('heading', { name: en('status.kicked') })],
    });
    await extra.context.close();

    for (const [k, name] of ['Ana', 'Bo', 'Chen', 'Dee'].entries()) {
      const u = await e2e.newUser(`student ${name}`, k % 2 === 0 ? PHONE : undefined);
      if (name === 'Dee') cls.flaky = { user: u, net: await networkSwitch(u) };
      cls.students.set(await join(u.page, cls.code, name), u);
    }
    expect([...cls.students.keys()].sort()).toEqual(['C', 'F', 'I', 'R']);
    const page = at(cls, 'I').page;
    await phaseIs(page, 'lobby');
    await captureScreen(page, 'student-lobby', {
      expect: (p) => [
        p.locator('[data-testid=lobby]'),
        p.locator('[data-testid=briefing]'),
        p.locator('[data-testid=board] canvas'),
      ],
      settleMs: 400,
    });
    await expect.poll(() => cls.host.page.locator('[data-testid=seat-row] [data-testid=seat-online]').count()).toBe(4);
    await captureScreen(cls.host.page, 'host-lobby', {
      expect: (p) => [p.locator('[data-testid=seats-card]', { hasText: 'Dee' }), p.locator('[data-testid=start]')],
    });
    await expect
      .poll(() => cls.projector.page.locator('[data-testid=joined]').textContent())
      .toBe(en('projector.joinedN.other', { n: 4 }));
  });

  it('round 1: the host starts; I proposes to F on the map, F counters, I accepts', async () => {
    await cls.host.page.locator('[data-testid=start]').click();
    await confirm(cls.host.page);
    await hostPhase(cls.host.page, 'briefing', 1);
    await endPhase(cls.host.page, 'negotiate');
    for (const u of [...cls.students.values(), cls.projector]) await phaseIs(u.page, 'negotiate');
    await proposeCounterAccept(cls);
    await allDone(cls);
  });

  let mapBefore = '';
  it('round 1: C reloads mid-decision and keeps seat and draft; I breaks the project; all submit', async () => {
    await reloadKeepsDraft(cls);
    mapBefore = await decideWithBreach(cls);
  });

  it('round 1: results are revealed on the maps, the panels and the projector', async () => {
    await checkResults(cls, 1, mapBefore);
    await captureScreen(at(cls, 'F').page, 'student-results', {
      expect: (p) => [p.locator('[data-testid=my-results]'), p.locator('[data-testid=board] canvas')],
      settleMs: 400,
    });
    await captureScreen(cls.projector.page, 'projector-results', {
      expect: (p) => [p.locator('[data-testid=leaderboard]')],
      settleMs: 400,
    });
  });

  it('round 2: pause and resume keep every timer in step; a lost connection comes back; 中文 and back', async () => {
    await nextRound(cls, 2);
    await pauseAndResume(cls);
    await reconnect(cls);
    await switchLanguage(cls, 'negotiate');
  });

  it('round 2: everyone decides and the results come in', async () => {
    await allDone(cls);
    const all = [...cls.students.values()];
    for (const [k, u] of all.entries()) await submitDecision(u, k === all.length - 1);
    await checkResults(cls, 2, null);
  });

  let logFile = '';
  it('the host ends the game; the debrief shows charts; the JSON and CSV downloads work', async () => {
    await endGame(cls);
    await debriefCharts(cls);
    const log = await downloads(cls);
    logFile = joinPath(e2e.dataDir, `promotion-race-${cls.code}.json`);
    writeFileSync(logFile, JSON.stringify(log));
  });

  it('the downloaded log opens in the offline debrief at /debrief', async () => {
    const page = cls.host.page;
    await page.goto('/debrief');
    await page.locator('[data-testid=debrief-files]').setInputFiles(logFile);
    await page.getByText(en('debrief.load.opened', { n: 1 })).waitFor();
    await page.locator('[data-testid=debrief] figure svg[role=img]').first().waitFor();
    await captureScreen(page, 'debrief-offline-log', {
      expect: (p) => [p.locator('[data-testid=debrief] figure').first()],
    });
  });

  it('every screen has content and no serious accessibility problems; no console errors', () => {
    expect(captured.length).toBeGreaterThanOrEqual(15);
    expect(captureProblems()).toEqual([]);
    expect(e2e.errors()).toEqual([]);
  });
});
