// The session runtime on the in-memory store, without a server: commands are stored before they are acknowledged,
// a repeated cmdId is answered from the log, a refused command stores nothing, and a runtime loaded again from the
// same store has the same state.
import { describe, expect, test } from 'vitest';
import { SessionRegistry } from '../../../server/sessions/registry.js';
import { MemoryStore } from '../../../server/store/memory.js';
import { parsedSlowConfig } from '../helpers.js';

function setup() {
  const data = new Map();
  const store = new MemoryStore(data);
  let time = 1_700_000_000_000;
  const clock = { now: () => time };
  const errors: unknown[] = [];
  const registry = new SessionRegistry(store, clock, { onChange: () => undefined, onError: (e) => errors.push(e) });
  return { data, store, clock, registry, errors, tick: (ms: number) => (time += ms) };
}

describe('the session runtime on the memory store', () => {
  test('stores before acking, dedupes cmdIds, refuses without storing, reloads the same state', async () => {
    const { data, store, registry, errors, tick } = setup();
    const { runtime: rt } = await registry.create(parsedSlowConfig(), 'seed');
    const joined = await rt.join('Ann', 'c1');
    expect(joined).toMatchObject({ ok: true, seat: { id: 's1', name: 'Ann' } });
    tick(1000);
    const started = await rt.submit({ kind: 'host' }, 'start-1', { type: 'host:start' });
    expect(started).toEqual({ ok: true, seq: 2 });
    expect((await store.commandsAfter(rt.code, 0)).map((c) => c.type)).toEqual(['session:join', 'host:start']);
    // The same cmdId again: the same answer, nothing stored twice.
    expect(await rt.submit({ kind: 'host' }, 'start-1', { type: 'host:start' })).toEqual({ ok: true, seq: 2 });
    // A command the rules refuse is not stored.
    const again = await rt.submit({ kind: 'host' }, 'start-2', { type: 'host:start' });
    expect(again.ok).toBe(false);
    expect(await store.commandsAfter(rt.code, 2)).toEqual([]);

    const other = new SessionRegistry(
      new MemoryStore(data),
      { now: () => 1_700_000_001_000 },
      {
        onChange: () => undefined,
        onError: (e) => errors.push(e),
      },
    );
    const reloaded = await other.get(rt.code);
    expect(reloaded?.state.seats).toEqual(rt.state.seats);
    expect(reloaded?.state.phase).toBe('briefing');
    expect(errors).toEqual([]);
    rt.stop();
    reloaded?.stop();
  });
});
