// The debrief's tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs).
import { h } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { TAB_IDS, type TabId } from './sections.js';

export type { TabId } from './sections.js';

export function tabs(current: TabId, select: (t: TabId) => void, panel: HTMLElement): HTMLElement {
  const tabId = (t: TabId) => `debrief-tab-${t}`;
  const onKey = (e: KeyboardEvent) => {
    const i = TAB_IDS.indexOf(current);
    const next =
      e.key === 'ArrowRight'
        ? TAB_IDS[(i + 1) % TAB_IDS.length]
        : e.key === 'ArrowLeft'
          ? TAB_IDS[(i + TAB_IDS.length - 1) % TAB_IDS.length]
          : e.key === 'Home'
            ? TAB_IDS[0]
            : e.key === 'End'
              ? TAB_IDS[TAB_IDS.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    select(next);
  };
  panel.setAttribute('role', 'tabpanel');
  panel.setAttribute('id', 'debrief-tabpanel');
  panel.setAttribute('aria-labelledby', tabId(current));
  panel.setAttribute('tabindex', '0');
  return h(
    'div',
    { class: 'debrief-tabs' },
    h(
      'div',
      { class: 'tabs', role: 'tablist', 'aria-label': tr('debrief.tabs') },
      TAB_IDS.map((t) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: tabId(t),
            'aria-selected': String(t === current),
            'aria-controls': 'debrief-tabpanel',
            tabindex: t === current ? '0' : '-1',
            'data-focus-key': `tab-${t}`,
            onclick: () => select(t),
            onkeydown: onKey as EventListener,
          },
          tr(`debrief.tab.${t}`),
        ),
      ),
    ),
    panel,
  );
}
