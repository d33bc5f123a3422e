// What the people in a browser test do through the real screens: the instructor creates and runs a session in
// the host console, students join with the code and play from their panels and the map.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { addCatalogue, t, type MessageKey } from '../../../shared/i18n/index.js';
import { debriefEn } from '../../../shared/i18n/ui/debrief.en.js';
import { debriefZh } from '../../../shared/i18n/ui/debrief.zh-CN.js';
import { hostEn } from '../../../shared/i18n/ui/host.en.js';
import { hostZh } from '../../../shared/i18n/ui/host.zh-CN.js';
import { projectorEn } from '../../../shared/i18n/ui/projector.en.js';
import { projectorZh } from '../../../shared/i18n/ui/projector.zh-CN.js';
import { waitForAck, type User } from './harness.js';

// The host's, the projector's and the debrief's texts load with their chunks in the browser; the tests read them too.
for (const texts of [
  { en: debriefEn, 'zh-CN': debriefZh },
  { en: hostEn, 'zh-CN': hostZh },
  { en: projectorEn, 'zh-CN': projectorZh },
])
  addCatalogue(texts);

export const en = (key: MessageKey, params?: Record<string, string | number>) => t('en', key, params);
export const zh = (key: MessageKey, params?: Record<string, string | number>) => t('zh-CN', key, params);

export interface CreateOptions {
  plan: string;
  seatsPerRegion: number;
  /** Phase lengths in seconds (long, so that the test drives the phases with "End phase now"). */
  phases: Record<'briefing' | 'negotiate' | 'decide' | 'results', number>;
}

/** The host create screen at /host: pick a class plan, change settings, create; returns the join code. */
export async function createSession(host: Page, opts: CreateOptions): Promise<string> {
  await host.locator(`[data-testid=plan-${opts.plan}]`).click();
  await host.locator('[data-testid="field-worlds.maxSeatsPerRegion"]').fill(String(opts.seatsPerRegion));
  for (const [phase, seconds] of Object.entries(opts.phases))
    await host.locator(`[data-testid="field-phases.${phase}"]`).fill(String(seconds));
  await expect.poll(() => host.locator('[data-testid=error-summary]').textContent()).toContain(en('host.create.ready'));
  await host.locator('[data-testid=create]').click();
  await host.waitForURL(/\/host\/[A-Z0-9]{6}$/);
  await host.locator('[data-testid=host-phase][data-phase=lobby]').waitFor();
  return new URL(host.url()).pathname.split('/')[2] ?? '';
}

/** POSTs JSON to the test server and returns the reply of a created resource (a session, a seat). */
export async function postCreated<T>(url: string, body: unknown): Promise<T> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(r.status).toBe(201);
  return (await r.json()) as T;
}

/** Confirms the console's modal question. */
export async function confirm(host: Page): Promise<void> {
  await host.locator('[data-testid=confirm-dialog] [data-testid=confirm-ok]').click();
}

export async function hostPhase(host: Page, phase: string, round?: number): Promise<void> {
  // Attached, not visible: the console shows the Debrief tab by itself once the game has ended.
  await host.locator(`[data-testid=host-phase][data-phase=${phase}]`).waitFor({ state: 'attached' });
  if (round !== undefined)
    await expect
      .poll(() => host.locator('[data-testid=host-round]').textContent())
      .toBe(en('common.round', { round, rounds: 3 }));
}

/** "End phase now" in the console (it asks first), then waits for the next phase there. */
export async function endPhase(host: Page, next: string): Promise<void> {
  await host.locator('[data-testid=endPhase]').click();
  await confirm(host);
  await hostPhase(host, next);
}

/** A student or projector page shows this phase. */
export async function phaseIs(page: Page, phase: string): Promise<void> {
  await page.locator(`[data-testid=phase][data-phase=${phase}]`).waitFor();
}

/** Joins from the join link with a name; returns the region the student landed on. */
export async function join(student: Page, code: string, name: string): Promise<string> {
  await student.goto(`/join/${code}`);
  await expect.poll(() => student.locator('[data-testid=join-code]').inputValue()).toBe(code);
  await student.locator('[data-testid=join-name]').fill(name);
  await student.locator('[data-testid=join-submit]').click();
  const me = student.locator('[data-testid=my-region]');
  await me.waitFor();
  await expect.poll(() => me.textContent()).toContain(name);
  return (await me.getAttribute('data-region')) ?? '';
}

export async function myRegion(student: Page): Promise<string> {
  return (await student.locator('[data-testid=my-region]').getAttribute('data-region')) ?? '';
}

/**
 * Submits the decision form and waits for the server's ack and the "submitted" confirmation (not for the last
 * region to submit: that ends the phase at once).
 */
export async function submitDecision(student: User, last = false): Promise<void> {
  const since = student.acks.length;
  await student.page.locator('[data-testid=submit-decision]').click();
  await waitForAck(student, 'decision:submit', since);
  if (!last) await student.page.locator('[data-testid=submitted]').waitFor();
}

/** "Done negotiating", confirmed by the server. */
export async function doneNegotiating(student: User): Promise<void> {
  const since = student.acks.length;
  await student.page.locator('[data-testid=done][aria-pressed=false]').click();
  await waitForAck(student, 'negotiation:done', since);
}

/** The accessible name of the board canvas: every region's output and rank as drawn on the map. */
export async function boardLabel(page: Page): Promise<string> {
  return (await page.locator('[data-testid=board] canvas').getAttribute('aria-label')) ?? '';
}
