// Due broadcasts run a slice at a time: every queued flush runs once, in the order it fell due, and once a slice
// has used its time the event loop gets a turn (sockets read, appends committed, acks sent) before the next one.
import { describe, expect, it } from 'vitest';
import { FlushQueue } from '../../../server/realtime/flushQueue.js';

/** Resolves after the callbacks already queued with setImmediate have run. */
const nextTurn = () => new Promise<void>((r) => setImmediate(r));

describe('FlushQueue', () => {
  it('runs each queued flush once, in the order they fell due', async () => {
    const q = new FlushQueue(1000);
    const ran: string[] = [];
    q.add('a', () => ran.push('a'));
    q.add('b', () => ran.push('b'));
    q.add('a', () => ran.push('a again'));
    while (q.size > 0) await nextTurn();
    expect(ran).toEqual(['a', 'b']);
  });

  it('yields to the event loop when a slice has used its time', async () => {
    let now = 0;
    // Each flush takes 4 ms of a 5 ms slice: two per slice.
    const q = new FlushQueue(5, () => now);
    const ran: string[] = [];
    for (const k of ['a', 'b', 'c', 'd']) {
      q.add(k, () => {
        now += 4;
        ran.push(k);
      });
    }
    await nextTurn();
    // The rest waits for a later turn of the event loop (after its I/O: sockets read, acks sent).
    expect(ran).toEqual(['a', 'b']);
    expect(q.size).toBe(2);
    while (q.size > 0) await nextTurn();
    expect(ran).toEqual(['a', 'b', 'c', 'd']);
  });

  it('runs nothing after stop', async () => {
    const q = new FlushQueue(5);
    const ran: string[] = [];
    q.add('a', () => ran.push('a'));
    q.stop();
    q.add('b', () => ran.push('b'));
    await nextTurn();
    expect(ran).toEqual([]);
  });
});
