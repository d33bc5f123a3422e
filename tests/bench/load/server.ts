// The game server under test, as a child process of the orchestrator: a fresh DATA_DIR, LOG_LEVEL=warn, no join
// limit (every simulated student comes from 127.0.0.1). Its pino lines are counted by level (the first warnings
// and errors are shown), and it is stopped with SIGTERM so that a --cpu-prof profile gets written.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveArgs } from '../../server/serve.js';

export interface ServerProcess {
  proc: ChildProcess;
  pid: number;
  /** http://127.0.0.1:<port> */
  base: string;
  dataDir: string;
  /** Where --cpu-prof writes, when profiling. */
  profDir: string | null;
  logLevels: { warn: number; error: number; other: number };
}

export async function startServer(
  root: string,
  opts: { profile: boolean; broadcastMs: string | undefined; env?: Record<string, string> },
): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pr-load-data-'));
  const profDir = opts.profile ? mkdtempSync(join(tmpdir(), 'pr-load-prof-')) : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // Every simulated student comes from 127.0.0.1.
    JOIN_RATE_PER_MINUTE: '100000',
    ...(opts.broadcastMs ? { BROADCAST_MS: opts.broadcastMs } : {}),
    // --nodes: PostgreSQL (DATABASE_URL, DATABASE_SCHEMA) shared by several processes.
    ...opts.env,
  };
  const logLevels = { warn: 0, error: 0, other: 0 };
  // As deployed (`npm run serve`: its V8 settings included).
  const args = [...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), ...serveArgs(root)];
  const proc = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stderr.setEncoding('utf8').on('data', (s: string) => process.stderr.write(`[server] ${s}`));

  const base = await new Promise<string>((ok, fail) => {
    let buf = '';
    const timer = setTimeout(() => fail(new Error('the server did not start within 60 s')), 60_000);
    proc.once('exit', (code) => fail(new Error(`the server exited with ${code}`)));
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const m = /open http:\/\/localhost:(\d+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          ok(`http://127.0.0.1:${m[1]}`);
        } else if (line.startsWith('{')) {
          // pino writes JSON lines to stdout: count warnings and errors, show the first few.
          const level = /"level":(\d+)/.exec(line)?.[1];
          const kind = level === '40' ? 'warn' : level === '50' || level === '60' ? 'error' : 'other';
          logLevels[kind]++;
          if (logLevels.warn + logLevels.error <= 5) process.stderr.write(`[server] ${line.slice(0, 400)}\n`);
        }
      }
    });
  });
  return { proc, pid: proc.pid ?? 0, base, dataDir, profDir, logLevels };
}

/** A graceful stop (SIGTERM lets the server write its CPU profile), SIGKILL after 30 s; then DATA_DIR goes. */
export async function stopServer(server: ServerProcess): Promise<void> {
  const { proc } = server;
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  proc.kill('SIGTERM');
  let killTimer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise<void>((r) => (killTimer = setTimeout(r, 30_000)))]);
  clearTimeout(killTimer);
  if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  rmSync(server.dataDir, { recursive: true, force: true });
}
