// Which origin phone links use (pure, unit-tested): PUBLIC_URL first; on a console opened on localhost this
// machine's LAN address (or a warning when it has none); otherwise the console's own address.
import type { NetworkInfo } from '../../../shared/protocol/http.js';

export interface PhoneBase {
  /** Origin for join links and QR codes. */
  base: string;
  /** Why it differs from the console's address: the console is on localhost and a LAN address was found / none. */
  note: 'none' | 'lan' | 'noLan' | 'public';
  lanUrls: string[];
}

export function isLocalhost(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname.endsWith('.localhost')
  );
}

/** Chooses the base of phone links from what the server said (pure, for tests). */
export function phoneBase(origin: string, localhost: boolean, net: NetworkInfo | null): PhoneBase {
  const lanUrls = net?.lanUrls ?? [];
  if (net?.publicUrl) return { base: net.publicUrl, note: localhost ? 'public' : 'none', lanUrls };
  if (!localhost) return { base: origin, note: 'none', lanUrls };
  const lan = lanUrls[0];
  return lan ? { base: lan, note: 'lan', lanUrls } : { base: origin, note: net ? 'noLan' : 'none', lanUrls };
}
