// Compile-time checks of the client's translation helpers, run by `npm run typecheck` through the tsconfig.json next
// to this file (the helpers need the DOM library, which the server's tsconfig leaves out). Each @ts-expect-error
// fails the check if the line below compiles.
import type { Treatment } from '../../../shared/model/ids.js';
import { tr, trCount } from '../../../client/src/ui/i18n.js';

// @ts-expect-error not a key of the message catalogue
export const noSuchKey = tr('no.such.key');

export const reformName = (x: Treatment) => tr(`reform.${x}`);
// @ts-expect-error a key built from an id must exist for every id
export const noSuchReformKey = (x: Treatment) => tr(`reform.${x}.nope`);

export const counted = trCount('host.start.students', 3);
// @ts-expect-error a counted text needs the base of its plural keys (`.other` is added)
export const notCounted = trCount('host.start.students.other', 3);
