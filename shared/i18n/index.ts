// The message catalogue (en, zh-CN) used by the client, the server's error messages and exports. Every key has a
// text in both languages (the zh-CN catalogue is typed against the English one), and t() accepts only its keys.
import { isErrorCode, type ErrorCode } from '../model/errors.js';
import { errorsEn } from './errors.en.js';
import { errorsZh } from './errors.zh-CN.js';
import { commonEn } from './ui/common.en.js';
import { commonZh } from './ui/common.zh-CN.js';
import type { debriefEn } from './ui/debrief.en.js';
import type { hostEn } from './ui/host.en.js';
import type { projectorEn } from './ui/projector.en.js';
import { studentEn } from './ui/student.en.js';
import { studentZh } from './ui/student.zh-CN.js';

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

const en = { ...errorsEn, ...commonEn, ...studentEn };

/**
 * The texts every page loads (errors, common, the student's screens). A key without its Chinese text does not compile
 * (each part is typed too). The host's, the projector's and the debrief's texts come with their own chunks.
 */
export const catalogues = {
  en,
  'zh-CN': { ...errorsZh, ...commonZh, ...studentZh } satisfies Record<keyof typeof en, string>,
} as const;

/**
 * Every key of the catalogue, defined by the English texts: those every page loads and those that come with a
 * screen's own lazily loaded chunk (the host's, the projector's and the debrief's, added by `addCatalogue` when the
 * chunk loads). t() and tr() accept nothing else; a key built from an id (`reform.${Treatment}`) must be a key for
 * every id.
 */
export type MessageKey = keyof typeof en | keyof typeof hostEn | keyof typeof projectorEn | keyof typeof debriefEn;

/** The base of a counted text: `${base}.other` is a key, and `${base}.one` etc. may be (see trCount in the client). */
export type CountKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

type Texts = Readonly<Partial<Record<MessageKey, string>>>;

/** The lazily loaded parts, so that a student's first load does not carry them. */
const added: Record<Lang, Partial<Record<MessageKey, string>>> = { en: {}, 'zh-CN': {} };

/** Adds a lazily loaded part of the catalogue (both languages; the zh-CN part is typed against the English one). */
export function addCatalogue(texts: Readonly<Record<Lang, Texts>>): void {
  for (const l of LANGS) Object.assign(added[l], texts[l]);
}

/** True when a key built at run time (a plural category's, a map's id) has a text now (English has every key). */
export function hasText(key: string): key is MessageKey {
  return ownText(catalogues.en, key) !== undefined || ownText(added.en, key) !== undefined;
}

/** A catalogue entry: own keys only (a table is a plain object, and `constructor` must never be found). */
function ownText(table: Readonly<Record<string, string | undefined>>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The text of a key with {placeholders} filled in; falls back to English, then (a part not loaded) to the key. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
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
