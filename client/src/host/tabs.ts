// Accessible tabs (WAI-ARIA pattern): arrow keys, Home and End move between tabs; panels are hidden, not removed,
// so their state (typed text, the debrief) survives switching.
import { h, mount } from '../ui/dom.js';

export interface TabDef<T extends string> {
  id: T;
  label: () => string;
  panel: HTMLElement;
}

export function tabBar<T extends string>(
  tabs: TabDef<T>[],
  current: () => T,
  onSelect: (id: T) => void,
): { el: HTMLElement; update(): void; select(id: T, focus?: boolean): void } {
  const el = h('div', { class: 'tabs host-tabs', role: 'tablist' });
  const buttons = new Map<T, HTMLButtonElement>();
  for (const t of tabs) {
    t.panel.id = `panel-${t.id}`;
    t.panel.setAttribute('role', 'tabpanel');
    t.panel.setAttribute('aria-labelledby', `tab-${t.id}`);
    t.panel.setAttribute('tabindex', '-1');
    t.panel.dataset['testid'] = `panel-${t.id}`;
  }
  const select = (id: T, focus = false) => {
    onSelect(id);
    for (const t of tabs) t.panel.hidden = t.id !== id;
    paint();
    if (focus) buttons.get(id)?.focus();
  };
  const paint = () => {
    const now = current();
    for (const [id, b] of buttons) {
      b.setAttribute('aria-selected', String(id === now));
      b.tabIndex = id === now ? 0 : -1;
      b.textContent = tabs.find((t) => t.id === id)?.label() ?? id;
    }
  };
  mount(
    el,
    tabs.map((t) => {
      const b = h('button', {
        type: 'button',
        role: 'tab',
        id: `tab-${t.id}`,
        'aria-controls': `panel-${t.id}`,
        'data-testid': `tab-${t.id}`,
      });
      b.addEventListener('click', () => select(t.id));
      b.addEventListener('keydown', (e) => {
        const i = tabs.findIndex((x) => x.id === t.id);
        const to =
          e.key === 'ArrowRight'
            ? i + 1
            : e.key === 'ArrowLeft'
              ? i - 1
              : e.key === 'Home'
                ? 0
                : e.key === 'End'
                  ? tabs.length - 1
                  : null;
        if (to === null) return;
        e.preventDefault();
        const next = tabs[(to + tabs.length) % tabs.length];
        if (next) select(next.id, true);
      });
      buttons.set(t.id, b);
      return b;
    }),
  );
  paint();
  return { el, update: paint, select: (id, focus = false) => select(id, focus) };
}
