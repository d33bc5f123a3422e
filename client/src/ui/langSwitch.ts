// The language switch shown on every screen.
import { h } from './dom.js';
import { lang, setLang, tr } from './i18n.js';

export function langSwitch(): HTMLElement {
  return h('button', {
    class: 'lang-switch',
    type: 'button',
    'data-testid': 'lang-switch',
    'aria-label': tr('lang.switchLabel'),
    onclick: () => setLang(lang() === 'en' ? 'zh-CN' : 'en'),
  }, tr('lang.switch'));
}
