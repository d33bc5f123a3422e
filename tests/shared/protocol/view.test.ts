// The view schemas of shared/protocol/view.ts describe the views the model really builds: every role, every phase of
// a played session (proposals in every state, agreements, drafts, decisions, history, a removed seat, a pause), as
// JSON (what the wire carries).
import { describe, expect, it } from 'vitest';
import { SessionConfigSchema } from '../../../shared/model/config.js';
import type { Actor, SessionCommand } from '../../../shared/model/session/commands.js';
import { applyCommand } from '../../../shared/model/session/reducer.js';
import { createSessionState, type SessionState } from '../../../shared/model/session/state.js';
import { historyView, sessionView, type ViewerRole } from '../../../shared/model/session/view.js';
import { HistorySchema, SessionViewSchema } from '../../../shared/protocol/view.js';

const T0 = 1_700_000_000_000;
const HOST: Actor = { kind: 'host' };
const seat = (seatId: string): Actor => ({ kind: 'seat', seatId });

function run(s: SessionState, actor: Actor, cmd: SessionCommand, at = T0): SessionState {
  const r = applyCommand(s, actor, cmd, at);
  if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Every role's view and history of a state, as JSON, with the problems found in it. */
function problems(s: SessionState): string[] {
  const roles: ViewerRole[] = [{ kind: 'host' }, { kind: 'projector' }];
  for (const x of s.seats) roles.push({ kind: 'region', world: x.world, region: x.region });
  const out: string[] = [];
  for (const role of roles) {
    const presence = (id: string) => ({ connected: id === 's1', awaySince: id === 's1' ? null : T0 });
    const view = SessionViewSchema.safeParse(JSON.parse(JSON.stringify(sessionView(s, role, presence))));
    if (!view.success) out.push(`${s.phase} ${role.kind}: ${JSON.stringify(view.error.issues[0])}`);
    const history = HistorySchema.safeParse(JSON.parse(JSON.stringify(historyView(s, role))));
    if (!history.success) out.push(`${s.phase} ${role.kind} history: ${JSON.stringify(history.error.issues[0])}`);
  }
  return out;
}

describe('SessionViewSchema and HistorySchema', () => {
  it('parse every view of a played session, for every role and phase', () => {
    const config = SessionConfigSchema.parse({
      map: '4-single',
      rounds: 2,
      worlds: { count: 2 },
      arms: [
        { name: 'Control', schedule: [{ fromRound: 1, treatments: [] }] },
        { name: 'Reform', schedule: [{ fromRound: 1, treatments: ['A', 'B', 'D1', 'D2', 'D3', 'E'] }] },
      ],
      bots: { strategy: 'cooperative' },
    });
    let s = createSessionState({ code: 'ACDEFG', seed: 'views', createdAt: new Date(T0).toISOString(), config });
    const found: string[] = [];
    const check = () => found.push(...problems(s));
    check();
    for (const name of ['Ann', 'Bo', 'Cy', 'Di', 'Ed']) s = run(s, { kind: 'system' }, { type: 'session:join', name });
    s = run(s, HOST, { type: 'host:announce', text: 'Welcome' });
    s = run(s, HOST, { type: 'host:kickSeat', seatId: 's5' });
    check();
    s = run(s, HOST, { type: 'host:start' });
    check();
    s = run(s, HOST, { type: 'host:advance' });
    const [a, b] = s.seats;
    if (!a || !b || a.world !== b.world) throw new Error('Ann and Bo should share world 0');
    const terms = { openMarket: true, project: { host: b.region, hostShare: 0.5, sidePayment: 0 } };
    s = run(s, seat(a.id), { type: 'proposal:submit', to: b.region, terms });
    const pending = s.worlds[0]?.current?.negotiation.proposals.find((p) => p.from === a.region);
    if (!pending) throw new Error('no proposal');
    s = run(s, seat(b.id), { type: 'proposal:accept', proposalId: pending.id });
    s = run(s, HOST, { type: 'host:pause' });
    check();
    s = run(s, HOST, { type: 'host:resume' });
    s = run(s, HOST, { type: 'host:endPhase' });
    const project = s.worlds[0]?.current?.agreements?.find((g) => g.type === 'project');
    if (!project) throw new Error('no project');
    s = run(s, seat(a.id), {
      type: 'decision:draft',
      decision: { invest: 'ELEC', barriers: [], comply: { [project.id]: 'breach' } },
    });
    s = run(s, seat(b.id), {
      type: 'decision:submit',
      decision: { invest: 'AUTO', barriers: [a.region], comply: {} },
    });
    check();
    s = run(s, HOST, { type: 'host:endPhase' });
    expect(s.phase).toBe('results');
    check();
    for (let k = 0; k < 4; k++) s = run(s, HOST, { type: 'host:advance' });
    expect(s.phase).toBe('results');
    s = run(s, HOST, { type: 'host:advance' });
    expect(s.phase).toBe('ended');
    check();
    expect(found).toEqual([]);
  });

  it('refuses a view with a member it does not know (the schemas are strict)', () => {
    const s = createSessionState({
      code: 'ACDEFG',
      seed: 'views',
      createdAt: new Date(T0).toISOString(),
      config: SessionConfigSchema.parse({}),
    });
    const view = { ...sessionView(s, { kind: 'host' }), extra: 1 };
    expect(SessionViewSchema.safeParse(view).success).toBe(false);
  });
});
