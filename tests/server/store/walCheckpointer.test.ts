// WAL checkpoints run on a thread of their own (walCheckpointer.ts): the store's connection never checkpoints, yet
// the log is folded into the database file while commands keep coming, the log stays bounded, everything is there
// after a reopen, and the store's connection checkpoints itself again once the thread has gone.
import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SqliteStore } from '../../../server/store/sqlite.js';
import { WalCheckpointer } from '../../../server/store/walCheckpointer.js';
import { tempDir, waitFor } from '../helpers.js';
import { cmd, row } from './contract.js';

const MB = 1024 * 1024;
const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);

/** Appends `count` commands of about 1 kB each to session AAAAAA, from seq `from` on. */
async function appendMany(store: SqliteStore, from: number, count: number): Promise<void> {
  const filler = 'x'.repeat(1000);
  await Promise.all(
    Array.from({ length: count }, (_, i) => store.appendCommand('AAAAAA', cmd(from + i, `c${from + i}`, { filler }))),
  );
}

describe('WAL checkpoints on their own thread', () => {
  let dir = '';
  let file = '';
  beforeEach(() => {
    dir = tempDir();
    file = join(dir, 'store.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('the log is folded into the file while commands come, stays bounded, and all is there after a reopen', async () => {
    const store = new SqliteStore(file);
    await store.createSession(row('AAAAAA'));
    const batch = 500;
    const batches = 12;
    for (let b = 0; b < batches; b++) {
      await appendMany(store, 1 + b * batch, batch);
      // The store's own connection never checkpoints: only the thread can make the database file grow.
      const written = (b + 1) * batch * 1000;
      await waitFor(() => size(file) >= written, 20_000, `the checkpoint of batch ${b + 1}`);
    }
    // About 6 MB went through the log; after each checkpoint the writer started it again from its beginning.
    expect(size(`${file}-wal`)).toBeLessThan(3 * MB);
    await store.close();
    expect(size(`${file}-wal`)).toBe(0);

    const again = new SqliteStore(file);
    const all = await again.commandsAfter('AAAAAA', 0);
    expect(all.map((c) => c.seq)).toEqual(Array.from({ length: batch * batches }, (_, i) => i + 1));
    await again.close();
  });

  test("the store's connection checkpoints itself again once the thread has stopped", async () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    const checkpointer = new WalCheckpointer(db, file);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await checkpointer.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
  });

  test('a thread that cannot open the database hands checkpoints back to the store', async () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    const errors: string[] = [];
    // A directory is not a database: the thread fails at once.
    const checkpointer = new WalCheckpointer(db, dir, (m) => errors.push(m));
    await waitFor(() => db.pragma('wal_autocheckpoint', { simple: true }) === 1000, 10_000, 'the fallback');
    expect(errors.join()).toMatch(/checkpoint thread failed/);
    await checkpointer.stop();
    db.close();
  });
});
