// The end of a term on the big screen (issue #10): a 'quick-demo' class switches every reform on from round 2, so the
// results of round 1 close a term. The projector's reveal reaches its last step, the promotion ceremony, which names
// the promoted region and says why (the term's rounds and score), in English and in Chinese, at 1280x720 and
// 1920x1080 without scrolling, with no text under 14 px and no serious axe violations. The student's results in the
// same round name the same region. With the plan's own 20 s results, the reveal reaches the ceremony by itself in time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapById } from '../../../shared/model/config.js';
import type { Promotion } from '../../../shared/model/promotion.js';
import type { CreateSessionReply } from '../../../shared/protocol/http.js';
import { connect, createSession, type TestClient } from '../../server/helpers.js';
import { en, join as joinAs, phaseIs, zh } from './actors.js';
import { captureProblems, captureScreen, fitsScreen } from './capture.js';
import { BIG_SCREEN, LAPTOP, PHONE, startE2E, waitForTrue, type E2E, type User } from './harness.js';

let e2e: E2E;
let host: TestClient;
let projector: User;
let student: User;
let session: CreateSessionReply;

beforeAll(async () => {
  e2e = await startE2E();
  // The class plan as the create screen offers it; long phases, so that only the host moves the game on.
  session = await createSession(e2e.url, {
    preset: 'quick-demo',
    config: { phases: { briefing: 600, negotiate: 600, decide: 600, results: 600 } },
  });
  student = await e2e.newUser('student', PHONE);
  host = await connect(e2e.url, { code: session.code, token: session.hostToken });
  projector = await e2e.newUser('projector', LAPTOP);
  await projector.page.goto(session.projectorUrl.replace(e2e.url, ''));
}, 60_000);

afterAll(async () => {
  host?.close();
  await e2e?.close();
});

/** The ceremony has faded in (axe would measure the contrast of text still fading in). */
const settled = () =>
  waitForTrue(
    projector.page,
    `document.querySelector('[data-testid=reveal-promotion]')?.getAnimations({ subtree: true })
      .every((a) => a.playState === 'finished') === true`,
  );

const score = (value: number, locale: string) =>
  value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

describe.sequential('the promotion ceremony at the end of a term', { timeout: 120_000 }, () => {
  let promotion: Promotion;
  let names: { en: string; zh: string };

  it('round 1 of a quick demo is played to its results, which name the promoted region', async () => {
    await projector.page.locator('[data-testid=projector-lobby]').waitFor();
    await joinAs(student.page, session.code, 'Ada');
    await host.ok('host:start');
    for (const next of ['negotiate', 'decide', 'results']) {
      await host.ok('host:endPhase');
      await phaseIs(projector.page, next);
    }
    const view = await host.waitView(
      (v) => v.phase === 'results' && v.round === 1 && (v.worlds[0]?.promoted.length ?? 0) > 0,
      15_000,
      'round 1 results with a promotion',
    );
    const world = view.worlds[0];
    const found = world?.promoted.find((p) => p.afterRound === 1);
    expect(found).toBeDefined();
    if (!world || !found) return;
    promotion = found;
    const region = mapById(view.config, world.mapId).regions.find((r) => r.id === found.regionId);
    expect(region).toBeDefined();
    names = { en: region?.name.en ?? '', zh: region?.name.zh ?? '' };
    expect(promotion.fromRound).toBe(1);
  });

  it('the projector reveal ends with the ceremony: who is promoted and why, fitting the screen', async () => {
    const results = projector.page.locator('[data-testid=projector-results]');
    await results.waitFor();
    // The reveal has a fifth step, after the leaderboard.
    const dots = projector.page.locator('[data-testid=projector-results] .reveal-dots button');
    const steps = ['deals', 'growth', 'output', 'board', 'promotion'] as const;
    await expect.poll(() => dots.allTextContents()).toEqual(steps.map((s) => en(`projector.step.${s}`)));
    // Three presses of → from the first step reach the leaderboard; one more, the ceremony.
    for (let k = 0; k < 4; k++) await projector.page.keyboard.press('ArrowRight');
    await projector.page.locator('[data-testid=projector-results][data-step=promotion]').waitFor();
    const ceremony = projector.page.locator('[data-testid=reveal-promotion]');
    expect(await ceremony.locator('h2').textContent()).toBe(en('projector.promo.title', { region: names.en }));
    const why = en('projector.promo.whyOne', { to: 1, score: score(promotion.termScore, 'en') });
    expect(await ceremony.textContent()).toContain(why);
    const r = promotion.record;
    expect(await ceremony.textContent()).toContain(
      en('projector.promo.record', {
        honoured: r.honoured,
        breaches: r.breaches,
        detected: r.detected,
        barriers: r.barriers,
        duplications: r.duplications,
      }),
    );
    await fitsScreen(projector.page, 'the promotion ceremony');
    await settled();
    await captureScreen(projector.page, 'projector-promotion', {
      sizes: BIG_SCREEN,
      minFontPx: 14,
      expect: (p) => [p.getByText(why), p.locator('[data-testid=step-promotion][aria-current=step]')],
    });
  });

  it('the ceremony in Chinese', async () => {
    await projector.page.getByRole('button', { name: '中文' }).click();
    const title = zh('projector.promo.title', { region: names.zh });
    await projector.page.getByRole('heading', { name: title }).waitFor();
    // Built again in Chinese, the stage stays on its last step.
    expect(await projector.page.locator('[data-testid=projector-results]').getAttribute('data-step')).toBe('promotion');
    const why = zh('projector.promo.whyOne', { to: 1, score: score(promotion.termScore, 'zh-CN') });
    expect(await projector.page.locator('[data-testid=reveal-promotion]').textContent()).toContain(why);
    await fitsScreen(projector.page, 'the promotion ceremony in Chinese');
    await settled();
    await captureScreen(projector.page, 'projector-promotion-zh', {
      sizes: BIG_SCREEN,
      minFontPx: 14,
      expect: (p) => [p.getByText(why)],
    });
    await projector.page.getByRole('button', { name: 'English' }).click();
    await projector.page.getByRole('heading', { name: en('projector.promo.title', { region: names.en }) }).waitFor();
  });

  it("the student's results of the same round name the promoted region", async () => {
    await phaseIs(student.page, 'results');
    const promoted = student.page.locator('[data-testid=results] [data-testid=promoted]');
    await promoted.waitFor();
    expect(await promoted.getAttribute('data-region')).toBe(promotion.regionId);
    expect(await promoted.textContent()).toBe(en('student.results.promotedOne', { region: names.en, round: 1 }));
  });

  it("with the class plan's own 20 s results, the reveal reaches the ceremony by itself before they end", async () => {
    const demo = await createSession(e2e.url, { preset: 'quick-demo' });
    expect(demo.code).not.toBe(session.code);
    const demoHost = await connect(e2e.url, { code: demo.code, token: demo.hostToken });
    try {
      await projector.page.goto(demo.projectorUrl.replace(e2e.url, ''));
      await projector.page.locator('[data-testid=projector-lobby]').waitFor();
      await demoHost.ok('host:start');
      for (const next of ['negotiate', 'decide', 'results']) {
        await demoHost.ok('host:endPhase');
        await phaseIs(projector.page, next);
      }
      const started = Date.now();
      // Nobody touches the screen: five steps of 4 s, the ceremony from 16 s, while the results still run.
      await projector.page.locator('[data-testid=projector-results][data-step=promotion]').waitFor({ timeout: 19_000 });
      expect(await projector.page.locator('[data-testid=phase][data-phase=results]').count()).toBe(1);
      console.log(`quick-demo: the ceremony showed ${Date.now() - started} ms into the 20 s results`);
    } finally {
      demoHost.close();
    }
  });

  it('no text under 14 px, no overflow, no serious accessibility problems, no errors', () => {
    expect(captureProblems()).toEqual([]);
    expect(e2e.errors()).toEqual([]);
  });
});
