// A two-node cluster behind one address, for running single-server test files against forwarding: sessions are
// created on node A (POST /api/sessions goes there), everything else (joins, sockets, exports, health) goes to node
// B, which runs no session: every command takes B's checks, then the hop to A, and A's ack comes back.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { testTopology, type TestServer } from '../helpers.js';
import { startNodePair } from './pair.js';

function target(req: IncomingMessage, a: TestServer, b: TestServer): URL {
  const toA = req.method === 'POST' && req.url?.split('?')[0] === '/api/sessions';
  return new URL((toA ? a : b).url);
}

export async function startSplitCluster(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const pair = await startNodePair('split', extraEnv);
  const { a, b } = pair;
  const front = createServer((req: IncomingMessage, res: ServerResponse) => {
    const to = target(req, a, b);
    const upstream = request(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  // WebSocket upgrades are piped as bytes to node B.
  front.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    const to = new URL(b.url);
    const upstream = tcpConnect(Number(to.port), to.hostname, () => {
      const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((ok) => front.listen(0, '127.0.0.1', ok));
  const port = (front.address() as AddressInfo).port;
  return {
    server: b.server,
    url: `http://127.0.0.1:${port}`,
    dataDir: b.dataDir,
    stop: async () => {
      front.closeAllConnections();
      await new Promise<void>((ok) => front.close(() => ok()));
      await pair.stop();
    },
  };
}

/** Makes startTestServer() in the test file imported next start a split two-node cluster. */
export function useSplitCluster(): void {
  testTopology.start = startSplitCluster;
}
