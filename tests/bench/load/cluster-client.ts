// What the cluster scenarios of the load bench share: sockets and acks, which process runs a session (/healthz),
// and a session moved into the decide phase.
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { httpJson } from './http.js';
import { createSession } from './sessions.js';
import type { ServerProcess } from './server.js';
import { percentile, sortNumbers } from './stats.js';

export const quantile = (xs: readonly number[], q: number) => percentile(sortNumbers([...xs]), q * 100);

export function socketFor(base: string, auth: Record<string, string>): Promise<Socket> {
  const sock = io(base, { transports: ['websocket'], forceNew: true, auth, reconnection: false });
  return new Promise((ok, fail) => {
    sock.once('connect', () => ok(sock));
    sock.once('connect_error', (e) => fail(e));
  });
}

export async function ack(sock: Socket, event: string, payload: Record<string, unknown>): Promise<number> {
  const t0 = performance.now();
  const r = (await sock.timeout(10_000).emitWithAck(event, payload)) as { ok: boolean; error?: { code: string } };
  if (!r.ok) throw new Error(`${event}: ${r.error?.code ?? 'failed'}`);
  return performance.now() - t0;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function running(node: ServerProcess): Promise<string[]> {
  const r = await httpJson('GET', `${node.base}/healthz`, { timeoutMs: 2000 }).catch(() => null);
  const body = r?.body as { running?: string[] } | undefined;
  return body?.running ?? [];
}

export async function ownerOf(nodes: readonly ServerProcess[], code: string): Promise<ServerProcess | undefined> {
  for (const n of nodes) if ((await running(n)).includes(code)) return n;
  return undefined;
}

/** A session with `seats` seats, moved into the decide phase by its host. */
export async function decidingSession(base: string, seats = 1): Promise<{ code: string; seatTokens: string[] }> {
  const spec = await createSession(base, seats);
  const seatTokens: string[] = [];
  for (let i = 0; i < seats; i++) {
    const join = await httpJson('POST', `${base}/api/sessions/${spec.code}/join`, { body: { name: `Bench ${i}` } });
    seatTokens.push((join.body as { seatToken: string }).seatToken);
  }
  const host = await socketFor(base, { code: spec.code, token: spec.hostToken });
  await ack(host, 'host:start', { cmdId: `start-${randomBytes(4).toString('hex')}` });
  await ack(host, 'host:endPhase', { cmdId: `neg-${randomBytes(4).toString('hex')}` });
  await ack(host, 'host:endPhase', { cmdId: `dec-${randomBytes(4).toString('hex')}` });
  host.close();
  return { code: spec.code, seatTokens };
}
