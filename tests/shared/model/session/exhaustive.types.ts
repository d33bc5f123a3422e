// Compile-time checks, run by `npm run typecheck` (the tsconfig includes tests/): the reducer's handler maps and
// the broadcast scope must name every command. Each @ts-expect-error makes the type check fail if the line below
// it compiles, i.e. if a map that forgets a command were accepted.
import { HOST_HANDLERS, type HostHandlers } from '../../../../shared/model/session/hostCommands.js';
import { SYSTEM_HANDLERS, type SystemHandlers } from '../../../../shared/model/session/reducer.js';
import { AUDIENCE } from '../../../../shared/model/session/scope.js';
import { STUDENT_HANDLERS, type StudentHandlers } from '../../../../shared/model/session/studentCommands.js';

const { 'host:lock': _lock, ...withoutLock } = HOST_HANDLERS;
// @ts-expect-error a host command without a handler
export const forgetsHost: HostHandlers = withoutLock;

const { 'decision:submit': _submit, ...withoutSubmit } = STUDENT_HANDLERS;
// @ts-expect-error a student command without a handler
export const forgetsStudent: StudentHandlers = withoutSubmit;

const { 'phase:timeout': _timeout, ...withoutTimeout } = SYSTEM_HANDLERS;
// @ts-expect-error a server command without a handler
export const forgetsSystem: SystemHandlers = withoutTimeout;

const { 'decision:draft': _draft, ...withoutDraft } = AUDIENCE;
// @ts-expect-error a command without a broadcast audience
export const forgetsAudience: typeof AUDIENCE = withoutDraft;
