// The worked example's game, step by step (docs/protocol.md section 10): what each party sends, in order, and
// which views it waits for before the next step, so that every run sends and receives the same thing.
import type { Json } from '../../shared/protocol/patch.js';
import { ExampleClient, get, pick } from './exampleClient.js';
import type { Transcript } from './protocol-example.js';

const CONFIG: Json = {
  title: 'Protocol example',
  map: '3-single',
  rounds: 2,
  worlds: { count: 1 },
  arms: [{ name: 'Baseline', schedule: [{ fromRound: 1, treatments: [] }] }],
  phases: { briefing: 600, negotiate: 600, decide: 600, results: 600 },
  bots: { strategy: 'cooperative' },
  params: { enforcement: { audit: 1 } },
};

const phaseIs =
  (phase: string, round?: number) =>
  (v: Json): boolean =>
    get(v, 'phase') === phase && (round === undefined || get(v, 'round') === round);

function proposals(v: Json): Json[] {
  const list = get(v, 'worlds', 0, 'current', 'proposals');
  return Array.isArray(list) ? list : [];
}

function proposal(v: Json, from: string, to: string, status: string): Json | undefined {
  return proposals(v).find((p) => get(p, 'from') === from && get(p, 'to') === to && get(p, 'status') === status);
}

function idOf(p: Json | undefined): string {
  const id = get(p, 'id');
  if (typeof id !== 'string') throw new Error('the example expected a proposal that is not there');
  return id;
}

function text(v: Json | undefined): string {
  if (typeof v !== 'string') throw new Error(`expected a string, got ${JSON.stringify(v)}`);
  return v;
}

/** The parts of a student's view that a step is about. */
function current(v: Json, keys: readonly string[]): Json {
  return { phase: get(v, 'phase') ?? null, round: get(v, 'round') ?? null, ...pickCurrent(v, keys) };
}

function pickCurrent(v: Json, keys: readonly string[]): { [key: string]: Json } {
  return { 'worlds[0].current': pick(get(v, 'worlds', 0, 'current'), keys) };
}

/** One round's record of the history, cut to what the example is about. */
function roundRecord(history: Json | null, round: number): Json {
  const r = get(history ?? null, 0, 'rounds', round - 1);
  const results = get(r, 'results', 'regions');
  const fields = ['gdp', 'tax', 'outlay', 'inflow', 'score', 'career', 'nBar', 'honoured', 'breaches', 'detected'];
  const regions: { [key: string]: Json } = {};
  for (const id of ['C', 'I', 'F']) regions[id] = pick(get(results, id), fields);
  return {
    ...pick(r, ['round', 'treatments', 'agreements', 'decisions', 'draws']),
    'results.regions (some fields)': regions,
  };
}

export async function playExample(t: Transcript, url: string): Promise<void> {
  let n = 0;
  const cmdId = (who: string) => `${who}-cmd-${String(++n).padStart(2, '0')}`;

  t.step(
    'The instructor creates the session: one world on the `3-single` map (regions `C`, `I`, `F`; links C-I, C-F, I-F), two rounds, phases long enough that only the host and early ends move the game, a cooperative bot for a region without a student, and audits that always happen (`params.enforcement.audit = 1`) so that every breach is detected. The `seed` makes the run reproducible. Codes, tokens and times are shown as `<names>`.',
  );
  const created = await t.http(
    url,
    '/api/sessions',
    { config: CONFIG, seed: 'protocol-example' },
    {
      secrets: (r) => {
        t.redact.name(text(get(r, 'code')), '<code>');
        t.redact.name(text(get(r, 'hostToken')), '<hostToken>');
        t.redact.name(text(get(r, 'projectorToken')), '<projectorToken>');
      },
    },
  );
  const code = text(get(created, 'code'));
  const hostToken = text(get(created, 'hostToken'));

  t.step('Ann joins over HTTP: she gets the first seat, in the emptiest region (`C`, first in map order).');
  const ann = await t.http(
    url,
    `/api/sessions/${code}/join`,
    { name: 'Ann' },
    {
      secrets: (r) => t.redact.name(text(get(r, 'seatToken')), '<Ann seat token>'),
    },
  );

  t.step(
    'Bo joins over the socket instead: a connection without a token is a guest, and `session:join` turns it into the new seat (region `I`). The `cmdId` makes the join safe to retry (with the same name; a real client makes it random, section 6: it is fixed here to keep this text stable). The server then sends Bo `session:welcome` and a full `state:view`.',
  );
  const bo = await ExampleClient.connect(url, { code });
  const joined = await bo.emit('session:join', { code, name: 'Bo', cmdId: 'bo-join-01' });
  t.redact.name(text(get(joined, 'seatToken')), '<Bo seat token>');
  t.line(`bo → session:join ${JSON.stringify({ code, name: 'Bo', cmdId: 'bo-join-01' })}`);
  t.line(`bo ← ${JSON.stringify(t.redact.json(joined))}`);
  await bo.waitView(() => true, "Bo's first view");
  t.line(`bo ← session:welcome ${JSON.stringify(t.redact.json(bo.welcome ?? null))}`);

  t.step(
    'The host and Ann connect with their tokens (`auth: { code, token, protocol: 2 }`); each gets `session:welcome` and a full view. The host sees every seat with its presence; `regions` shows the bot playing `F`.',
  );
  const host = await ExampleClient.connect(url, { code, token: hostToken });
  const annClient = await ExampleClient.connect(url, { code, token: text(get(ann, 'seatToken')) });
  t.line(`host ← session:welcome ${JSON.stringify(t.redact.json(host.welcome ?? null))}`);
  t.line(`ann ← session:welcome ${JSON.stringify(t.redact.json(annClient.welcome ?? null))}`);
  const lobby = await host.waitView(
    (v) => get(v, 'students', 'connected') === 2,
    'both students connected in the host view',
  );
  t.json(
    "The host's lobby view (`config`, `worldInfo` and `decided` left out):",
    pick(lobby, [
      'code',
      'title',
      'phase',
      'paused',
      'round',
      'deadline',
      'remainingMs',
      'locked',
      'takeover',
      'worldCount',
      'me',
      'worlds',
      'seats',
      'regions',
      'announcements',
      'students',
    ]),
  );

  await playRoundOne(t, { host, ann: annClient, bo }, cmdId);
  await playRoundTwo(t, { host, ann: annClient, bo }, cmdId);

  t.step(
    "After the end every command answers `SESSION_ENDED`. The export lists every accepted command; its `seq` is the `seq` of the command's ack (1 and 2 are the joins; the bot's moves and the early ends are not commands).",
  );
  await t.send('ann', annClient, 'negotiation:done', { cmdId: cmdId('ann'), done: true });
  const log = await t.http(url, `/api/sessions/${code}/export.json`, undefined, {
    token: hostToken,
    shown: '<the docs/rules.md section 11 log>',
  });
  const events = get(log, 'events');
  t.json(
    'The exported `events` (`seq`, `actor`, `type` of each):',
    Array.isArray(events) ? events.map((e) => pick(e, ['seq', 'actor', 'type'])) : [],
  );
  for (const c of [host, annClient, bo]) c.finish();
}

type Clients = { host: ExampleClient; ann: ExampleClient; bo: ExampleClient };

async function playRoundOne(t: Transcript, { host, ann, bo }: Clients, cmdId: (who: string) => string): Promise<void> {
  t.step(
    'The host starts the game: round 1 begins with its briefing (with a deadline), a proposal now is `WRONG_PHASE`. The host ends the briefing at once with `host:advance`. When negotiate opens, the bot in `F` proposes to each neighbour.',
  );
  await t.send('host', host, 'host:start', { cmdId: cmdId('host') });
  await ann.waitView(phaseIs('briefing', 1), 'the briefing');
  await t.send('ann', ann, 'proposal:submit', { cmdId: cmdId('ann'), to: 'I', terms: { openMarket: true } });
  await t.send('host', host, 'host:advance', { cmdId: cmdId('host') });
  const opened = await ann.waitView((v) => proposal(v, 'F', 'C', 'pending') !== undefined, "the bot's proposal");
  t.json(
    "Ann's view: her region's proposals only (the bot's to `I` is not in it):",
    current(opened, ['round', 'treatments', 'negotiationOpen', 'agreements', 'proposals']),
  );

  t.step(
    'Refusals change nothing and have no `seq`: a proposal without a clause is `EMPTY_PROPOSAL`, a region that is not on the map is `UNKNOWN_REGION`. Then Ann proposes an open market and a project hosted by `I` to Bo, and sends the same command again with the same `cmdId` (as after a lost ack): the answer is the original ack, and it is applied once.',
  );
  await t.send('ann', ann, 'proposal:submit', { cmdId: cmdId('ann'), to: 'I', terms: { openMarket: false } });
  await t.send('ann', ann, 'proposal:submit', { cmdId: cmdId('ann'), to: 'R', terms: { openMarket: true } });
  const submit = {
    cmdId: cmdId('ann'),
    to: 'I',
    terms: { openMarket: true, project: { host: 'I' } },
    message: 'bothGain',
  };
  await t.send('ann', ann, 'proposal:submit', submit);
  await t.send('ann', ann, 'proposal:submit', submit);

  t.step(
    "Bo accepts Ann's proposal. Ann's connection receives the change as a `state:patch` against the view she holds:",
  );
  const fromAnn = idOf(
    proposal(
      await bo.waitView((v) => proposal(v, 'C', 'I', 'pending') !== undefined, "Ann's proposal"),
      'C',
      'I',
      'pending',
    ),
  );
  await t.send('bo', bo, 'proposal:accept', { cmdId: cmdId('bo'), proposalId: fromAnn });
  await ann.waitView((v) => proposal(v, 'C', 'I', 'signed') !== undefined, 'the signed proposal');
  t.json('The patch Ann received:', ann.lastPatch ?? null, ['seq', 'base', 'serverTime']);

  t.step(
    "Ann accepts the bot's proposal, Bo rejects his, and both mark negotiation done: negotiate ends at once (every region with a student is done). Pending proposals expire, the signed clauses become the round's agreements, and the bot decides (its region shows `submitted: true`).",
  );
  const fromBotToAnn = idOf(proposal(ann.view ?? null, 'F', 'C', 'pending'));
  const fromBotToBo = idOf(
    proposal(
      await bo.waitView((v) => proposal(v, 'F', 'I', 'pending') !== undefined, "the bot's proposal to Bo"),
      'F',
      'I',
      'pending',
    ),
  );
  await t.send('ann', ann, 'proposal:accept', { cmdId: cmdId('ann'), proposalId: fromBotToAnn });
  await t.send('bo', bo, 'proposal:reject', { cmdId: cmdId('bo'), proposalId: fromBotToBo });
  await t.send('ann', ann, 'negotiation:done', { cmdId: cmdId('ann'), done: true });
  await t.send('bo', bo, 'negotiation:done', { cmdId: cmdId('bo'), done: true });
  const decide = await ann.waitView(phaseIs('decide', 1), 'decide');
  t.json(
    "Ann's view in decide:",
    current(decide, ['negotiationOpen', 'agreements', 'proposals', 'submitted', 'done', 'drafts', 'decisions']),
  );

  t.step(
    "`comply` may name only the region's own signed projects: Bo naming the open-market agreement is `INVALID_COMPLY`. Bo then drafts a decision that blocks `C` (breaking the open-market pledge with Ann) and leaves `comply` out (so he honours the project). The draft reaches only Bo's region and the host.",
  );
  await t.send('bo', bo, 'decision:draft', {
    cmdId: cmdId('bo'),
    decision: { invest: 'AUTO', barriers: ['C'], comply: { 'r1-C-I-openMarket': 'honour' } },
  });
  const draft = { invest: 'AUTO', barriers: ['C'] };
  await t.send('bo', bo, 'decision:draft', { cmdId: cmdId('bo'), decision: draft });
  const boDraft = await bo.waitView((v) => get(v, 'worlds', 0, 'current', 'drafts', 'I') !== undefined, "Bo's draft");
  t.json("Bo's view: his region's draft (Ann's view has `drafts: {}`):", pickCurrent(boDraft, ['drafts']));

  t.step(
    'The host pauses: the clock stops (`deadline: null`, `remainingMs` set) and student commands answer `PAUSED`; then resumes.',
  );
  await t.send('host', host, 'host:pause', { cmdId: cmdId('host') });
  await ann.waitView((v) => get(v, 'paused') === true, 'the pause');
  t.json("Ann's clock while paused:", pick(ann.view ?? null, ['phase', 'paused', 'deadline', 'remainingMs']));
  await t.send('ann', ann, 'decision:submit', { cmdId: cmdId('ann'), decision: { invest: 'ELEC', barriers: [] } });
  await t.send('host', host, 'host:resume', { cmdId: cmdId('host') });
  await ann.waitView((v) => get(v, 'paused') === false, 'the resume');

  t.step(
    'Ann honours the project with Bo and breaches the one with the bot; Bo submits his draft. Everyone has submitted, so decide ends at once and the round is resolved: it comes in `history`, and every decision is now public.',
  );
  await t.send('ann', ann, 'decision:submit', {
    cmdId: cmdId('ann'),
    decision: { invest: 'ELEC', barriers: [], comply: { 'r1-C-I-project': 'honour', 'r1-C-F-project': 'breach' } },
  });
  await t.send('bo', bo, 'decision:submit', { cmdId: cmdId('bo'), decision: draft });
  await ann.waitView(phaseIs('results', 1), 'the results');
  t.json(
    "Round 1 in Ann's `history`: Ann's breached project and Bo's barrier against `C` (the broken pledge) are breaches, and with certain audits detected:",
    roundRecord(ann.history, 1),
  );
}

async function playRoundTwo(t: Transcript, { host, ann, bo }: Clients, cmdId: (who: string) => string): Promise<void> {
  t.step(
    "The host announces something (views keep the last 5 announcements, each with the `seq` of its command), and moves on through round 2's briefing to negotiate. Both students mark negotiation done at once, so the bot's new proposals expire.",
  );
  await t.send('host', host, 'host:announce', { cmdId: cmdId('host'), text: 'Round 2: keep your pledges!' });
  await t.send('host', host, 'host:advance', { cmdId: cmdId('host') });
  await t.send('host', host, 'host:advance', { cmdId: cmdId('host') });
  await ann.waitView(phaseIs('negotiate', 2), 'negotiate in round 2');
  t.json("Ann's announcements:", pick(ann.view ?? null, ['announcements']));
  await t.send('ann', ann, 'negotiation:done', { cmdId: cmdId('ann'), done: true });
  await t.send('bo', bo, 'negotiation:done', { cmdId: cmdId('bo'), done: true });
  await bo.waitView(phaseIs('decide', 2), 'decide in round 2');

  t.step(
    'Only Ann submits; the host ends decide early. Bo\'s region gets the defaults (`source: "default"`): his last investment, last round\'s barriers, honour for every project.',
  );
  await t.send('ann', ann, 'decision:submit', { cmdId: cmdId('ann'), decision: { invest: 'ELEC', barriers: [] } });
  await t.send('host', host, 'host:endPhase', { cmdId: cmdId('host') });
  await ann.waitView(phaseIs('results', 2), 'the results of round 2');
  t.json(
    "Round 2's decisions in Ann's `history`:",
    pick(get(ann.history, 0, 'rounds', 1), ['round', 'agreements', 'decisions']),
  );

  t.step('Ending the results of the last round ends the session.');
  await t.send('host', host, 'host:advance', { cmdId: cmdId('host') });
  const ended = await bo.waitView(phaseIs('ended'), 'the end');
  t.json("Bo's final view (a part):", {
    ...pick(ended, ['phase', 'round', 'deadline']),
    'worlds[0].promoted': get(ended, 'worlds', 0, 'promoted') ?? null,
  });
}
