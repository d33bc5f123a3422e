// Robustness of the session runtime on the real server: a server clock that disagrees a little with Node's timers,
// a snapshot that cannot be written, and a database that is gone. Each test has its own server (run concurrently).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { connect, createSession, http, joinHttp, runtimeOf, sleep, slowConfig, startTestServer } from '../helpers.js';

describe('the runtime keeps going', () => {
  test.concurrent(
    'a phase ends even when the timer fires before the server clock reaches the deadline',
    async ({ expect }) => {
      // A server clock running 0.1 % slower than Node's (monotonic) timers: every timer fires a few ms "early".
      const t0 = Date.now();
      const slow = await startTestServer({}, undefined, { now: () => t0 + Math.floor((Date.now() - t0) * 0.999) });
      try {
        const s = await createSession(slow.url, {
          config: slowConfig({ phases: { briefing: 5, negotiate: 600, decide: 600, results: 600 } }),
        });
        const h = await connect(slow.url, { code: s.code, token: s.hostToken });
        await h.ok('host:start');
        const v = await h.waitPhase('negotiate', 1, 30_000);
        expect(v.deadline).not.toBeNull();
        h.close();
        // One timeout was applied (the early firings were waited out, not logged).
        const log = await http<{ events: { type: string }[] }>(slow.url, `/api/sessions/${s.code}/export.json`, {
          token: s.hostToken,
        });
        expect(log.body.events.filter((e) => e.type === 'phase:timeout')).toHaveLength(1);
      } finally {
        await slow.stop();
      }
    },
    40_000,
  );

  test.concurrent(
    'a snapshot that cannot be written fails neither the stored command nor a graceful shutdown',
    async ({ expect }) => {
      const own = await startTestServer();
      const s = await createSession(own.url, { config: slowConfig() });
      await joinHttp(own.url, s.code, 'Ann');
      const host = await connect(own.url, { code: s.code, token: s.hostToken });
      try {
        await host.ok('host:start');
        await host.ok('host:endPhase');
        await host.ok('host:endPhase');
        // Another connection to the same database file removes the snapshot table under the running server.
        const other = new Database(join(own.dataDir, 'promotion-race.sqlite'));
        other.exec('DROP TABLE snapshots');
        other.close();
        const seq = (await runtimeOf(own, s.code)).state.seq;
        const ack = await host.cmd('host:endPhase');
        expect(ack).toEqual({ ok: true, seq: seq + 1 });
        const v = await host.waitPhase('results', 1);
        expect(v.worlds[0]!.historyLength).toBe(1);
        expect((await own.server.store.commandsAfter(s.code, seq)).map((c) => c.type)).toEqual(['host:endPhase']);
        await host.ok('host:endPhase');
        await host.waitPhase('briefing', 2);
        // Shutting down snapshots every session: that fails too, and the shutdown still completes.
        await own.stop();
        expect(host.restarts).toHaveLength(1);
      } finally {
        host.close();
      }
    },
  );

  test.concurrent(
    'a closed database: commands get INTERNAL acks and the server stays up, heartbeats included',
    async ({ expect }) => {
      const broken = await startTestServer();
      try {
        const s = await createSession(broken.url, { config: slowConfig() });
        const host = await connect(broken.url, { code: s.code, token: s.hostToken });
        await broken.server.store.close();
        const ack = await host.cmd('host:start');
        expect(ack.ok ? 'ok' : ack.error.code).toBe('INTERNAL');
        // The registry's heartbeat (every 500 ms) now fails too; it must be reported, not crash the process.
        await sleep(5_500);
        expect((await http<{ ok: boolean }>(broken.url, '/healthz')).body.ok).toBe(true);
        expect((await host.cmd('host:start')).ok).toBe(false);
        host.close();
      } finally {
        await broken.stop().catch(() => undefined);
      }
    },
    30_000,
  );
});
