// The store contract, run against every implementation (memory, SQLite, PostgreSQL): sessions, the append-only
// command log (unique seq and cmdId), a join's seat stored atomically with its command, seats by token hash,
// snapshots, unfinished sessions, heartbeats, and everything still there when the store is opened again.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { hashToken, newToken } from '../../../server/sessions/tokens.js';
import type { SessionRow, Store, StoredCommand } from '../../../server/store/types.js';

export interface StoreUnderTest {
  /** A fresh, empty store. */
  open(): Promise<Store>;
  /** A second store on the same data as the last one opened (a restarted process). */
  reopen(): Promise<Store>;
  /** Removes the data (after the stores are closed). */
  cleanup(): Promise<void>;
}

const UNIQUE = /unique|duplicate key/i;
const FOREIGN_KEY = /foreign key/i;

export const row = (code: string, extra: Partial<SessionRow> = {}): SessionRow => ({
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

export const cmd = (seq: number, cmdId: string, payload: unknown = { type: 'host:start' }): StoredCommand => ({
  seq,
  cmdId,
  at: 1_700_000_000_000 + seq,
  actor: 'host',
  type: 'host:start',
  payload,
});

export function storeContract(name: string, impl: StoreUnderTest): void {
  describe(`${name} store contract`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await impl.open();
      await store.createSession(row('AAAAAA'));
    });

    afterEach(async () => {
      await store.close();
      await impl.cleanup();
    });

    test('sessions round-trip, unknown ones are undefined, codes are unique', async () => {
      expect(await store.getSession('AAAAAA')).toEqual(row('AAAAAA'));
      expect(await store.getSession('ZZZZZZ')).toBeUndefined();
      // The store is asynchronous: failures reject (they do not throw where the promise is made).
      const duplicate = store.createSession(row('AAAAAA'));
      await expect(duplicate).rejects.toThrow(UNIQUE);
    });

    test('commands append in order; a duplicate seq or cmdId is rejected and changes nothing', async () => {
      await store.appendCommand('AAAAAA', cmd(1, 'host:one', { type: 'host:start', nested: { a: [1, 2] } }));
      await store.appendCommand('AAAAAA', cmd(2, 'host:two'));
      await expect(store.appendCommand('AAAAAA', cmd(2, 'host:three'))).rejects.toThrow(UNIQUE);
      await expect(store.appendCommand('AAAAAA', cmd(3, 'host:one'))).rejects.toThrow(UNIQUE);
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
      await expect(store.appendCommand('NOSUCH', cmd(1, 'host:one'))).rejects.toThrow(FOREIGN_KEY);
    });

    test('appends made together: a failing one fails alone (with the later ones of its session where the store commits in order)', async () => {
      await store.appendCommand('AAAAAA', cmd(1, 'host:one'));
      const results = await Promise.allSettled([
        store.appendCommand('AAAAAA', cmd(2, 'host:two')),
        store.appendCommand('AAAAAA', cmd(3, 'host:one')),
        store.appendCommand('AAAAAA', cmd(3, 'host:three')),
        store.appendCommand('NOSUCH', cmd(1, 'host:one')),
        store.appendCommand('AAAAAA', cmd(4, 'host:four')),
      ]);
      // A store that commits in order (`pipelined`) also fails the session's later appends: they were made on
      // top of the failed one, and the log must not have a gap.
      const later = store.pipelined ? 'rejected' : 'fulfilled';
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', later, 'rejected', later]);
      const all = await store.commandsAfter('AAAAAA', 0);
      expect(all.map((c) => c.cmdId)).toEqual(
        store.pipelined ? ['host:one', 'host:two'] : ['host:one', 'host:two', 'host:three', 'host:four'],
      );
      // Another session's appends in the same commit are not affected.
      await store.createSession(row('BBBBBB'));
      const mixed = await Promise.allSettled([
        store.appendCommand('AAAAAA', cmd(2, 'host:again')),
        store.appendCommand('BBBBBB', cmd(1, 'host:one')),
      ]);
      expect(mixed.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    });

    test('commands are stored as given (big timestamps, unicode, a null payload)', async () => {
      const big = { ...cmd(1, 'seat:s1:名字'), at: 4_102_444_800_000, payload: { text: '中文 "q" \\ \n', n: 0.1 } };
      await store.appendCommand('AAAAAA', big);
      await store.appendCommand('AAAAAA', { ...cmd(2, 'host:null'), payload: null });
      expect(await store.commandsAfter('AAAAAA', 0)).toEqual([big, { ...cmd(2, 'host:null'), payload: null }]);
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
      ).rejects.toThrow(UNIQUE);
      expect(await store.findCommand('AAAAAA', 'join:y')).toBeUndefined();
      expect((await store.commandsAfter('AAAAAA', 0)).map((c) => c.seq)).toEqual([1]);
    });

    test('snapshots: the latest is kept, older ones pruned', async () => {
      expect(await store.latestSnapshot('AAAAAA')).toBeUndefined();
      await store.saveSnapshot('AAAAAA', { seq: 5, round: 1, state: { phase: 'results', n: 1 } });
      await store.saveSnapshot('AAAAAA', { seq: 9, round: 2, state: { phase: 'results', n: 2 } });
      await store.saveSnapshot('AAAAAA', { seq: 9, round: 2, state: { phase: 'results', n: 3 } });
      expect(await store.latestSnapshot('AAAAAA')).toEqual({ seq: 9, round: 2, state: { phase: 'results', n: 3 } });
      expect(await store.latestSnapshot('BBBBBB')).toBeUndefined();
    });

    test('unfinished sessions, ended sessions and heartbeats', async () => {
      await store.createSession(row('BBBBBB', { createdAt: new Date(1_800_000_000_000).toISOString() }));
      await store.createSession(row('CCCCCC'));
      expect((await store.unfinishedSessions()).map((r) => r.code)).toEqual(['AAAAAA', 'CCCCCC', 'BBBBBB']);
      await store.markEnded('CCCCCC');
      expect((await store.unfinishedSessions()).map((r) => r.code)).toEqual(['AAAAAA', 'BBBBBB']);
      expect((await store.getSession('CCCCCC'))!.ended).toBe(true);
      await store.heartbeat(['AAAAAA', 'BBBBBB', 'NOSUCH'], 1_700_000_042_000);
      expect((await store.getSession('AAAAAA'))!.heartbeat).toBe(1_700_000_042_000);
      expect((await store.getSession('CCCCCC'))!.heartbeat).toBe(1000);
      await store.heartbeat([], 5);
    });

    test('everything is still there when the store is opened again (a restarted process)', async () => {
      await store.appendCommand('AAAAAA', cmd(1, 'host:one'), { seatId: 's1', tokenHash: 'h1' });
      await store.saveSnapshot('AAAAAA', { seq: 1, round: 0, state: { ok: true } });
      await store.close();
      await store.close();
      store = await impl.reopen();
      expect(await store.getSession('AAAAAA')).toEqual(row('AAAAAA'));
      expect((await store.commandsAfter('AAAAAA', 0)).map((c) => c.cmdId)).toEqual(['host:one']);
      expect(await store.seatByTokenHash('AAAAAA', 'h1')).toBe('s1');
      expect((await store.latestSnapshot('AAAAAA'))!.state).toEqual({ ok: true });
    });
  });
}
