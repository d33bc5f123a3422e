// Entry point: `npm start`. Reads the environment, starts the server, stops gracefully on SIGTERM/SIGINT.
import { readEnv } from './config.js';
import { startServer } from './server.js';

const env = readEnv(process.env);
if (!env.ok) {
  process.stderr.write(`Invalid configuration:\n${env.errors.map((e) => `  ${e}`).join('\n')}\n`);
  process.exit(2);
}

const server = await startServer({ env: env.value });
process.stdout.write(`Promotion Race is running: open http://localhost:${server.port} (instructors: /host)\n`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${signal}: stopping gracefully...\n`);
  server.close().then(
    () => {
      // Nothing should be left running now: the process ends when its event loop is empty. Whatever still runs
      // after a few seconds (a bug) does not keep it from exiting.
      process.exitCode = 0;
      setTimeout(() => process.exit(0), 5_000).unref();
    },
    (e: unknown) => {
      process.stderr.write(`shutdown failed: ${String(e)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
