// CSV exports that open in Excel: each file starts with the UTF-8 byte order mark, worlds are numbered as on the
// screens ("World 1" is index 0) and regions carry their names (in the instructor's language), with the ids in
// extra columns.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreateSessionReply } from '../../../shared/protocol/http.js';
import {
  connect,
  createSession,
  joinHttp,
  slowConfig,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../helpers.js';

let ts: TestServer;
let session: CreateSessionReply;
let host: TestClient;

const BOM = [0xef, 0xbb, 0xbf];

beforeAll(async () => {
  ts = await startTestServer();
  session = await createSession(ts.url, { config: slowConfig({ rounds: 1, worlds: { count: 2 } }) });
  await joinHttp(ts.url, session.code, '张伟');
  host = await connect(ts.url, { code: session.code, token: session.hostToken });
  await host.ok('host:start');
  // briefing -> negotiate -> decide -> results: the round is resolved (bots and defaults decide).
  for (let k = 0; k < 3; k++) await host.ok('host:advance');
});

afterAll(async () => {
  host?.close();
  await ts?.stop();
});

async function fetchBytes(path: string, headers: Record<string, string> = {}): Promise<Uint8Array> {
  const res = await fetch(`${ts.url}/api/sessions/${session.code}/${path}`, {
    headers: { authorization: `Bearer ${session.hostToken}`, ...headers },
  });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/** Rows of a CSV text as objects by header (no quoted commas in these tables' name cells). */
function rows(bytes: Uint8Array): Record<string, string>[] {
  const [head, ...lines] = strFromU8(bytes).trimEnd().split('\r\n');
  const cols = (head ?? '').split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i] ?? `#${i}`, v])));
}

describe('CSV exports', () => {
  test('every file of the zip starts with the byte order mark; worlds are numbered 1, 2; regions named', async () => {
    const files = unzipSync(await fetchBytes('export.csv'));
    for (const name of ['rounds.csv', 'agreements.csv', 'events.csv']) {
      expect([...(files[name] ?? new Uint8Array()).slice(0, 3)], name).toEqual(BOM);
    }
    const rounds = rows(files['rounds.csv'] ?? new Uint8Array());
    expect(rounds.length).toBe(2 * 4);
    expect([...new Set(rounds.map((r) => r['world']))].sort()).toEqual(['1', '2']);
    expect([...new Set(rounds.map((r) => r['worldIndex']))].sort()).toEqual(['0', '1']);
    const coastal = rounds.find((r) => r['regionId'] === 'C');
    expect(coastal?.['region']).toBe('Coastal core');
    // The events keep the Chinese display name intact.
    expect(strFromU8(files['events.csv'] ?? new Uint8Array())).toContain('张伟');
  });

  test('one table alone has the mark too; ?lang=zh-CN or a Chinese browser gives Chinese region names', async () => {
    const one = await fetchBytes('export/rounds.csv?lang=zh-CN');
    expect([...one.slice(0, 3)]).toEqual(BOM);
    const zh = rows(one);
    expect(zh.find((r) => r['regionId'] === 'C')?.['region']).toBe('沿海核心');
    expect(zh.find((r) => r['regionId'] === 'F')?.['region']).toBe('西部农业');
    const browser = rows(await fetchBytes('export/rounds.csv', { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' }));
    expect(browser.find((r) => r['regionId'] === 'I')?.['region']).toBe('内陆工业');
    const english = rows(await fetchBytes('export/rounds.csv', { 'accept-language': 'en-GB,en;q=0.9' }));
    expect(english.find((r) => r['regionId'] === 'I')?.['region']).toBe('Industrial inland');
  });

  test('agreements name both parties and the host, with their ids beside', async () => {
    const text = strFromU8(await fetchBytes('export/agreements.csv'));
    const header =
      text
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0]
        ?.split(',') ?? [];
    expect(header.slice(0, 11)).toEqual([
      'world',
      'worldIndex',
      'round',
      'id',
      'type',
      'a',
      'b',
      'host',
      'aId',
      'bId',
      'hostId',
    ]);
    for (const r of rows(new TextEncoder().encode(text))) {
      expect(['1', '2']).toContain(r['world']);
      expect(r['a']).not.toBe(r['aId']);
    }
  });
});
