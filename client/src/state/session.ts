// A live connection to one session: the socket, the store it feeds, and commands with visible pending/failed state.
import type { CommandEvent, CommandBody } from '../../../shared/protocol/events.js';
import type { ReceivedAck } from '../../../shared/protocol/errors.js';
import { GameConnection, newCmdId } from '../net/connection.js';
import { lang } from '../ui/i18n.js';
import { Store } from './store.js';

export class SessionClient {
  readonly store = new Store();
  readonly conn: GameConnection;

  constructor(
    readonly code: string,
    readonly token: string | null,
  ) {
    this.conn = new GameConnection(code, token, lang(), {
      view: (msg) => this.store.receive(msg),
      welcome: (w) => this.store.setWelcome(w),
      status: (s) => this.store.setStatus(s),
      fatal: (c) => this.store.setFatal(c),
    });
  }

  /** Sends a command; the store shows it as pending until the server answers, and keeps failures visible. */
  async send<E extends CommandEvent>(event: E, payload: CommandBody<E>, label: string = event): Promise<ReceivedAck> {
    const id = newCmdId();
    this.store.startPending(id, label);
    const ack = await this.conn.command(event, payload, id);
    this.store.finishPending(id, ack.ok ? undefined : ack.error);
    if (!ack.ok) setTimeout(() => this.store.dismissFailed(id), 8000);
    return ack;
  }

  close(): void {
    this.conn.close();
  }
}
