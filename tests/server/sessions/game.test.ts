// A whole session over the real server: 2 worlds x 4 regions, students and bots, every phase of two rounds,
// then the exports: the JSON log replays exactly and the CSV zip holds the three tables.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { replay } from '../../../shared/model/replay.js';
import type { SessionLogOut } from '../../../shared/model/log.js';
import { closeGame, playGame, type PlayedGame } from '../game.js';
import { http, startTestServer, type TestServer } from '../helpers.js';

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

async function exportJson(token = game.session.hostToken): Promise<SessionLogOut> {
  const r = await http<SessionLogOut>(ts.url, `/api/sessions/${game.session.code}/export.json`, { token });
  expect(r.status).toBe(200);
  return r.body;
}

/** CSV rows (the tables quote cells with commas; no cell holds a line break). */
function csvRows(text: string): string[] {
  return text.split('\r\n').filter((line) => line.length > 0);
}

describe('a whole class session', () => {
  test('every round was played in both worlds with the agreed, breached and audited deals', async () => {
    const log = await exportJson();
    expect(log.worlds.map((w) => [w.index, w.arm, w.map, w.rounds.length])).toEqual([
      [0, 0, '4-single', 2],
      [1, 1, '4-single', 2],
    ]);
    const [w0, w1] = log.worlds as [SessionLogOut['worlds'][0], SessionLogOut['worlds'][0]];
    expect(w0.rounds.map((r) => r.treatments)).toEqual([[], []]);
    expect(w1.rounds.map((r) => r.treatments)).toEqual([[], ['A', 'B', 'D1', 'D2', 'D3', 'E']]);

    // World 0, round 1: C breached the signed project with I; the audit (probability 1) caught it.
    const r0 = w0.rounds[0]!;
    expect(r0.agreements.map((a) => a.id)).toContain('r1-C-I-project');
    expect(r0.decisions['C']).toMatchObject({
      invest: 'ELEC',
      comply: { 'r1-C-I-project': 'breach' },
      source: 'human',
    });
    expect(r0.decisions['F']).toMatchObject({ barriers: ['C'], source: 'human' });
    expect(r0.decisions['R']!.source).toBe('bot');
    expect(r0.draws.audit['r1-C-I-project']).toBe(true);
    expect(r0.results.regions['C']!.breaches).toBeGreaterThan(0);
    expect(r0.results.regions['C']!.detected).toBeGreaterThan(0);
    expect(r0.results.regions['I']!.breaches).toBe(0);

    // World 1, round 1: C blocked I after pledging an open market; audited and detected.
    const r1 = w1.rounds[0]!;
    expect(r1.agreements.map((a) => a.id)).toContain('r1-C-I-openMarket');
    expect(r1.decisions['C']!.barriers).toEqual(['I']);
    expect(r1.draws.audit['r1-C-I-openMarket']).toBe(true);
    expect(r1.results.regions['C']!.breaches).toBeGreaterThan(0);
    expect(r1.results.regions['C']!.detected).toBeGreaterThan(0);
    expect(r1.decisions['F']!.source).toBe('bot');

    // Round 2: the reform world's project was breached under E; regions that did not submit got the defaults.
    const r2 = w1.rounds[1]!;
    expect(r2.agreements.map((a) => a.id)).toContain('r2-C-I-project');
    expect(r2.decisions['C']).toMatchObject({ comply: { 'r2-C-I-project': 'breach' }, source: 'human' });
    expect(r2.decisions['I']!.source).toBe('default');
    expect(typeof r2.draws.audit['r2-C-I-project']).toBe('boolean');
    expect(w0.rounds[1]!.decisions['C']!.source).toBe('default');

    // Seats: humans where students sat, bots elsewhere; promotions at the end of the game.
    expect(w0.regions.map((r) => r.seats.map((s) => s.kind).join() || 'none')).toEqual([
      'human',
      'human',
      'human',
      'bot',
    ]);
    expect(w1.regions.map((r) => r.seats.map((s) => s.kind).join() || 'none')).toEqual([
      'human',
      'human',
      'bot',
      'bot',
    ]);
    expect(w0.promoted.length).toBeGreaterThan(0);
  });

  test('the proposals were accepted, rejected and countered as played', async () => {
    const log = await exportJson();
    const types = log.events.map((e) => e.type);
    for (const t of [
      'proposal:submit',
      'proposal:accept',
      'proposal:reject',
      'proposal:counter',
      'negotiation:done',
      'decision:draft',
      'decision:submit',
      'host:moveSeat',
      'session:join',
    ]) {
      expect(types, t).toContain(t);
    }
    expect(types.filter((t) => t === 'session:join')).toHaveLength(5);
    expect(types.filter((t) => t === 'proposal:accept')).toHaveLength(3);
  });

  test('export.json replays exactly and holds every acknowledged command once, in order', async () => {
    const log = await exportJson();
    const { report } = replay(log, 0);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.worlds.map((w) => w.rounds)).toEqual([2, 2]);
    const seqs = log.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, k) => k + 1));
    for (const seq of game.acked) expect(seqs).toContain(seq);
    expect(new Set(game.acked).size).toBe(game.acked.length);
    const rt = await ts.server.registry.get(game.session.code);
    expect(rt!.state.seq).toBe(seqs.length);
    expect(log.session).toMatchObject({ code: game.session.code, seed: rt!.state.seed });
  });

  test('export.csv is a zip of rounds, agreements and events; events.csv has one row per accepted command', async () => {
    const log = await exportJson();
    const r = await http<Uint8Array>(
      ts.url,
      `/api/sessions/${game.session.code}/export.csv?token=${encodeURIComponent(game.session.hostToken)}`,
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/zip');
    const files = unzipSync(r.body);
    expect(Object.keys(files).sort()).toEqual(['agreements.csv', 'events.csv', 'rounds.csv']);
    const table = (name: string) => csvRows(strFromU8(files[name]!));
    const events = table('events.csv');
    expect(events[0]).toBe('seq,at,actor,type,payload');
    expect(events.length - 1).toBe(log.events.length);
    expect(events.slice(1).map((row) => Number(row.split(',')[0]))).toEqual(log.events.map((e) => e.seq));
    const rounds = table('rounds.csv');
    expect(rounds.length - 1).toBe(2 * 2 * 4);
    const agreements = table('agreements.csv');
    expect(agreements.length - 1).toBe(
      log.worlds.reduce((n, w) => n + w.rounds.reduce((m, rd) => m + rd.agreements.length, 0), 0),
    );
    expect(
      agreements.some((row) => row.includes('r1-C-I-project') && row.includes('breach') && row.endsWith('true')),
    ).toBe(true);
  });

  test('exports need the host token', async () => {
    const path = `/api/sessions/${game.session.code}/export.json`;
    expect((await http(ts.url, path)).status).toBe(401);
    expect((await http(ts.url, path, { token: game.session.projectorToken })).status).toBe(401);
    expect((await http(ts.url, path, { token: game.students[0]!.token })).status).toBe(401);
    const pseudo = await http<SessionLogOut>(ts.url, `${path}?pseudonyms=1`, { token: game.session.hostToken });
    const names = pseudo.body.worlds.flatMap((w) => w.regions.flatMap((r) => r.seats.map((s) => s.name)));
    expect(names.filter((n) => n !== 'bot').every((n) => /^Student \d+$/.test(n))).toBe(true);
    expect(JSON.stringify(pseudo.body.events)).not.toContain('"Ann"');
    const one = await http<string>(ts.url, `/api/sessions/${game.session.code}/export/agreements.csv`, {
      token: game.session.hostToken,
    });
    expect(one.status).toBe(200);
    expect(one.body.split('\r\n')[0]).toContain('complyA');
    expect(
      (await http(ts.url, `/api/sessions/${game.session.code}/export/secrets.csv`, { token: game.session.hostToken }))
        .status,
    ).toBe(404);
  });
});
