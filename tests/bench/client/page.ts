// Waiting on a page in the client bench: polled with page.evaluate, since waitForFunction with a string needs eval,
// which the game's Content-Security-Policy forbids.
import type { Page } from 'playwright-core';

/** Polls an expression in the page until it is true. */
export async function waitForTrue(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if ((await page.evaluate(expression)) === true) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`still false after ${timeoutMs} ms: ${expression}`);
}
