// Compile-time checks, run by `npm run typecheck` (the tsconfig includes tests/): error codes and catalogue keys are
// closed sets. Each @ts-expect-error makes the type check fail if the line below it compiles.
import { catalogues, errorText, t } from '../../../shared/i18n/index.js';
import { errorsEn } from '../../../shared/i18n/errors.en.js';
import { fail, type ErrorCode } from '../../../shared/model/errors.js';
import type { Treatment } from '../../../shared/model/ids.js';
import { failedAck } from '../../../shared/protocol/errors.js';

// @ts-expect-error not an error code
export const unknownCode = fail('NOT_A_CODE', 'a rule broken in a way nobody named');
// @ts-expect-error not an error code
export const unknownAck = failedAck('NOT_A_CODE', 'refused');
// @ts-expect-error not an error code
export const unknownErrorText = errorText('en', 'NOT_A_CODE');

// @ts-expect-error not a key of the message catalogue
export const unknownKey = t('en', 'no.such.key');
export const reformName = (x: Treatment) => t('en', `reform.${x}`);
// @ts-expect-error a key built from an id must exist for every id
export const unknownReformKey = (x: Treatment) => t('zh-CN', `reform.${x}.nope`);

// A Chinese catalogue without one of the keys is not a catalogue (the type shared/i18n/index.ts checks it against).
const { 'app.title': _title, ...zhWithoutTitle } = catalogues['zh-CN'];
// @ts-expect-error a key without its Chinese text
export const missingTranslation: Record<keyof typeof catalogues.en, string> = zhWithoutTitle;

// The error texts name every code.
const { 'error.TIMEOUT': _timeout, ...withoutTimeout } = errorsEn;
// @ts-expect-error an error code without its text
export const missingErrorText: Record<`error.${ErrorCode}`, string> = withoutTimeout;
