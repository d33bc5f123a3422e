// A snapshot is read back through the whole state's schema (server/sessions/snapshot.ts): a state the reducer made
// comes back equal, every part of it; a snapshot damaged anywhere, deep in a world's history included, or written
// before a field existed, is not used (the log rebuilds the session instead).
import { describe, expect, it } from 'vitest';
import { parseSnapshotState } from '../../../server/sessions/snapshot.js';
import { playedState } from './played.js';

const stored = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('parseSnapshotState', () => {
  const state = playedState(12, 2, 2);

  it('reads a played session back whole: seats, history, the round in negotiation, acts', () => {
    expect(state.worlds[0]?.history).toHaveLength(2);
    expect(state.worlds[0]?.current?.negotiation.proposals).toHaveLength(1);
    expect(parseSnapshotState(stored(state))).toEqual(stored(state));
  });

  it('refuses a snapshot damaged deep inside, or missing a field', () => {
    const damaged = stored(state) as { worlds: { history: { metrics: { gini: unknown } }[] }[] };
    damaged.worlds[0]!.history[1]!.metrics.gini = 'high';
    expect(parseSnapshotState(damaged)).toBeNull();
    const { events: _events, ...withoutEvents } = state;
    expect(parseSnapshotState(stored(withoutEvents))).toBeNull();
    const proposal = stored(state) as { worlds: { current: { negotiation: { proposals: { status: string }[] } } }[] };
    proposal.worlds[0]!.current.negotiation.proposals[0]!.status = 'maybe';
    expect(parseSnapshotState(proposal)).toBeNull();
  });
});
