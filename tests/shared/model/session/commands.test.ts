// The command set is declared once (shared/model/session/commands.ts): the reducer's handler maps, the broadcast
// audience and the wire events all cover exactly that set. The compiler checks it too (exhaustive.types.ts).
import { describe, expect, test } from 'vitest';
import {
  COMMANDS,
  HOST_COMMANDS,
  STUDENT_COMMANDS,
  parseClientCommand,
} from '../../../../shared/model/session/commands.js';
import { HOST_HANDLERS } from '../../../../shared/model/session/hostCommands.js';
import { SYSTEM_HANDLERS } from '../../../../shared/model/session/reducer.js';
import { AUDIENCE } from '../../../../shared/model/session/scope.js';
import { STUDENT_HANDLERS } from '../../../../shared/model/session/studentCommands.js';
import { COMMAND_EVENTS, parseCommandEvent } from '../../../../shared/protocol/events.js';

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('one command set', () => {
  test('every command has exactly one handler and an audience', () => {
    const handled = [...Object.keys(HOST_HANDLERS), ...Object.keys(STUDENT_HANDLERS), ...Object.keys(SYSTEM_HANDLERS)];
    expect(sorted(handled)).toEqual(sorted(Object.keys(COMMANDS)));
    expect(new Set(handled).size).toBe(handled.length);
    expect(sorted(Object.keys(AUDIENCE))).toEqual(sorted(Object.keys(COMMANDS)));
  });

  test('the wire events are the student and host commands', () => {
    expect(sorted(COMMAND_EVENTS)).toEqual(sorted([...Object.keys(STUDENT_COMMANDS), ...Object.keys(HOST_COMMANDS)]));
  });

  test('a wire payload becomes the command and its cmdId; the server-only takeover is refused', () => {
    const ok = parseCommandEvent('host:addTime', { cmdId: 'abcdefgh', seconds: 30 });
    expect(ok).toEqual({ ok: true, cmdId: 'abcdefgh', command: { type: 'host:addTime', seconds: 30 } });
    expect(parseCommandEvent('host:endPhase', { cmdId: 'abcdefgh', takeover: [] }).ok).toBe(false);
    expect(parseCommandEvent('host:addTime', { seconds: 30 }).ok).toBe(false);
    expect(parseClientCommand('negotiation:done', { done: true })).toEqual({
      ok: true,
      command: { type: 'negotiation:done', done: true },
    });
  });
});
