// The one free-text policy (names, announcements, titles, arm and map names): what it refuses and how it normalises.
import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../shared/model/config.js';
import { cleanName } from '../../../shared/model/session/seats.js';
import { freeText, normaliseText, textProblem } from '../../../shared/model/text.js';

const REFUSED = {
  NUL: 'Li\u0000',
  'a bell': 'Li\u0007',
  DEL: 'Li\u007F',
  'a C1 control': 'Li\u0085x',
  'right-to-left override': 'Li\u202Eil',
  'left-to-right isolate': '\u2066Li',
  'right-to-left mark': 'Li\u200F',
  'Arabic letter mark': 'Li\u061C',
  'zero-width space': 'L\u200Bi',
  'zero-width joiner': 'L\u200Di',
  'zero-width non-joiner': 'L\u200Ci',
  'word joiner': 'L\u2060i',
  BOM: '\uFEFFLi',
  'soft hyphen': 'L\u00ADi',
  'a lone high surrogate': 'Li\uD800',
  'a lone low surrogate': '\uDC00Li',
  'a private-use character': 'Li\uE000',
  'a Hangul filler': 'Li\u3164',
  'a braille blank': 'Li\u2800',
};

describe('the text policy', () => {
  test.each(Object.entries(REFUSED))('refuses %s in names, announcements and config text', (_, text) => {
    expect(textProblem(normaliseText(text), 1, 280)).not.toBeNull();
    expect(cleanName(text)).toMatchObject({ ok: false, error: { code: 'INVALID_NAME' } });
    expect(freeText(1, 60).safeParse(text).success).toBe(false);
    expect(parseConfig({ title: text }).ok).toBe(false);
  });

  test('keeps ordinary text in any script, emoji with variation selectors, and normalises it', () => {
    for (const ok of ['Li', '李雷', 'Zoë', 'Ngọc Ánh', 'محمد', 'Ж', '❤️ team']) expect(cleanName(ok).ok, ok).toBe(true);
    // NFC: e + combining acute is one character.
    expect(cleanName('Jose\u0301')).toEqual({ ok: true, value: 'José' });
    expect(cleanName('  Li \n\t Lei ')).toEqual({ ok: true, value: 'Li Lei' });
    expect(freeText(0, 80).parse('  A  class ')).toBe('A class');
  });

  test('counts characters, not UTF-16 units', () => {
    expect(cleanName('😀'.repeat(24)).ok).toBe(true);
    expect(cleanName('😀'.repeat(25)).ok).toBe(false);
    expect(cleanName(' ')).toMatchObject({ ok: false, error: { code: 'INVALID_NAME' } });
  });
});

describe('config lookups by name', () => {
  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'a map named %s is unknown, not a property of an object',
    (map) => {
      const r = parseConfig({ map });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.join(' ')).toContain('unknown map');
    },
  );
});
