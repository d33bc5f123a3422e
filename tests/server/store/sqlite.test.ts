// The SQLite store on a real file: sessions, the append-only command log (unique seq and cmdId), seats by token
// hash, snapshots, unfinished sessions, heartbeats, and everything still there after closing and reopening.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { hashToken, newToken } from '../../../server/sessions/tokens.js';
import { SqliteStore } from '../../../server/store/sqlite.js';
import type { SessionRow, StoredCommand } from '../../../server/store/types.js';
import { tempDir } from '../helpers.js';

let dir: string;
let file: string;
let store: SqliteStore;

const row = (code: string, extra: Partial<SessionRow> = {}): SessionRow => ({
  code,
  createdAt: new Date(1_700_000_000_000).toISOString(),
  seed: `seed-${code}`,
  config: { rounds: 2, title: '中文 & "quotes"' },
  hostTokenHash: hashToken(`host-${code}`),
  projectorTokenHash: hashToken(`proj-${code}`),
  ended: false,
  heartbeat: 1000,
  ...extra,
});
const cmd = (seq: number, cmdId: string, payload: unknown = { type: 'host:start' }): StoredCommand => ({
  seq,
  cmdId,
  at: 1_700_000_000_000 + seq,
  actor: 'host',
  type: 'host:start',
  payload,
});

beforeEach(async () => {
  dir = tempDir();
  file = join(dir, 'nested', 'store.sqlite');
  store = new SqliteStore(file);
  await store.createSession(row('AAAAAA'));
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteStore', () => {
  test('sessions round-trip, unknown ones are undefined, codes are unique', async () => {
    expect(await store.getSession('AAAAAA')).toEqual(row('AAAAAA'));
    expect(await store.getSession('ZZZZZZ')).toBeUndefined();
    // The store is asynchronous: failures reject (they do not throw where the promise is made).
    const duplicate = store.createSession(row('AAAAAA'));
    await expect(duplicate).rejects.toThrow(/UNIQUE/);
  });

  test('commands append in order; a duplicate seq or cmdId is rejected and changes nothing', async () => {
    await store.appendCommand('AAAAAA', cmd(1, 'host:one', { type: 'host:start', nested: { a: [1, 2] } }));
    await store.appendCommand('AAAAAA', cmd(2, 'host:two'));
    await expect(store.appendCommand('AAAAAA', cmd(2, 'host:three'))).rejects.toThrow(/UNIQUE/);
    await expect(store.appendCommand('AAAAAA', cmd(3, 'host:one'))).rejects.toThrow(/UNIQUE/);
    const all = await store.commandsAfter('AAAAAA', 0);
    expect(all.map((c) => [c.seq, c.cmdId])).toEqual([
      [1, 'host:one'],
      [2, 'host:two'],
    ]);
    expect(all[0]!.payload).toEqual({ type: 'host:start', nested: { a: [1, 2] } });
    expect((await store.commandsAfter('AAAAAA', 1)).map((c) => c.seq)).toEqual([2]);
    expect(await store.findCommand('AAAAAA', 'host:two')).toEqual(cmd(2, 'host:two'));
    expect(await store.findCommand('AAAAAA', 'host:none')).toBeUndefined();
    // The same seq and cmdId in another session are fine; a command for an unknown session is not.
    await store.createSession(row('BBBBBB'));
    await store.appendCommand('BBBBBB', cmd(1, 'host:one'));
    await expect(store.appendCommand('NOSUCH', cmd(1, 'host:one'))).rejects.toThrow(/FOREIGN KEY/);
  });

  test('a join stores its seat with the command, atomically; seats are found by token hash only', async () => {
    const token = newToken();
    await store.appendCommand(
      'AAAAAA',
      { ...cmd(1, 'join:x'), type: 'session:join', actor: 'system' },
      { seatId: 's1', tokenHash: hashToken(token) },
    );
    expect(await store.seatByTokenHash('AAAAAA', hashToken(token))).toBe('s1');
    expect(await store.seatByTokenHash('AAAAAA', token)).toBeUndefined();
    expect(await store.seatByTokenHash('BBBBBB', hashToken(token))).toBeUndefined();
    // A seat whose token hash is taken fails, and its command is rolled back with it.
    await expect(
      store.appendCommand('AAAAAA', cmd(2, 'join:y'), { seatId: 's2', tokenHash: hashToken(token) }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await store.findCommand('AAAAAA', 'join:y')).toBeUndefined();
    expect((await store.commandsAfter('AAAAAA', 0)).map((c) => c.seq)).toEqual([1]);
  });

  test('snapshots: the latest is kept, older ones pruned', async () => {
    expect(await store.latestSnapshot('AAAAAA')).toBeUndefined();
    await store.saveSnapshot('AAAAAA', { seq: 5, round: 1, state: { phase: 'results', n: 1 } });
    await store.saveSnapshot('AAAAAA', { seq: 9, round: 2, state: { phase: 'results', n: 2 } });
    await store.saveSnapshot('AAAAAA', { seq: 9, round: 2, state: { phase: 'results', n: 3 } });
    expect(await store.latestSnapshot('AAAAAA')).toEqual({ seq: 9, round: 2, state: { phase: 'results', n: 3 } });
  });

  test('unfinished sessions, ended sessions and heartbeats', async () => {
    await store.createSession(row('BBBBBB', { createdAt: new Date(1_800_000_000_000).toISOString() }));
    await store.createSession(row('CCCCCC'));
    expect((await store.unfinishedSessions()).map((r) => r.code)).toEqual(['AAAAAA', 'CCCCCC', 'BBBBBB']);
    await store.markEnded('CCCCCC');
    expect((await store.unfinishedSessions()).map((r) => r.code)).toEqual(['AAAAAA', 'BBBBBB']);
    expect((await store.getSession('CCCCCC'))!.ended).toBe(true);
    await store.heartbeat(['AAAAAA', 'BBBBBB', 'NOSUCH'], 42_000);
    expect((await store.getSession('AAAAAA'))!.heartbeat).toBe(42_000);
    expect((await store.getSession('CCCCCC'))!.heartbeat).toBe(1000);
  });

  test('everything is still there after closing and reopening the file (WAL)', async () => {
    await store.appendCommand('AAAAAA', cmd(1, 'host:one'), { seatId: 's1', tokenHash: 'h1' });
    await store.saveSnapshot('AAAAAA', { seq: 1, round: 0, state: { ok: true } });
    await store.close();
    await store.close();
    store = new SqliteStore(file, 'FULL');
    expect(await store.getSession('AAAAAA')).toEqual(row('AAAAAA'));
    expect((await store.commandsAfter('AAAAAA', 0)).map((c) => c.cmdId)).toEqual(['host:one']);
    expect(await store.seatByTokenHash('AAAAAA', 'h1')).toBe('s1');
    expect((await store.latestSnapshot('AAAAAA'))!.state).toEqual({ ok: true });
  });
});
