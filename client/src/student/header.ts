// The student header: round and phase, the server-clock countdown, own region, connection state, language.
import type { GameState } from '../state/store.js';
import type { Store } from '../state/store.js';
import { h } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { langSwitch } from '../ui/langSwitch.js';
import { timerElement } from '../ui/timer.js';
import type { StudentCtx } from './context.js';
import { regionName } from '../ui/names.js';

export function connectionBadge(state: GameState): HTMLElement {
  const label = {
    connecting: tr('status.connecting'),
    online: tr('status.online'),
    reconnecting: tr('status.reconnecting'),
    closed: tr('status.offline'),
  }[state.status];
  return h(
    'span',
    { class: `conn ${state.status}`, 'data-testid': 'conn', 'data-status': state.status },
    h('span', { class: 'dot', 'aria-hidden': 'true' }),
    h('span', { class: 'conn-label' }, label),
  );
}

export function studentHeader(ctx: StudentCtx, store: Store, onHelp: () => void): HTMLElement {
  const v = ctx.view;
  const phase = h('span', { class: 'phase', 'data-testid': 'phase', 'data-phase': v.phase }, tr(`phase.${v.phase}`));
  return h(
    'header',
    { class: 'app-header student-header' },
    h('span', { class: 'brand' }, tr('app.title')),
    v.round > 0
      ? h(
          'span',
          { 'data-testid': 'round', class: 'round' },
          h('span', { class: 'long' }, tr('common.round', { round: v.round, rounds: v.config.rounds })),
          h('span', { class: 'short' }, `${v.round}/${v.config.rounds}`),
        )
      : null,
    phase,
    v.phase !== 'lobby' && v.phase !== 'ended' ? timerElement(store) : null,
    h('span', { class: 'spacer' }),
    h(
      'span',
      { class: 'me', 'data-testid': 'my-region', 'data-region': ctx.me },
      `★ ${regionName(ctx.map, ctx.me)}${ctx.seatName ? ` · ${ctx.seatName}` : ''}`,
    ),
    connectionBadge(store.get()),
    h(
      'button',
      { type: 'button', class: 'small help-button', onclick: onHelp, 'data-testid': 'help', title: tr('student.help') },
      h('span', { class: 'long' }, tr('student.help')),
      h('span', { class: 'short', 'aria-hidden': 'true' }, '?'),
    ),
    langSwitch(),
  );
}
