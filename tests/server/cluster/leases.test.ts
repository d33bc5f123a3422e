// Leases and fencing on a real PostgreSQL: one owner at a time, a lease taken over only once it has expired (or
// was released), and the database itself refusing an append that carries an old fencing number.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LeaseTable } from '../../../server/cluster/leases.js';
import { FencedError, PostgresStore } from '../../../server/store/postgres.js';
import { cmd, row } from '../store/contract.js';
import { dropSchema, freshSchema, testDatabaseUrl } from '../store/pg.js';

const schema = freshSchema('lease');
let one: PostgresStore;
let two: PostgresStore;

beforeAll(async () => {
  one = await PostgresStore.open({ connectionString: testDatabaseUrl(), schema });
  two = await PostgresStore.open({ connectionString: testDatabaseUrl(), schema });
});

afterAll(async () => {
  await one?.close();
  await two?.close();
  await dropSchema(schema);
});

const expire = (code: string) =>
  one.pool.query(`UPDATE leases SET expires_at = now() - interval '1 second' WHERE session_code = $1`, [code]);

describe('leases with fencing numbers', () => {
  test('one owner; a takeover after expiry; the old owner’s appends refused by the database', async () => {
    await one.createSession(row('LEASE1'));
    const a = new LeaseTable(one.pool, 'node-a', 60_000);
    const b = new LeaseTable(two.pool, 'node-b', 60_000);
    const fenceA = await a.claim('LEASE1');
    expect(fenceA).toBe(1);
    expect(await b.claim('LEASE1')).toBeNull();
    expect(await a.owner('LEASE1')).toBe('node-a');
    expect(await b.orphans()).toEqual([]);
    one.setFence('LEASE1', fenceA);
    await one.appendCommand('LEASE1', cmd(1, 'host:1'));
    // Without the lease's fencing number (another process, or none) the database refuses the append.
    await expect(two.appendCommand('LEASE1', cmd(2, 'host:2'))).rejects.toThrow(FencedError);

    await expire('LEASE1');
    expect(await b.orphans()).toEqual(['LEASE1']);
    const fenceB = await b.claim('LEASE1');
    expect(fenceB).toBe(2);
    two.setFence('LEASE1', fenceB);
    const fenced: string[] = [];
    one.onFenced = (code) => fenced.push(code);
    await expect(one.appendCommand('LEASE1', cmd(2, 'host:2'))).rejects.toThrow(FencedError);
    expect(fenced).toEqual(['LEASE1']);
    await two.appendCommand('LEASE1', cmd(2, 'host:2b'));
    expect((await two.commandsAfter('LEASE1', 0)).map((c) => c.cmdId)).toEqual(['host:1', 'host:2b']);
    // The old owner's renewal tells it the lease is gone; the new owner's keeps it.
    expect(await a.renew(new Map([['LEASE1', fenceA!]]))).toEqual(new Set());
    expect(await b.renew(new Map([['LEASE1', fenceB!]]))).toEqual(new Set(['LEASE1']));
  });

  test('a released lease is taken at once; ended sessions are never orphans', async () => {
    await one.createSession(row('LEASE2'));
    await one.createSession(row('LEASE3'));
    await one.markEnded('LEASE3');
    const a = new LeaseTable(one.pool, 'node-a', 60_000);
    const b = new LeaseTable(two.pool, 'node-b', 60_000);
    const fence = (await a.claim('LEASE2'))!;
    expect(await b.orphans()).not.toContain('LEASE2');
    await a.release(new Map([['LEASE2', fence]]));
    expect(await b.orphans()).toEqual(['LEASE2']);
    expect(await b.claim('LEASE2')).toBe(fence + 1);
    const nodes = await a.beat(0, 60_000);
    expect(nodes.map((n) => n.id)).toContain('node-a');
    await a.leave();
    expect((await b.beat(1, 60_000)).map((n) => n.id)).toEqual(['node-b']);
  });
});
