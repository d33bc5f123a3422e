// Protocol 2 as the browser client speaks it (client/src/net/connection.ts): a socket's copy of its view, a full
// view on connect and on state:sync, then each state:patch applied with the shared patch code
// (shared/protocol/patch.ts). A patch whose base is not the copy's seq (one was missed) asks for a full view with
// state:sync. In place, not on a copy as the client does: thousands of simulated clients share these cores with
// the server under test.
import type { Socket } from 'socket.io-client';
import { applyPatchInPlace, type Json } from '../../../shared/protocol/patch.js';
import type { PatchMessage, ViewMessage } from '../../../shared/protocol/server-events.js';
import type { SessionView } from '../../../shared/model/session/view.js';
import { worker } from './worker-state.js';

/** Follows the socket's view; `onView` gets the current view after every full view and every applied patch. */
export function followViews(sock: Socket, onView: (view: SessionView) => void): void {
  let seq = -1;
  let view: Json | null = null;
  let syncing = false;
  const resync = () => {
    view = null;
    if (syncing || !sock.connected) return;
    syncing = true;
    worker.resyncs++;
    sock.emit('state:sync', {}, () => {
      syncing = false;
    });
  };
  sock.on('state:view', (msg: ViewMessage) => {
    worker.views++;
    seq = msg.seq;
    // A view is JSON (it came off the wire); the patches apply to it as such.
    view = msg.view as unknown as Json;
    onView(msg.view);
  });
  sock.on('state:patch', (msg: PatchMessage) => {
    worker.patches++;
    if (view === null || msg.base !== seq) return resync();
    try {
      view = applyPatchInPlace(view, msg.ops);
    } catch {
      return resync();
    }
    seq = msg.seq;
    // The server's view rebuilt from its patches (as the client types it).
    onView(view as unknown as SessionView);
  });
  // The bytes of every frame the server sends this socket, as it arrives (a new engine on every reconnect).
  sock.io.on('open', () => {
    sock.io.engine.on('data', (data: unknown) => {
      worker.bytesIn += typeof data === 'string' ? Buffer.byteLength(data) : (data as ArrayBuffer).byteLength;
    });
  });
}
