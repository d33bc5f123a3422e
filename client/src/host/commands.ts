// Sends a host command and confirms the outcome on screen: a short confirmation when the server accepted it, the
// translated error code when it did not (the store also shows it as pending while it is on its way).
import { errorText } from '../../../shared/i18n/index.js';
import type { CommandBody, HostEvent } from '../../../shared/protocol/events.js';
import type { SessionClient } from '../state/session.js';
import { lang, tr } from '../ui/i18n.js';
import { toast } from './widgets.js';

export async function runCommand<E extends HostEvent>(
  client: SessionClient,
  event: E,
  payload: CommandBody<E>,
  action: string,
): Promise<boolean> {
  const ack = await client.send(event, payload, action);
  if (ack.ok) toast('ok', tr('host.cmd.ok', { action }));
  else toast('fail', tr('host.cmd.failed', { action, reason: errorText(lang(), ack.error.code) }));
  return ack.ok;
}
