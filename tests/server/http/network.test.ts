// GET /api/network: where phones can reach the server (PUBLIC_URL, and this machine's LAN addresses for a console
// opened on the machine itself), parsed with the shared schema; the interface filter on a made-up machine.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NetworkInfoSchema } from '../../../shared/protocol/http.js';
import { lanAddresses } from '../../../server/http/network.js';
import { http, startTestServer, type TestServer } from '../helpers.js';

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer();
});

afterAll(async () => {
  await ts?.stop();
});

describe('GET /api/network', () => {
  test('answers the schema; a request from this machine gets http URLs with the port', async () => {
    const r = await http<unknown>(ts.url, '/api/network');
    expect(r.status).toBe(200);
    const info = NetworkInfoSchema.parse(r.body);
    expect(info.publicUrl).toBeNull();
    const port = new URL(ts.url).port;
    for (const u of info.lanUrls) expect(u).toMatch(new RegExp(`^http://\\d+\\.\\d+\\.\\d+\\.\\d+:${port}$`));
  });

  test('lists non-internal IPv4 addresses, not loopback, IPv6, container bridges or tunnels', () => {
    const iface = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({
      address,
      family,
      internal,
      netmask: '',
      mac: '',
      cidr: null,
      ...(family === 'IPv6' ? { scopeid: 0 } : {}),
    });
    const list = lanAddresses({
      lo: [iface('127.0.0.1', 'IPv4', true)],
      wlan0: [iface('192.168.1.23', 'IPv4'), iface('fe80::1', 'IPv6')],
      docker0: [iface('172.17.0.1', 'IPv4')],
      utun3: [iface('10.8.0.2', 'IPv4')],
      eth0: [iface('10.0.0.5', 'IPv4')],
    } as Parameters<typeof lanAddresses>[0]);
    expect(list).toEqual(['192.168.1.23', '10.0.0.5']);
  });
});
