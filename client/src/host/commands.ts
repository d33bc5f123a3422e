// Sends a host command and confirms the outcome on screen where the action was taken (the card of the control that
// was used; a toast when there is none): a short confirmation when the server accepted it, the translated error
// code when it did not (the store also shows it as pending while it is on its way).
import { receivedErrorText } from '../../../shared/i18n/index.js';
import type { CommandBody, HostEvent } from '../../../shared/protocol/events.js';
import type { SessionClient } from '../state/session.js';
import { lang, tr } from '../ui/i18n.js';
import { feedbackHost, showFeedback, toast } from './widgets.js';

export async function runCommand<E extends HostEvent>(
  client: SessionClient,
  event: E,
  payload: CommandBody<E>,
  action: string,
  at: Element | null = null,
  done?: string,
): Promise<boolean> {
  // Found now: the control itself may be gone once the card is rebuilt from the new view.
  const host = at ? feedbackHost(at) : null;
  const ack = await client.send(event, payload, action);
  const text = ack.ok
    ? (done ?? tr('host.cmd.ok', { action }))
    : tr('host.cmd.failed', { action, reason: receivedErrorText(lang(), ack.error.code, ack.error.message) });
  if (host) showFeedback(host, ack.ok ? 'ok' : 'fail', text);
  else toast(ack.ok ? 'ok' : 'fail', text);
  return ack.ok;
}

/** The element an event's handler is attached to (the control that was used). */
export function controlOf(e: Event): Element | null {
  return e.currentTarget instanceof Element ? e.currentTarget : null;
}
