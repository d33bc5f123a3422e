// The session runtime on the in-memory store, without a server: commands are stored before they are acknowledged,
// a repeated cmdId is answered from the log, a refused command stores nothing, and a runtime loaded again from the
// same store has the same state; a session created in this process answers a repeated cmdId without reading the store,
// until its memory of acks is full.
import { describe, expect, test } from 'vitest';
import { SessionRegistry } from '../../../server/sessions/registry.js';
import { MemoryStore } from '../../../server/store/memory.js';
import { parsedSlowConfig } from '../helpers.js';

/** The real memory store, counting its lookups of a command by key. */
class CountingStore extends MemoryStore {
  finds = 0;
  override findCommand(code: string, cmdId: string) {
    this.finds++;
    return super.findCommand(code, cmdId);
  }
}

function setup() {
  const data = new Map();
  const store = new CountingStore(data);
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

describe('repeated cmdIds', () => {
  test('a session created here needs no lookup in the store; a full memory and a reloaded copy do', async () => {
    const { data, store, registry } = setup();
    const { runtime: rt } = await registry.create(parsedSlowConfig(), 'seed');
    await rt.join('Ann', 'c1');
    expect(await rt.submit({ kind: 'host' }, 'start-1', { type: 'host:start' })).toEqual({ ok: true, seq: 2 });
    expect(await rt.submit({ kind: 'host' }, 'start-1', { type: 'host:start' })).toEqual({ ok: true, seq: 2 });
    expect(store.finds).toBe(0);

    // Past 5,000 answers the memory forgets the oldest: the store answers for it.
    for (let i = 0; i < 5002; i++) {
      const type = i % 2 === 0 ? 'host:pause' : 'host:resume';
      expect((await rt.submit({ kind: 'host' }, `p-${i}`, { type })).ok).toBe(true);
    }
    expect(await rt.submit({ kind: 'host' }, 'start-1', { type: 'host:start' })).toEqual({ ok: true, seq: 2 });
    expect(store.finds).toBeGreaterThan(0);
    rt.stop();

    // A copy loaded from the store (a restart) did not apply the log itself: it asks the store.
    const reloadedStore = new CountingStore(data);
    const other = new SessionRegistry(
      reloadedStore,
      { now: () => 1_700_000_001_000 },
      {
        onChange: () => undefined,
        onError: () => undefined,
      },
    );
    const reloaded = await other.get(rt.code);
    const findsBefore = reloadedStore.finds;
    expect(await reloaded?.submit({ kind: 'host' }, 'p-0', { type: 'host:pause' })).toEqual({ ok: true, seq: 3 });
    expect(reloadedStore.finds).toBe(findsBefore + 1);
    reloaded?.stop();
  }, 60_000);
});
