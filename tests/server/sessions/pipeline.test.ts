// The session runtime on the real SQLite store, which commits in order (`pipelined`): a session's commands arriving
// together are applied one after another without waiting for each other's commit, each acknowledged only once
// stored; a retry of a command still waiting for its commit gets the same ack; a command whose append fails is
// refused together with the ones applied after it, and the session keeps only its stored state.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { SessionRegistry } from '../../../server/sessions/registry.js';
import { SqliteStore } from '../../../server/store/sqlite.js';
import { parsedSlowConfig } from '../helpers.js';

const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'pr-pipeline-'));
  dirs.push(dir);
  const file = join(dir, 'db.sqlite');
  const store = new SqliteStore(file);
  const clock = { now: () => 1_700_000_000_000 };
  const errors: unknown[] = [];
  const changes: number[] = [];
  const registry = new SessionRegistry(store, clock, {
    onChange: (rt) => changes.push(rt.state.seq),
    onError: (e) => errors.push(e),
  });
  return { file, store, clock, registry, errors, changes };
}

describe('a session on a store that commits in order', () => {
  test('commands sent together are applied in turn, acked in order and stored in order', async () => {
    const { store, registry, errors, changes } = setup();
    const { runtime: rt } = await registry.create(parsedSlowConfig(), 'seed');
    for (const name of ['Ann', 'Bo']) expect((await rt.join(name, name)).ok).toBe(true);
    const cmds = ['a', 'b', 'c', 'd', 'e'].map((text, i) =>
      rt.submit({ kind: 'host' }, `note-${i}`, { type: 'host:announce', text }),
    );
    // A retry of a command still waiting for its commit is the same command.
    const retry = rt.submit({ kind: 'host' }, 'note-2', { type: 'host:announce', text: 'c' });
    const acks = await Promise.all([...cmds, retry]);
    expect(acks).toEqual([3, 4, 5, 6, 7, 5].map((seq) => ({ ok: true, seq })));
    expect((await store.commandsAfter(rt.code, 2)).map((c) => [c.seq, c.cmdId])).toEqual([
      [3, 'host:note-0'],
      [4, 'host:note-1'],
      [5, 'host:note-2'],
      [6, 'host:note-3'],
      [7, 'host:note-4'],
    ]);
    // Views were told about each stored state in turn, never about one not yet stored.
    expect(changes.slice(-5)).toEqual([3, 4, 5, 6, 7]);
    expect(rt.state.announcements.map((a) => a.text)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(errors).toEqual([]);
    rt.stop();
    await store.close();
  });

  test('an append that fails refuses the commands applied after it, and none of them stays in memory', async () => {
    const { file, store, clock, registry } = setup();
    const { runtime: rt } = await registry.create(parsedSlowConfig(), 'seed');
    expect((await rt.join('Ann', 'a1')).ok).toBe(true);
    // Another writer takes the next seq (as a second process on the same file would): the next append fails.
    const other = new SqliteStore(file);
    await other.appendCommand(rt.code, {
      seq: 2,
      cmdId: 'host:intruder',
      at: clock.now(),
      actor: 'host',
      type: 'host:announce',
      payload: { type: 'host:announce', text: 'x' },
    });
    await other.close();
    const first = rt.submit({ kind: 'host' }, 'n1', { type: 'host:announce', text: 'one' });
    const second = rt.submit({ kind: 'host' }, 'n2', { type: 'host:announce', text: 'two' });
    await expect(first).rejects.toThrow(/UNIQUE/i);
    await expect(second).rejects.toThrow(/earlier command/);
    // Nothing of either was kept in memory: the stored state is the one before them.
    expect(rt.state.seq).toBe(1);
    expect(rt.state.announcements).toEqual([]);
    rt.stop();
    await store.close();
  });
});
