// Server configuration from the environment: defaults, and clear messages for bad values (also from `npm start`).
import { describe, expect, test } from 'vitest';
import { readEnv } from '../../server/config.js';
import { runMain } from './child.js';

describe('readEnv', () => {
  test('gives the defaults for an empty environment', () => {
    const r = readEnv({});
    expect(r).toEqual({
      ok: true,
      value: {
        PORT: 3000,
        HOST: '0.0.0.0',
        DATA_DIR: './data',
        LOG_LEVEL: 'info',
        SQLITE_SYNC: 'NORMAL',
        JOIN_RATE_PER_MINUTE: 600,
        SEAT_COMMANDS_PER_SECOND: 10,
        BROADCAST_MS: 100,
        LEASE_MS: 5000,
      },
    });
  });

  test('reads and coerces set values', () => {
    const r = readEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'https://game.example.edu',
      SQLITE_SYNC: 'FULL',
      JOIN_RATE_PER_MINUTE: '5',
      BROADCAST_MS: '250',
      DATABASE_URL: 'postgres://game:secret@db.example.edu:5432/game',
      DATABASE_SCHEMA: 'promotion_race',
    });
    expect(r.ok && r.value).toMatchObject({
      PORT: 0,
      PUBLIC_URL: 'https://game.example.edu',
      SQLITE_SYNC: 'FULL',
      JOIN_RATE_PER_MINUTE: 5,
      BROADCAST_MS: 250,
      DATABASE_URL: 'postgres://game:secret@db.example.edu:5432/game',
      DATABASE_SCHEMA: 'promotion_race',
    });
  });

  test.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ PORT: '80.5' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ SQLITE_SYNC: 'OFF' }, 'SQLITE_SYNC'],
    [{ JOIN_RATE_PER_MINUTE: '0' }, 'JOIN_RATE_PER_MINUTE'],
    [{ BROADCAST_MS: '5' }, 'BROADCAST_MS'],
    [{ DATABASE_URL: 'mysql://db/game' }, 'DATABASE_URL'],
    [{ DATABASE_SCHEMA: 'Game; DROP' }, 'DATABASE_SCHEMA'],
  ])('%j is refused naming %s', (env, name) => {
    const r = readEnv(env);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.startsWith(`${name}: `)).toBe(true);
    expect(r.errors[0]!.length).toBeGreaterThan(name.length + 5);
  });

  test('npm start with a bad PORT exits with code 2 and says what is wrong', async () => {
    const run = runMain({ PORT: 'abc', DATA_DIR: '/nonexistent/never-created' });
    expect(await run.exited).toEqual({ code: 2, signal: null });
    expect(run.output()).toContain('Invalid configuration');
    expect(run.output()).toMatch(/PORT: .+/);
  }, 30_000);
});
