// The real entry point (server/main.ts) as a child process: started with tsx, its port read from what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveArgs } from './serve.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildServer {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs the server as `npm run serve` does (serve.ts), with the given environment (on top of the test's own). */
export function runMain(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: ChildServer['exited'];
} {
  const child = spawn(process.execPath, serveArgs(REPO_ROOT), {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'silent', BROADCAST_MS: '20', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}

/** Starts the server on port 0 and waits for "open http://localhost:<port>". */
export async function startMain(dataDir: string, timeout = 30_000): Promise<ChildServer> {
  const run = runMain({ PORT: '0', DATA_DIR: dataDir });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${run.output()}`)), timeout);
    const check = () => {
      const m = /open http:\/\/localhost:(\d+)/.exec(run.output());
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    run.child.stdout?.on('data', check);
    void run.exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${String(code)}: ${run.output()}`));
    });
  });
  return { ...run, port, url: `http://127.0.0.1:${port}` };
}

/** Kills that process (never a process group or anything found by name) and waits for it to exit. */
export async function kill(
  server: ChildServer,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  return server.exited;
}
