// The projector's first frame after a phase change, over every transition of a whole class (quick-demo: 3 rounds).
// The host ends each phase over Socket.IO (host:advance); the projector page notes when its stage shows the new phase
// and when that frame has been painted: the first animation frame after the DOM changed, then a message posted from
// it (a task that runs once the frame has been produced). Both clocks are this machine's wall clock (Date.now).
// The page also notes when the state frame that carried the change arrived on its WebSocket, and when the page had
// handled it (patch applied, view parsed, stage rebuilt), so each change splits into server + network, handling and
// layout + paint.
import type { Browser } from 'playwright-core';
import { io } from 'socket.io-client';
import { waitForTrue } from './page.js';

/** What the page notes for one expected phase (all Date.now() values, null until seen). */
interface Seen {
  /** The state frame (state:patch or state:view) being handled when the new phase reached the DOM. */
  arrived: number | null;
  /** The DOM showed the new phase (the frame's handling had returned: a MutationObserver runs after it). */
  handled: number | null;
  /** The first animation frame after that began. */
  frame: number | null;
  /** The frame has been painted: a task posted from the animation frame has run. */
  painted: number | null;
  /** On the play stage, the frame after the map was given the new phase's model (or first drawn) has been painted. */
  map: number | null;
}

export interface PhaseChange {
  kind: string;
  round: number;
  sent: number;
  acked: number;
  seen: Seen;
}

// A string, not a function: this file is type-checked without DOM types. Installed before the page's own scripts,
// so that it sees every WebSocket the page opens and its message listener runs before Socket.IO's.
const PAGE_PROBE = `(() => {
  const bench = { expect: null, seen: null, current: null };
  window.__bench = bench;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (typeof e.data === 'string' && /^42\\["state:(patch|view)"/.test(e.data)) bench.current = Date.now();
      });
    }
  };
  const afterPaint = (done) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => done(Date.now());
    ch.port2.postMessage(0);
  });
  // The map's test hook is set each time the board is given a model (board.ts): a drawn map.
  let board;
  Object.defineProperty(window, '__prBoard', {
    configurable: true,
    get: () => board,
    set: (v) => {
      board = v;
      const seen = bench.seen;
      const phase = document.querySelector('[data-testid=phase]')?.getAttribute('data-phase');
      if (!v || !seen || seen.map !== null || phase !== bench.expect) return;
      seen.map = -1;
      afterPaint((t) => { seen.map = t; });
    },
  });
  const note = () => {
    const seen = bench.seen;
    if (!seen || seen.handled !== null) return;
    const phase = document.querySelector('[data-testid=phase]')?.getAttribute('data-phase');
    if (phase !== bench.expect) return;
    seen.handled = Date.now();
    seen.arrived = bench.current;
    requestAnimationFrame(() => {
      seen.frame = Date.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { seen.painted = Date.now(); };
      ch.port2.postMessage(0);
    });
  };
  const start = () => new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
  if (document.body) start(); else addEventListener('DOMContentLoaded', start);
})()`;

function isSeen(x: unknown): x is Seen {
  return typeof x === 'object' && x !== null && 'painted' in x && typeof x.painted === 'number';
}

/**
 * The map on the play stage is drawn (Phaser's chunk loaded, the board given its model) and has stopped drawing, as
 * it has long before a phase ends in a class. A change while it is still starting (its first frames compile shaders
 * and upload textures, which software WebGL on a busy machine takes hundreds of milliseconds for) is what
 * `--no-settle` measures.
 */
const BOARD_SETTLED = `(() => {
  try {
    return document.querySelector('[data-testid=board] canvas') !== null && window.__prBoard !== undefined && !window.__prBoard.animating() && window.__prBoard.asleep();
  } catch {
    return false; // the scene has not started yet
  }
})()`;

/**
 * Plays a class of `preset` through all its rounds with the projector open at `viewport`, ending each phase from
 * the host. Before each change the stage has settled (its map drawn), as it has in a class, where a phase lasts at
 * least ten seconds.
 */
export async function projectorPhaseChanges(
  serverUrl: string,
  browser: Browser,
  preset = 'quick-demo',
  viewport = { width: 1280, height: 720 },
  settle = !process.argv.includes('--no-settle'),
): Promise<PhaseChange[]> {
  const res = await fetch(`${serverUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ preset }),
  });
  const created = (await res.json()) as { code: string; hostToken: string; projectorUrl: string };
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.addInitScript(PAGE_PROBE);
  await page.goto(created.projectorUrl);
  await waitForTrue(page, 'document.querySelector("[data-testid=projector-lobby]") !== null', 30_000);
  const host = io(serverUrl, { auth: { code: created.code, token: created.hostToken }, transports: ['websocket'] });
  const changes: PhaseChange[] = [];
  const order = ['lobby', 'briefing', 'negotiate', 'decide', 'results'] as const;
  let phase: string = 'lobby';
  let round = 0;
  try {
    for (let k = 0; phase !== 'ended'; k++) {
      const at = order.indexOf(phase as (typeof order)[number]);
      const last = round >= 3 && phase === 'results';
      const next = last ? 'ended' : phase === 'results' ? 'briefing' : (order[at + 1] ?? 'ended');
      if (settle && (phase === 'negotiate' || phase === 'decide')) await waitForTrue(page, BOARD_SETTLED, 30_000);
      await page.evaluate(
        `window.__prBoard = undefined; window.__bench.expect = ${JSON.stringify(next)}; window.__bench.seen = { arrived: null, handled: null, frame: null, painted: null, map: null }`,
      );
      const sent = Date.now();
      const ack: unknown = await host.timeout(10_000).emitWithAck('host:advance', { cmdId: `bench-advance-${k}` });
      const acked = Date.now();
      if (typeof ack !== 'object' || ack === null || !('ok' in ack) || ack.ok !== true) {
        throw new Error(`host:advance refused: ${JSON.stringify(ack)}`);
      }
      await waitForTrue(page, 'window.__bench.seen.painted !== null', 10_000);
      if (next === 'negotiate' || next === 'decide') await waitForTrue(page, 'window.__bench.seen.map > 0', 30_000);
      const seen: unknown = await page.evaluate('window.__bench.seen');
      if (!isSeen(seen)) throw new Error('the page noted no frame');
      if (next === 'briefing') round++;
      if (phase !== 'lobby') changes.push({ kind: `${phase}→${next}`, round, sent, acked, seen });
      phase = next;
      // A results stage reveals in steps; a briefing shows its card: let each settle as a class would.
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    host.close();
    await context.close();
  }
  return changes;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** One line per transition kind: median and max of sent → painted, with the parts of the median change. */
export function printPhaseChanges(changes: PhaseChange[]): void {
  const kinds = [...new Set(changes.map((c) => c.kind))];
  const total = (c: PhaseChange) => (c.seen.painted ?? 0) - c.sent;
  console.log(
    `\nProjector: first frame after a phase change (host:advance sent -> new stage painted), ${changes.length} changes:`,
  );
  for (const kind of kinds) {
    const list = changes.filter((c) => c.kind === kind);
    const part = (f: (c: PhaseChange) => number) => median(list.map(f));
    console.log(
      `  ${kind.padEnd(20)} median ${String(median(list.map(total))).padStart(4)} ms, max ${String(Math.max(...list.map(total))).padStart(4)} ms` +
        ` (${list.map(total).join(', ')} ms; medians: to the frame's arrival ${part((c) => (c.seen.arrived ?? c.sent) - c.sent)}, handling ${part((c) => (c.seen.handled ?? 0) - (c.seen.arrived ?? c.sent))}, to the animation frame ${part((c) => (c.seen.frame ?? 0) - (c.seen.handled ?? 0))}, paint ${part((c) => (c.seen.painted ?? 0) - (c.seen.frame ?? 0))} ms; ack ${part((c) => c.acked - c.sent)} ms)`,
    );
  }
  const all = changes.map(total);
  console.log(`  all                  median ${median(all)} ms, max ${Math.max(...all)} ms`);
  // The map follows the stage on the play stage: new in negotiate (Phaser's chunk, a WebGL board), redrawn in decide.
  for (const kind of kinds) {
    const maps = changes.filter((c) => c.kind === kind && (c.seen.map ?? 0) > 0).map((c) => (c.seen.map ?? 0) - c.sent);
    if (maps.length === 0) continue;
    console.log(
      `  map drawn after ${kind.padEnd(20)} median ${median(maps)} ms, max ${Math.max(...maps)} ms (${maps.join(', ')} ms)`,
    );
  }
}
