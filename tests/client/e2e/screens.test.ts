// The screens around the game that a class meets when something is off, captured at 1280x720 and 390x844 (a
// projector's also at 1920x1080, with no text under 14 px) and scanned with axe-core: the offline debrief page (empty,
// and refusing a file that is not a log), the host console without its key, a projector link to an unknown session or
// without its token, a wrong join code, and a create form with an invalid setting explained next to its field.
// (game.test.ts covers the screens of a session that runs.)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureProblems, captureScreen } from './capture.js';
import { en } from './actors.js';
import { LAPTOP, PHONE, startE2E, type E2E, type User } from './harness.js';

const FULL_HD = { width: 1920, height: 1080 };

let e2e: E2E;
let user: User;

beforeAll(async () => {
  e2e = await startE2E();
  user = await e2e.newUser('visitor');
});

afterAll(async () => {
  await e2e?.close();
});

describe.sequential('screens outside a running game', () => {
  it('/debrief opens saved logs and explains why a file is refused', async () => {
    const page = user.page;
    await page.goto('/debrief');
    await page.getByRole('heading', { name: en('debrief.open.title') }).waitFor();
    await captureScreen(page, 'debrief-offline', {
      expect: (p) => [
        p.getByRole('button', { name: en('debrief.open.choose') }),
        p.getByText(en('debrief.open.private')),
      ],
    });
    const file = join(e2e.dataDir, 'not-a-log.json');
    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    await page.locator('[data-testid=debrief-files]').setInputFiles(file);
    const refused = page.getByRole('alert').getByText(en('debrief.load.notLog', { file: 'not-a-log.json' }));
    await refused.waitFor();
    await captureScreen(page, 'debrief-offline-refused', { expect: () => [refused] });
  });

  it('the host console without its key asks for the host link', async () => {
    const created = await fetch(`${e2e.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"preset":"quick-demo"}',
    });
    const { code } = (await created.json()) as { code: string };
    const page = user.page;
    await page.goto(`/host/${code}`);
    await page.locator('[data-testid=access-missing]').waitFor();
    await captureScreen(page, 'host-access', {
      expect: (p) => [p.getByRole('heading', { name: en('host.access.title') }), p.getByLabel(en('host.access.paste'))],
    });
    await page.getByLabel(en('host.access.paste')).fill('https://example.org/host/OTHER1#abcdefghijklmnopqrstuvwx');
    await page.getByRole('button', { name: en('host.access.open') }).click();
    await page.getByRole('alert').getByText(en('host.access.bad')).waitFor();
    expect(await page.getByLabel(en('host.access.paste')).getAttribute('aria-invalid')).toBe('true');
  });

  it('a projector link to an unknown session says so', async () => {
    const page = user.page;
    await page.goto('/projector/QQQQQQ#abcdefghijklmnopqrstuvwx');
    await page.locator('[data-testid=status-notFound]').waitFor();
    await captureScreen(page, 'projector-not-found', {
      sizes: [LAPTOP, FULL_HD, PHONE],
      minFontPx: 14,
      expect: (p) => [p.getByRole('heading', { name: en('status.notFound') })],
    });
  });

  it('a projector link without its token says what is wrong and where the right link is', async () => {
    const created = await fetch(`${e2e.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"preset":"quick-demo"}',
    });
    const { code } = (await created.json()) as { code: string };
    const page = user.page;
    await page.goto(`/projector/${code}`);
    await page.locator('[data-testid=projector-token-missing]').waitFor();
    const missing = (p: Page) => [
      p.getByRole('heading', { name: en('projector.token.missing') }),
      p.getByText(en('projector.token.step2')),
    ];
    await captureScreen(page, 'projector-token-missing', { sizes: [LAPTOP, FULL_HD], minFontPx: 14, expect: missing });
    await captureScreen(page, 'projector-token-missing-phone', { sizes: [PHONE], minFontPx: 12, expect: missing });
    // A link whose secret part is wrong is told apart from a missing one (a fresh load, not a hash change).
    await page.goto('about:blank');
    await page.goto(`/projector/${code}#abcdefghijklmnopqrstuvwx`);
    await page.locator('[data-testid=projector-token-wrong]').waitFor();
  });

  it('a wrong join code is explained on the join screen', async () => {
    const student = await e2e.newUser('student', PHONE);
    const page = student.page;
    await page.goto('/');
    await page.locator('[data-testid=join-code]').fill('qqq-qqq');
    await page.locator('[data-testid=join-name]').fill('Lee');
    await page.locator('[data-testid=join-submit]').click();
    await expect.poll(() => page.locator('[data-testid=join-error]').textContent()).toBe(en('error.NOT_FOUND'));
    await captureScreen(page, 'student-join-error', {
      expect: (p) => [p.getByRole('alert').getByText(en('error.NOT_FOUND'))],
    });
  });

  it('an invalid setting on the create screen is explained next to its field', async () => {
    const page = user.page;
    await page.goto('/host');
    const rounds = page.locator('[data-testid=field-rounds]');
    await rounds.fill('41');
    await page.locator('[data-testid=create]').click();
    await expect.poll(() => rounds.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await rounds.getAttribute('aria-describedby')) ?? '';
    const explanation = page.locator(`[id="${describedBy.split(' ').pop() ?? ''}"]`);
    await expect.poll(async () => ((await explanation.textContent()) ?? '').length).toBeGreaterThan(0);
    await page.getByText(en('host.create.problems.one', { n: 1 })).waitFor();
    expect(page.url()).toMatch(/\/host$/);
    await captureScreen(page, 'host-create-invalid', {
      expect: (p) => [p.getByText(en('host.create.problems.one', { n: 1 })), explanation],
    });
  });

  it('every screen has content and no serious accessibility problems; no console errors', () => {
    expect(captureProblems()).toEqual([]);
    // The join request with an unknown code is answered 404, and Chromium logs every failed request.
    expect(e2e.errors().filter((e) => !/^student: Failed to load resource: .*404/.test(e))).toEqual([]);
  });
});
