// The language switch shown on every screen.
import { h } from './dom.js';
import { lang, setLang, tr } from './i18n.js';

export function langSwitch(): HTMLElement {
  // The accessible name starts with the visible text ("中文" / "English"), as WCAG 2.5.3 asks.
  return h(
    'button',
    {
      class: 'lang-switch',
      type: 'button',
      'data-testid': 'lang-switch',
      lang: lang() === 'en' ? 'zh-CN' : 'en',
      'aria-label': `${tr('lang.switch')} — ${tr('lang.switchLabel')}`,
      onclick: () => setLang(lang() === 'en' ? 'zh-CN' : 'en'),
    },
    tr('lang.switch'),
  );
}
