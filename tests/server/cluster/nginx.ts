// A real nginx in front of the cluster, from deploy/nginx.conf itself: only its `listen` port and the `server`
// lines of its upstreams are replaced (with the test's processes); it runs in the foreground with its own prefix
// directory (pid file, logs, temp files) and is stopped by its process id.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from '../child.js';
import { http, tempDir, waitFor } from '../helpers.js';

export const NGINX_CONF = join(REPO_ROOT, 'deploy', 'nginx.conf');

export interface Nginx {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

function nginxBinary(): string {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(p)) return p;
  throw new Error('nginx is not installed: apt-get install -y nginx (.ci/run does)');
}

/** A port free right now (nginx needs a fixed one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** deploy/nginx.conf with the test's port and upstream servers. */
export function testConfig(port: number, upstreams: readonly number[]): string {
  const conf = readFileSync(NGINX_CONF, 'utf8');
  // The servers' parameters (max_fails=0) are kept as written.
  const servers = (params: string) => upstreams.map((p) => `    server 127.0.0.1:${p}${params};`).join('\n');
  let blocks = 0;
  const out = conf
    .replace(/^ {2}listen 8080;$/m, `  listen 127.0.0.1:${port};`)
    .replace(/^ {4}listen 8080;$/m, `    listen 127.0.0.1:${port};`)
    .replace(/(?:^ {4}server 127\.0\.0\.1:\d+((?: [a-z_]+=\w+)*);\n)+/gm, (_block, params: string) => {
      blocks++;
      return `${servers(params)}\n`;
    });
  if (!out.includes(`listen 127.0.0.1:${port};`) || blocks !== 2)
    throw new Error('deploy/nginx.conf no longer has the listen and upstream server lines this test replaces');
  return out;
}

export async function startNginx(upstreams: readonly number[]): Promise<Nginx> {
  const dir = tempDir('promotion-race-nginx-');
  // Workers run as an unprivileged user when the master is root: they need to write the temp directories.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'tmp'), { mode: 0o777 });
  chmodSync(join(dir, 'tmp'), 0o777);
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, testConfig(port, upstreams));
  const child: ChildProcess = spawn(nginxBinary(), ['-c', conf, '-p', `${dir}/`, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited: ${err}`);
      return (await http(url, '/healthz').catch(() => null))?.status === 200;
    },
    20_000,
    'nginx to answer',
  );
  return {
    url,
    dir,
    stop: async () => {
      // SIGTERM: a fast stop (a graceful SIGQUIT would wait for every open WebSocket).
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
