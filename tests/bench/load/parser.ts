// A lean Socket.IO packet parser for the load generator (`io(url, { parser: leanParser })`). Same wire format as
// socket.io-parser for text packets (`<type>[<nsp>,][<ackId>]<json>`), but `state:view` events are not parsed: the
// handler gets the raw JSON text of the payload and looks only at the few characters it needs. Everything else
// (acks, welcome, connect) is parsed with JSON.parse as usual. The server never sends binary packets here.
import { EventEmitter } from 'node:events';

interface Packet {
  type: number;
  nsp: string;
  data?: unknown;
  id?: number;
}

const EVENT = 2;
const VIEW_PREFIX = '2["state:view",';

class Encoder {
  encode(packet: Packet): string[] {
    let s = String(packet.type);
    if (packet.nsp && packet.nsp !== '/') s += `${packet.nsp},`;
    if (packet.id !== undefined && packet.id !== null) s += String(packet.id);
    if (packet.data !== undefined && packet.data !== null) s += JSON.stringify(packet.data);
    return [s];
  }
}

class Decoder extends EventEmitter {
  add(chunk: unknown): void {
    if (typeof chunk !== 'string') throw new Error('lean parser: binary packets are not supported');
    if (chunk.startsWith(VIEW_PREFIX)) {
      // `2["state:view",{...}]`: hand over the payload text without its closing bracket.
      this.emit('decoded', { type: EVENT, nsp: '/', data: ['state:view', chunk.slice(VIEW_PREFIX.length, -1)] });
      return;
    }
    const type = chunk.charCodeAt(0) - 48;
    if (type < 0 || type > 6) throw new Error(`lean parser: unknown packet type in ${chunk.slice(0, 20)}`);
    let i = 1;
    let nsp = '/';
    if (chunk[i] === '/') {
      const comma = chunk.indexOf(',', i);
      nsp = chunk.slice(i, comma);
      i = comma + 1;
    }
    let id: number | undefined;
    const idStart = i;
    while (i < chunk.length && chunk.charCodeAt(i) >= 48 && chunk.charCodeAt(i) <= 57) i++;
    if (i > idStart) id = Number(chunk.slice(idStart, i));
    const packet: Packet = { type, nsp };
    if (id !== undefined) packet.id = id;
    if (i < chunk.length) packet.data = JSON.parse(chunk.slice(i)) as unknown;
    this.emit('decoded', packet);
  }

  destroy(): void {
    this.removeAllListeners();
  }
}

export const leanParser = { protocol: 5, Encoder, Decoder };
