// A countdown that reads the server's deadline through the store, so every screen shows the same time.
import type { Store } from '../state/store.js';
import { h } from './dom.js';
import { tr } from './i18n.js';

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** A live timer element; updates four times a second until removed from the page. */
export function timerElement(store: Store, big = false): HTMLElement {
  const value = h('span', { class: 'timer-value', 'data-testid': 'timer' }, '–:––');
  const el = h(
    'div',
    { class: big ? 'timer big' : 'timer', role: 'timer', 'aria-label': tr('common.timeLeft') },
    value,
  );
  const tick = () => {
    if (!el.isConnected && el.dataset['started']) return;
    el.dataset['started'] = '1';
    const ms = store.remainingMs();
    value.textContent = ms === null ? '–:––' : formatClock(ms);
    el.classList.toggle('urgent', ms !== null && ms < 10_000 && !store.get().view?.paused);
    el.classList.toggle('paused', store.get().view?.paused === true);
    setTimeout(tick, 250);
  };
  setTimeout(tick, 0);
  return el;
}
