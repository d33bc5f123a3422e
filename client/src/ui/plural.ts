// Plural forms chosen by Intl.PluralRules for the current language: a key `k` has variants `k.one`, `k.other`
// (and any other category the language uses); Chinese needs only `other`.
import { lang, tr } from './i18n.js';

const rulesByLang = new Map<string, Intl.PluralRules>();

function rules(): Intl.PluralRules {
  const l = lang();
  let r = rulesByLang.get(l);
  if (!r) {
    r = new Intl.PluralRules(l);
    rulesByLang.set(l, r);
  }
  return r;
}

/** The text of `key.<category of n>` (falling back to `key.other`), with {n} and the other parameters filled in. */
export function trn(key: string, n: number, params: Record<string, string | number> = {}): string {
  const all = { n, ...params };
  const exact = `${key}.${rules().select(n)}`;
  const text = tr(exact, all);
  return text === exact ? tr(`${key}.other`, all) : text;
}
