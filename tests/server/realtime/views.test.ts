// What each socket receives during a whole game (docs/rules.md section 8): a student sees only its own world, its
// own region's drafts and decisions and the proposals its region is party to; the projector sees none of these.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionView } from '../../../shared/model/session/view.js';
import type { ViewMessage } from '../../../shared/protocol/server-events.js';
import { closeGame, playGame, type PlayedGame } from '../game.js';
import { startTestServer, type TestServer } from '../helpers.js';

let ts: TestServer;
let game: PlayedGame;

beforeAll(async () => {
  ts = await startTestServer();
  game = await playGame(ts);
}, 60_000);

afterAll(async () => {
  if (game) closeGame(game);
  await ts?.stop();
});

const views = (messages: ViewMessage[]) => messages.map((m) => m.view as SessionView);

describe('views over a whole game', () => {
  test("a student socket never receives another region's drafts, decisions or proposals, nor another world", () => {
    for (const s of game.students) {
      const label = `${s.name} (${s.world}:${s.region})`;
      expect(s.client.messages.length, label).toBeGreaterThan(3);
      for (const m of s.client.messages) {
        const v = m.view as SessionView;
        expect(v.me, label).toEqual({ role: 'student', world: s.world, region: s.region });
        expect(
          v.worlds.every((w) => w.index === s.world),
          label,
        ).toBe(true);
        for (const w of v.worlds) {
          const cur = w.current;
          if (!cur) continue;
          expect(
            Object.keys(cur.drafts).every((r) => r === s.region),
            `${label} drafts in ${v.phase} ${v.round}`,
          ).toBe(true);
          expect(
            Object.keys(cur.decisions).every((r) => r === s.region),
            `${label} decisions in ${v.phase} ${v.round}`,
          ).toBe(true);
          expect(
            cur.proposals.every((p) => p.from === s.region || p.to === s.region),
            `${label} proposals`,
          ).toBe(true);
        }
        expect(
          v.seats.every((x) => x.world === s.world && x.region === s.region),
          label,
        ).toBe(true);
        expect(
          v.regions.every((r) => r.world === s.world),
          label,
        ).toBe(true);
        for (const h of (m.history ?? []) as { world: number }[]) expect(h.world, label).toBe(s.world);
      }
    }
  });

  test('students did see their own private data (the check above is not vacuous)', () => {
    const c0 = game.students[0]!;
    const own = views(c0.client.messages);
    expect(own.some((v) => Object.keys(v.worlds[0]?.current?.drafts ?? {}).includes('C'))).toBe(true);
    expect(own.some((v) => Object.keys(v.worlds[0]?.current?.decisions ?? {}).includes('C'))).toBe(true);
    expect(own.some((v) => (v.worlds[0]?.current?.proposals.length ?? 0) > 0)).toBe(true);
    // The host, for comparison, saw other regions' drafts and the bots' sealed decisions before results.
    const host = views(game.host.messages);
    expect(
      host.some((v) => v.phase === 'decide' && Object.keys(v.worlds[0]?.current?.decisions ?? {}).length >= 2),
    ).toBe(true);
    expect(host.some((v) => v.worlds.length === 2)).toBe(true);
  });

  test('the projector receives no proposals, drafts, decisions or presence; only the names of who joined', () => {
    const msgs = game.projector.messages;
    expect(msgs.length).toBeGreaterThan(3);
    for (const m of msgs) {
      const v = m.view as SessionView;
      expect(v.me).toEqual({ role: 'projector' });
      for (const s of v.seats) expect([s.kicked, s.connected, s.awaySince]).toEqual([false, false, null]);
      // Nor through the counts: with one student per region a region's count would be that named student's presence.
      for (const r of v.regions) expect(r.connected).toBe(0);
      expect(v.students.connected).toBe(0);
      for (const w of v.worlds) {
        if (!w.current) continue;
        expect(w.current.proposals).toEqual([]);
        expect(w.current.drafts).toEqual({});
        expect(w.current.decisions).toEqual({});
      }
    }
    // It does see the public side: who joined, per region how many decided, signed agreements, both worlds' results.
    expect(views(msgs).some((v) => v.students.total > 0 && v.regions.some((r) => r.humans > 0))).toBe(true);
    expect(views(msgs).some((v) => v.decided.some((d) => d.submitted > 0))).toBe(true);
    expect(views(msgs).some((v) => v.worlds.some((w) => (w.current?.agreements.length ?? 0) > 0))).toBe(true);
    expect(views(msgs).some((v) => v.worlds.length === 2 && v.worlds.every((w) => w.historyLength === 2))).toBe(true);
  });

  test('decisions become public only with the results (history)', () => {
    const c1 = game.students[2]!;
    const withHistory = c1.client.messages.filter((m) => m.history !== undefined);
    const last = withHistory[withHistory.length - 1]!.history as {
      world: number;
      rounds: { decisions: Record<string, unknown> }[];
    }[];
    expect(last).toHaveLength(1);
    expect(Object.keys(last[0]!.rounds[0]!.decisions).sort()).toEqual(['C', 'F', 'I', 'R']);
  });
});
