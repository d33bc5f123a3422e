// GET /api/network: the addresses phones in the room can open when the console runs on localhost (see NetworkInfo).
import type { Request, Router } from 'express';
import { networkInterfaces } from 'node:os';
import type { NetworkInfo } from '../../shared/protocol/http.js';

type Interfaces = ReturnType<typeof networkInterfaces>;

/** Non-internal IPv4 addresses of this machine, in interface order (Wi-Fi and Ethernet before virtual ones). */
export function lanAddresses(interfaces: Interfaces = networkInterfaces()): string[] {
  const out: string[] = [];
  for (const [name, list] of Object.entries(interfaces)) {
    // Container bridges and VPN tunnels are not where phones are.
    if (/^(docker|br-|veth|virbr|vmnet|utun|tun|tap|lo)/i.test(name)) continue;
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  return out;
}

function fromLoopback(req: Request): boolean {
  const ip = req.socket.remoteAddress ?? '';
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
}

export function mountNetworkRoute(router: Router, publicUrl: string | null): void {
  router.get('/api/network', (req, res) => {
    const port = req.socket.localPort;
    const reply: NetworkInfo = {
      publicUrl: publicUrl ? publicUrl.replace(/\/$/, '') : null,
      lanUrls: fromLoopback(req)
        ? lanAddresses().map((ip) => `http://${ip}${port && port !== 80 ? `:${port}` : ''}`)
        : [],
    };
    res.set('Cache-Control', 'no-store').json(reply);
  });
}
