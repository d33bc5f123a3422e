// The base of the links handed to phones: PUBLIC_URL when the server has one; this machine's LAN address when the
// console is open on localhost (phones cannot open "localhost"); otherwise the address the console was opened at.
import type { NetworkInfo } from '../../../shared/protocol/http.js';
import { fetchNetwork } from '../net/api.js';
import { isLocalhost, phoneBase, type PhoneBase } from './phoneBase.js';

export type { PhoneBase } from './phoneBase.js';

let info: NetworkInfo | null = null;
let asked = false;

export function currentPhoneBase(): PhoneBase {
  return phoneBase(location.origin, isLocalhost(location.hostname), info);
}

/** Asks the server once; `changed` runs when the answer arrives (links and QR codes are drawn again). */
export function loadNetwork(changed: () => void): void {
  if (asked) return;
  asked = true;
  fetchNetwork()
    .then((n) => {
      info = n;
      changed();
    })
    .catch(() => undefined);
}
