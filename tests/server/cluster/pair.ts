// Two nodes of a cluster in this test process: two complete servers (startTestServer) on one fresh PostgreSQL
// schema. Node A and node B know nothing of each other but the database and its adapter, as two processes would.
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../helpers.js';
import { dropSchema, freshSchema, testDatabaseUrl } from '../store/pg.js';

export interface NodePair {
  a: TestServer;
  b: TestServer;
  schema: string;
  /** Stops both servers, then drops the schema. */
  stop(): Promise<void>;
}

/** Starts A, then B, on a schema named after `prefix`, with `env` on top of the database settings. */
export async function startNodePair(prefix: string, env: Record<string, string> = {}): Promise<NodePair> {
  const schema = freshSchema(prefix);
  const nodeEnv = { ...env, DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: schema };
  // Two arguments: these are the real nodes, whatever the file's test topology (see testTopology).
  const a = await startTestServer(nodeEnv, undefined);
  const b = await startTestServer(nodeEnv, undefined).catch(async (e: unknown) => {
    await a.stop();
    throw e;
  });
  return {
    a,
    b,
    schema,
    stop: async () => {
      await a.stop();
      await b.stop();
      await dropSchema(schema);
    },
  };
}

/** A pair started before the file's tests and stopped after them: read `a` and `b` inside the tests. */
export function useNodePair(prefix: string, env: Record<string, string> = {}): Readonly<Omit<NodePair, 'stop'>> {
  let pair: NodePair | null = null;
  beforeAll(async () => {
    pair = await startNodePair(prefix, env);
  });
  afterAll(async () => {
    await pair?.stop();
  });
  const started = (): NodePair => {
    if (!pair) throw new Error('the node pair is not started (use it inside a test)');
    return pair;
  };
  return {
    get a() {
      return started().a;
    },
    get b() {
      return started().b;
    },
    get schema() {
      return started().schema;
    },
  };
}
