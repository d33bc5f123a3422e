// The user's language (zh-CN or English), remembered in localStorage, with change notifications.
import { hasText, isLang, t, type Lang } from '../../../shared/i18n/index.js';

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

/** Translate a catalogue key in the current language. */
export function tr(key: string, params?: Record<string, string | number>): string {
  return t(current, key, params);
}

/** A counted text: the key `${base}.${plural category of n}` (Intl.PluralRules; else `${base}.other`), {n} filled in. */
export function trCount(base: string, n: number, params: Record<string, string | number> = {}): string {
  const exact = `${base}.${new Intl.PluralRules(current).select(n)}`;
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
