// The worked example of docs/protocol.md is a real exchange: played again on a real server, it must give the same
// transcript (run npm run docs:example after a deliberate change), and every payload it shows must parse with the
// schema of its event.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { DOC } from '../../../server/cli/protocol-doc.js';
import { EXAMPLE_BEGIN, EXAMPLE_END, recordExample, withExample } from '../../../server/cli/protocol-example.js';
import { JoinSchema, SyncSchema, isCommandEvent, parseCommandEvent } from '../../../shared/protocol/events.js';
import { AckSchema } from '../../../shared/protocol/errors.js';

const doc = readFileSync(DOC, 'utf8');
const example = doc.slice(doc.indexOf(EXAMPLE_BEGIN), doc.indexOf(EXAMPLE_END));

/** `who → event {payload}` and `who ← {ack}` lines of the example. */
const SENT = /^(\w+) → ([\w:]+) (\{.*\})$/;
const ACKED = /^(\w+) ← (\{.*\})$/;

function payloadProblem(event: string, payload: unknown): string | null {
  if (event === 'session:join') return JoinSchema.safeParse(payload).success ? null : 'session:join';
  if (event === 'state:sync') return SyncSchema.safeParse(payload).success ? null : 'state:sync';
  if (!isCommandEvent(event)) return `unknown event ${event}`;
  const parsed = parseCommandEvent(event, payload);
  return parsed.ok ? null : `${event}: ${parsed.error.issues[0]?.message ?? ''}`;
}

test('the example sends only payloads of known events, and every accepted one parses with its schema', () => {
  const lines = example.split('\n');
  const sent = lines.map((l) => SENT.exec(l)).filter((m) => m !== null);
  expect(sent.length).toBeGreaterThan(25);
  // A line whose ack is ok must carry a valid payload (the refused ones show refusals, schema ones included).
  const problems: string[] = [];
  for (const m of sent) {
    const next = lines[lines.indexOf(m[0]) + 1] ?? '';
    const ack = ACKED.exec(next);
    const reply = ack ? AckSchema.parse(JSON.parse(ack[2] ?? 'null')) : null;
    if (reply?.ok) {
      const problem = payloadProblem(m[2] ?? '', JSON.parse(m[3] ?? 'null'));
      if (problem) problems.push(problem);
    }
  }
  expect(problems).toEqual([]);
});

test('a real server answers the example exactly as docs/protocol.md shows it', async () => {
  const regenerated = await withExample(doc, await recordExample());
  expect(regenerated, 'the example is stale: run npm run docs:example').toBe(doc);
}, 120_000);
