// The user's language (zh-CN or English), remembered in localStorage, with change notifications.
import { hasText, isLang, t, type CountKey, type Lang, type MessageKey } from '../../../shared/i18n/index.js';

export { hasText, type CountKey, type MessageKey } from '../../../shared/i18n/index.js';

const KEY = 'pr.lang';
const listeners = new Set<() => void>();

function initial(): Lang {
  try {
    const saved = localStorage.getItem(KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Private mode: no storage.
  }
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return nav.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let current: Lang = initial();

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // ignore
  }
  document.documentElement.lang = next;
  for (const l of listeners) l();
}

export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translate a catalogue key in the current language (a key built from an id is checked by the compiler). */
export function tr(key: MessageKey, params?: Record<string, string | number>): string {
  return t(current, key, params);
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * A counted text: the key `${base}.${plural category of n}` (Intl.PluralRules of the current language; Chinese needs
 * only `other`), else `${base}.other`, with {n} and the other parameters filled in.
 */
export function trCount(base: CountKey, n: number, params: Record<string, string | number> = {}): string {
  let rules = pluralRules.get(current);
  if (!rules) pluralRules.set(current, (rules = new Intl.PluralRules(current)));
  const exact = `${base}.${rules.select(n)}`;
  return t(current, hasText(exact) ? exact : `${base}.other`, { n, ...params });
}

/** Numbers formatted for the current language. */
export function num(value: number, digits = 1): string {
  return value.toLocaleString(current, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function pct(value: number, digits = 1): string {
  return `${(value * 100).toLocaleString(current, { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
}

export function signed(value: number, digits = 1): string {
  const s = num(value, digits);
  return value > 0 ? `+${s}` : s;
}
