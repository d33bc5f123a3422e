// A small JSON-over-HTTP helper on node:http (keep-alive, optional local address).
import { Agent, request } from 'node:http';

export interface HttpReply {
  status: number;
  body: unknown;
}

export interface HttpOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Source address, e.g. 127.0.3.1: the server's per-IP limits see another client. */
  localAddress?: string;
  agent?: Agent | false;
  timeoutMs?: number;
}

export const keepAliveAgent = new Agent({ keepAlive: true, maxSockets: 16 });

export function httpJson(method: string, url: string, opts: HttpOptions = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request(
      url,
      {
        method,
        agent: opts.agent ?? keepAliveAgent,
        ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
        headers: {
          accept: 'application/json',
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
          ...opts.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text.length > 0 ? (JSON.parse(text) as unknown) : null;
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(opts.timeoutMs ?? 30_000, () => req.destroy(new Error(`${method} ${url}: timed out`)));
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}
