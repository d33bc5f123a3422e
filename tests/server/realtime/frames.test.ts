// Hand-made Socket.IO frames that the client library would never send (written straight onto the engine.io
// connection): deep nesting, numeric event names, prototype keys, broken JSON, lying binary headers, unknown
// namespaces. Each is answered with an error ack or ends that connection; the server and the session carry on.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  connect,
  createSession,
  http,
  joinHttp,
  runtimeOf,
  slowConfig,
  startTestServer,
  type TestServer,
} from '../helpers.js';

let ts: TestServer;
let code = '';
let token = '';

beforeAll(async () => {
  ts = await startTestServer();
  const s = await createSession(ts.url, { config: slowConfig() });
  code = s.code;
  token = (await joinHttp(ts.url, code, 'Raw')).seatToken;
  const host = await connect(ts.url, { code, token: s.hostToken });
  await host.ok('host:start');
  await host.ok('host:endPhase');
  host.close();
});

afterAll(async () => {
  await ts?.stop();
});

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const submit = '{"cmdId":"abcdefgh1","to":"I","terms":{"openMarket":true,"project":null}';

/** [name, raw socket.io packet (engine.io adds its own "4"), expected ack code or 'closed'] */
const FRAMES: [string, string, string][] = [
  ['nested 1,000 deep', `277["proposal:submit",${deep(1000)}]`, 'BAD_REQUEST'],
  ['nested 30,000 deep (under 64 KB)', `277["proposal:submit",${deep(30_000)}]`, 'PAYLOAD_TOO_LARGE'],
  [
    'objects nested 10,000 deep',
    `277["proposal:submit",${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}]`,
    'PAYLOAD_TOO_LARGE',
  ],
  ['own __proto__ key', `277["proposal:submit",${submit},"__proto__":{"polluted":1}}]`, 'BAD_REQUEST'],
  [
    'constructor.prototype key',
    `277["proposal:submit",${submit},"constructor":{"prototype":{"polluted":1}}}]`,
    'BAD_REQUEST',
  ],
  ['numeric event name', '277[1,{"cmdId":"abcdefgh1"}]', 'UNKNOWN_EVENT'],
  ['numeric event name, no payload', '277[12345]', 'UNKNOWN_EVENT'],
  ['NaN spelled out', '277["host:addTime",{"cmdId":"abcdefgh1","seconds":NaN}]', 'closed'],
  ['broken JSON', '277["proposal:submit",', 'closed'],
  ['empty event', '277[]', 'closed'],
  ['a lying binary header', '5177-["proposal:submit",{"_placeholder":true,"num":0}]', 'closed'],
  ['an unknown namespace', '2/admin,77["host:endGame",{"cmdId":"abcdefgh1"}]', 'closed'],
  ['an ack the server never asked for', '377[{"ok":true}]', 'ignored'],
];

describe('raw frames', () => {
  test.each(FRAMES)('%s', async (_name, frame, expected) => {
    const rt = await runtimeOf(ts, code);
    const before = JSON.stringify(rt.state);
    const client = await connect(ts.url, { code, token });
    const acks: string[] = [];
    client.socket.io.engine.on('message', (d: unknown) => {
      if (typeof d === 'string' && d.startsWith('377')) acks.push(d);
    });
    const closed = new Promise<string>((resolve) => client.socket.once('disconnect', (r) => resolve(r)));
    client.socket.io.engine.send(frame);
    if (expected === 'closed') {
      expect(await closed).toMatch(/transport (close|error)/);
    } else {
      // A state:sync afterwards proves the connection is alive and everything before it was handled.
      expect((await client.emit('state:sync', {})).ok).toBe(true);
      if (expected === 'ignored') expect(acks).toEqual([]);
      else {
        expect(acks).toHaveLength(1);
        const [ack] = JSON.parse(acks[0]!.slice(3)) as [{ ok: boolean; error: { code: string } }];
        expect(ack.ok).toBe(false);
        expect(ack.error.code).toBe(expected);
      }
    }
    client.close();
    expect(JSON.stringify(rt.state)).toBe(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((await http<{ ok: boolean }>(ts.url, '/healthz')).body.ok).toBe(true);
  });
});
