// Cluster test helpers: real server processes (server/main.ts) on one PostgreSQL schema, started on port 0, and
// what they say about themselves (/healthz).
import { runMain, type ChildServer } from '../child.js';
import { http, tempDir, waitFor } from '../helpers.js';
import { testDatabaseUrl } from '../store/pg.js';

export interface NodeHealth {
  sessions: number;
  sockets: number;
  node: string;
  nodes: number;
  running: string[];
}

/** Starts one process of the cluster and waits until it listens. */
export async function startNode(schema: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const run = runMain({
    PORT: '0',
    DATA_DIR: tempDir(),
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_SCHEMA: schema,
    LOG_LEVEL: 'error',
    ...env,
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the node did not start: ${run.output()}`)), 60_000);
    const check = () => {
      const m = /open http:\/\/localhost:(\d+)/.exec(run.output());
      if (!m) return;
      clearTimeout(timer);
      resolve(Number(m[1]));
    };
    run.child.stdout?.on('data', check);
    void run.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the node exited (${String(code ?? signal)}): ${run.output()}`));
    });
  });
  return { ...run, port, url: `http://127.0.0.1:${port}` };
}

/** SIGTERM (a graceful stop), then SIGKILL if the process is still there after `graceMs`. */
export async function stopNode(node: ChildServer, graceMs = 15_000): Promise<void> {
  if (node.child.exitCode !== null || node.child.signalCode !== null) return;
  if (node.child.signalCode === 'SIGSTOP') node.child.kill('SIGCONT');
  node.child.kill('SIGTERM');
  const timer = setTimeout(() => node.child.kill('SIGKILL'), graceMs);
  await node.exited;
  clearTimeout(timer);
}

export async function health(node: ChildServer): Promise<NodeHealth> {
  return (await http<NodeHealth>(node.url, '/healthz')).body;
}

/** Waits until one of `nodes` runs the session; returns it. */
export async function waitForOwner(
  nodes: readonly ChildServer[],
  code: string,
  timeout = 20_000,
): Promise<ChildServer> {
  let owner: ChildServer | undefined;
  await waitFor(
    async () => {
      for (const n of nodes) {
        const h = await health(n).catch(() => null);
        if (h?.running.includes(code)) owner = n;
      }
      return owner !== undefined;
    },
    timeout,
    `a node to run ${code}`,
  );
  if (!owner) throw new Error('unreachable');
  return owner;
}
