// Screens and banners for loading, reconnecting, paused, kicked, ended and errors: each has its own clear text.
import type { GameState } from '../state/store.js';
import { h } from './dom.js';
import { tr } from './i18n.js';
import { langSwitch } from './langSwitch.js';
import { errorText, receivedErrorText } from '../../../shared/i18n/index.js';
import { lang } from './i18n.js';

export type StatusKind = 'loading' | 'connecting' | 'kicked' | 'ended' | 'notFound' | 'error';

export function statusScreen(
  kind: StatusKind,
  detail?: string,
  action?: { label: string; run: () => void },
): HTMLElement {
  const title: Record<StatusKind, string> = {
    loading: tr('status.loading'),
    connecting: tr('status.connecting'),
    kicked: tr('status.kicked'),
    ended: tr('status.ended'),
    notFound: tr('status.notFound'),
    error: tr('status.error'),
  };
  const hint: Partial<Record<StatusKind, string>> = { kicked: tr('status.kickedHint'), ended: tr('status.endedHint') };
  const busy = kind === 'loading' || kind === 'connecting';
  return h(
    'main',
    { class: `status-screen status-${kind}`, 'data-testid': `status-${kind}`, 'aria-busy': busy ? 'true' : null },
    h(
      'div',
      { class: 'status-card' },
      h('div', { class: 'status-top' }, h('span', { class: 'brand' }, tr('app.title')), langSwitch()),
      busy ? h('div', { class: 'spinner', 'aria-hidden': 'true' }) : null,
      h('h1', {}, title[kind]),
      hint[kind] ? h('p', {}, hint[kind]) : null,
      detail ? h('p', { class: 'detail' }, detail) : null,
      action ? h('button', { class: 'primary', type: 'button', onclick: action.run }, action.label) : null,
    ),
  );
}

/** The text for a fatal connection code. */
export function fatalScreen(code: string, retry?: () => void): HTMLElement {
  if (code === 'KICKED') return statusScreen('kicked');
  if (code === 'SESSION_ENDED') return statusScreen('ended');
  if (code === 'NOT_FOUND') return statusScreen('notFound');
  return statusScreen(
    'error',
    receivedErrorText(lang(), code),
    retry ? { label: tr('status.retry'), run: retry } : undefined,
  );
}

/** A banner over the game while the connection is being restored. */
export function connectionBanner(state: GameState): HTMLElement | null {
  if (state.status === 'reconnecting' || state.status === 'connecting') {
    return h(
      'div',
      { class: 'banner banner-warn', role: 'status', 'data-testid': 'reconnecting' },
      h('span', { class: 'dot', 'aria-hidden': 'true' }),
      tr(state.status === 'connecting' ? 'status.connecting' : 'status.reconnecting'),
    );
  }
  return null;
}

/** A banner, not a curtain: results and briefings stay readable while the instructor pauses to discuss them. */
export function pausedBanner(state: GameState): HTMLElement | null {
  if (!state.view?.paused) return null;
  return h(
    'div',
    { class: 'banner banner-pause', role: 'status', 'data-testid': 'paused' },
    h('span', { 'aria-hidden': 'true' }, '❚❚'),
    h('strong', {}, tr('status.paused')),
    h('span', { class: 'banner-hint' }, tr('status.pausedHint')),
  );
}

/** Pending and failed commands, so nothing looks done before the server confirms it. */
export function pendingList(state: GameState): HTMLElement | null {
  if (state.pending.length === 0) return null;
  return h(
    'div',
    { class: 'pending-list', role: 'status', 'aria-live': 'polite' },
    state.pending.map((p) =>
      h(
        'div',
        { class: `pending pending-${p.state}`, 'data-testid': `pending-${p.state}` },
        p.state === 'pending'
          ? tr('status.pending')
          : tr('status.failed', {
              reason: p.error
                ? receivedErrorText(lang(), p.error.code, p.error.message)
                : errorText(lang(), 'INTERNAL'),
            }),
      ),
    ),
  );
}
