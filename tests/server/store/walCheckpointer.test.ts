// WAL checkpoints on a thread of their own (walCheckpointer.ts): the thread copies the log into the database file
// while the writer goes on; under a stream of commits the log stays bounded (the store's connection still finishes
// the job); everything is there after a reopen; a thread that cannot run is reported and changes nothing else.
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
const filler = 'x'.repeat(1000);

/** Appends `count` commands of about 1 kB each to session AAAAAA, from seq `from` on (one group commit). */
async function appendMany(store: SqliteStore, from: number, count: number): Promise<void> {
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

  test('the thread copies the log into the database file while the writer goes on', async () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // This writer never checkpoints: only the thread can make the database file grow.
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (v TEXT)');
    const checkpointer = new WalCheckpointer(file);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    for (let b = 0; b < 4; b++) db.transaction(() => Array.from({ length: 500 }, () => insert.run(filler)))();
    // About 2 MB of rows went through the log. The thread's report of a checkpoint may arrive after the file grew.
    await waitFor(
      () => size(file) >= 1.5 * MB && checkpointer.checkpoints > 0,
      20_000,
      'the thread to copy the log and report it',
    );
    expect(checkpointer.copiedPages).toBeGreaterThan(0);
    await checkpointer.stop();
    db.close();
  });

  test('under a stream of commits the log stays bounded, and everything is there after a reopen', async () => {
    const store = new SqliteStore(file);
    await store.createSession(row('AAAAAA'));
    const batch = 500;
    const batches = 48;
    // About 24 MB through the log, one commit after another with no pause between them.
    for (let b = 0; b < batches; b++) await appendMany(store, 1 + b * batch, batch);
    expect(size(`${file}-wal`)).toBeLessThan(10 * MB);
    await store.close();
    expect(size(`${file}-wal`)).toBe(0);

    const again = new SqliteStore(file);
    const all = await again.commandsAfter('AAAAAA', 0);
    expect(all.length).toBe(batch * batches);
    expect(all.every((c, i) => c.seq === i + 1)).toBe(true);
    await again.close();
  });

  test('a thread that cannot open the database is reported', async () => {
    const errors: string[] = [];
    // A directory is not a database: the thread fails at once.
    const checkpointer = new WalCheckpointer(dir, (m) => errors.push(m));
    await waitFor(() => errors.length > 0, 10_000, 'the report');
    expect(errors.join()).toMatch(/checkpoint thread failed/);
    await checkpointer.stop();
  });
});
