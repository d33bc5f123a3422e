// The message catalogue (en, zh-CN) used by the client, the server's error messages and exports. Every key has a
// text in both languages (the zh-CN catalogue is typed against the English one).
import { isErrorCode, type ErrorCode } from '../model/errors.js';
import { errorsEn } from './errors.en.js';
import { errorsZh } from './errors.zh-CN.js';
import { commonEn } from './ui/common.en.js';
import { commonZh } from './ui/common.zh-CN.js';
import type { debriefEn } from './ui/debrief.en.js';
import { hostEn } from './ui/host.en.js';
import { hostZh } from './ui/host.zh-CN.js';
import { projectorEn } from './ui/projector.en.js';
import { projectorZh } from './ui/projector.zh-CN.js';
import { studentEn } from './ui/student.en.js';
import { studentZh } from './ui/student.zh-CN.js';

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** The texts every page loads. */
export const catalogues = {
  en: { ...errorsEn, ...commonEn, ...studentEn, ...hostEn, ...projectorEn },
  'zh-CN': { ...errorsZh, ...commonZh, ...studentZh, ...hostZh, ...projectorZh },
} as const;

/**
 * Texts that come with a screen's own lazily loaded chunk (the debrief's, added by `addCatalogue` when it loads), so
 * that a student's first load does not carry them.
 */
const added: Record<Lang, Record<string, string>> = { en: {}, 'zh-CN': {} };

export type MessageKey = keyof (typeof catalogues)['en'] | keyof typeof debriefEn;

/** Adds a lazily loaded part of the catalogue (both languages; the zh-CN part is typed against the English one). */
export function addCatalogue(texts: Readonly<Record<Lang, Readonly<Record<string, string>>>>): void {
  for (const l of LANGS) Object.assign(added[l], texts[l]);
}

/** True when the key has a text (in English, which has every key). */
export function hasText(key: string): boolean {
  return ownText(catalogues.en, key) !== undefined || ownText(added.en, key) !== undefined;
}

/** A catalogue entry: own keys only (a key can come from the wire, e.g. an error code, and must never be `constructor`). */
function ownText(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The text of a key with {placeholders} filled in; falls back to English, then to the key itself. */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const text =
    ownText(catalogues[lang], key) ??
    ownText(added[lang], key) ??
    ownText(catalogues.en, key) ??
    ownText(added.en, key) ??
    key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : `{${name}}`,
  );
}

/** The user-facing text of an error code. */
export function errorText(lang: Lang, code: ErrorCode): string {
  return t(lang, `error.${code}`);
}

/**
 * The text of an error code received from another program: the catalogue's for a code this program knows; a newer
 * program's code is shown with the message it came with (or, without one, as the general failure and the code).
 */
export function receivedErrorText(lang: Lang, code: string, message?: string): string {
  if (isErrorCode(code)) return errorText(lang, code);
  return message ?? `${errorText(lang, 'INTERNAL')} (${code})`;
}

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}
