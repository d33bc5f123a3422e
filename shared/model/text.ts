// The one policy for free text typed by people (display names, announcements, session titles, arm and map names):
// NFC, whitespace runs collapsed to one space, trimmed; refused if it holds anything invisible or layout-breaking.
import { z } from 'zod';

/**
 * Control characters (NUL, newlines after collapsing, ...), format characters (bidi overrides, isolates and marks,
 * zero-width spaces and joiners, soft hyphens, BOM), lone surrogates, private-use characters, and the blank "fillers"
 * that render as nothing (Hangul fillers, braille blank): each can disguise one name as another or break a layout
 * or a CSV.
 */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\u115F\u1160\u3164\uFFA0\u2800]/u;

// Whitespace, except the BOM (U+FEFF), which JavaScript counts as a space but the policy refuses as invisible.
const SPACES = /[^\S\uFEFF]+/gu;

/** NFC, whitespace runs as one space, trimmed. */
export function normaliseText(raw: string): string {
  return raw.normalize('NFC').replace(SPACES, ' ').replace(/^ | $/g, '');
}

/** Length in code points (what a person counts), not UTF-16 units. */
export function textLength(text: string): number {
  return [...text].length;
}

/** Why a normalised text is refused, or null if it is acceptable. */
export function textProblem(text: string, min: number, max: number): string | null {
  if (FORBIDDEN.test(text)) return 'contains control, invisible or formatting characters';
  const length = textLength(text);
  if (length < min) return min === 1 ? 'is empty' : `is shorter than ${min} characters`;
  if (length > max) return `is longer than ${max} characters`;
  return null;
}

/** A zod string under the text policy: normalised on parse, refused with the policy's message. */
export function freeText(min: number, max: number) {
  return z
    .string()
    .max(max * 8)
    .overwrite(normaliseText)
    .check((ctx) => {
      // Length problems keep zod's own issue codes, so forms can say "required" or "too long" beside the field.
      const length = textLength(ctx.value);
      const base = { origin: 'string', inclusive: true, input: ctx.value } as const;
      const problem = textProblem(ctx.value, min, max);
      if (!problem) return;
      if (FORBIDDEN.test(ctx.value))
        ctx.issues.push({ code: 'custom', message: `the text ${problem}`, input: ctx.value });
      else if (length < min)
        ctx.issues.push({ ...base, code: 'too_small', minimum: min, message: `the text ${problem}` });
      else ctx.issues.push({ ...base, code: 'too_big', maximum: max, message: `the text ${problem}` });
    });
}
