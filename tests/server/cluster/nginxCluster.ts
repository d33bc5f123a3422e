// The cluster as deployed, for a test file: server processes (nodes.ts) on one fresh PostgreSQL schema behind a real
// nginx with deploy/nginx.conf (nginx.ts). Kept apart from nginx.ts, which the load benchmark imports outside vitest.
import { afterAll, beforeAll } from 'vitest';
import type { ChildServer } from '../child.js';
import { dropSchema, freshSchema } from '../store/pg.js';
import { startNginx, type Nginx } from './nginx.js';
import { startNode, stopNode } from './nodes.js';

/**
 * The cluster as deployed, for a test file: `count` server processes on one fresh schema behind this nginx, started
 * before the file's tests and stopped after them (nginx first). `nodes` is filled in place; read `nginx` in tests.
 */
export function useNginxCluster(prefix: string, count: number): { nodes: ChildServer[]; readonly nginx: Nginx } {
  const schema = freshSchema(prefix);
  const nodes: ChildServer[] = [];
  let nginx: Nginx | null = null;
  beforeAll(async () => {
    for (let i = 0; i < count; i++) nodes.push(await startNode(schema));
    nginx = await startNginx(nodes.map((n) => n.port));
  }, 180_000);
  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(nodes.map((n) => stopNode(n)));
    await dropSchema(schema);
  });
  return {
    nodes,
    get nginx() {
      if (!nginx) throw new Error('nginx is not started (use it inside a test)');
      return nginx;
    },
  };
}
