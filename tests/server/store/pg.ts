// PostgreSQL for tests: TEST_DATABASE_URL (set by .ci/run) names a database the tests may create schemas in. Each
// test file (and each test that needs a clean database) gets its own schema, so test files run in parallel.
// Without TEST_DATABASE_URL the PostgreSQL tests fail with a message saying how to set it up: they are never
// skipped silently.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function testDatabaseUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url)
    throw new Error(
      'TEST_DATABASE_URL is not set: the PostgreSQL tests need a PostgreSQL 15 database they may create schemas in, ' +
        'e.g. TEST_DATABASE_URL=postgres://promotion:promotion@127.0.0.1:5432/promotion_test (.ci/run sets one up)',
    );
  return url;
}

/** A schema name nobody else uses. */
export function freshSchema(prefix = 't'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
