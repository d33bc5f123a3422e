// Running the game: round and phase, the big countdown (the server's clock, the same on every screen), start,
// pause/resume, add time, end the phase now, lock, bot takeover, end the game. Controls that change the game say
// what they will do and ask first; every outcome is confirmed on screen where the control is.
import { BOT_STRATEGIES, type BotStrategy } from '../../../shared/model/ids.js';
import type { SessionView } from '../../../shared/model/session/view.js';
import type { SessionClient } from '../state/session.js';
import { h, uid } from '../ui/dom.js';
import { tr, trCount } from '../ui/i18n.js';
import { timerElement } from '../ui/timer.js';
import { controlOf, runCommand } from './commands.js';
import { botRegionCount, controlsFor, currentStrategy } from './consoleModel.js';
import { confirmDialog } from './widgets.js';

export interface ConsoleCtx {
  client: SessionClient;
  code: string;
  token: string;
  view(): SessionView;
}

function flowButton(
  label: string,
  enabled: boolean,
  run: (at: Element | null) => void,
  opts: { cls?: string; key: string; title?: string },
): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: opts.cls ?? '',
      disabled: !enabled,
      'data-fkey': opts.key,
      'data-testid': opts.key,
      title: opts.title,
      onclick: (e: Event) => run(controlOf(e)),
    },
    label,
  );
}

export async function startGame(ctx: ConsoleCtx, at: Element | null = null): Promise<void> {
  const v = ctx.view();
  const ok = await confirmDialog({
    title: tr('host.start.confirmTitle'),
    body: tr('host.start.confirmBody', {
      students: trCount('host.start.students', v.students.total),
      worlds: trCount('host.start.worlds', v.worldCount),
      bots: trCount('host.start.bots', botRegionCount(v)),
    }),
    confirm: tr('host.start.button'),
  });
  if (ok) await runCommand(ctx.client, 'host:start', {}, tr('host.start.button'), at);
}

/** Ending the phase early, after saying what happens next (the server ends it; the next phase starts at once). */
async function endPhase(ctx: ConsoleCtx, at: Element | null): Promise<void> {
  const v = ctx.view();
  const last = v.round >= v.config.rounds;
  const ok = await confirmDialog({
    title: tr('host.endPhase.title', { phase: tr(`phase.${v.phase}`) }),
    body:
      v.phase === 'results' && last
        ? tr('host.endPhase.body.lastResults')
        : tr(`host.endPhase.body.${v.phase}`, { next: v.round + 1 }),
    confirm: tr('host.flow.endPhase'),
  });
  if (ok) await runCommand(ctx.client, 'host:endPhase', {}, tr('host.flow.endPhase'), at);
}

/**
 * The phase strip: round, phase, paused state, the timer and the flow buttons, on one line at 1366 px. Rebuilt when
 * the phase changes. `openReforms` (the console's Reforms tab) adds a way there while reforms can still be switched.
 */
export function phaseStrip(ctx: ConsoleCtx, openReforms?: () => void): HTMLElement {
  const v = ctx.view();
  const c = controlsFor(v);
  const running = v.phase !== 'lobby' && v.phase !== 'ended';
  const statusText =
    v.phase === 'lobby'
      ? tr('host.flow.lobbyStatus', { students: v.students.total, connected: v.students.connected })
      : v.phase === 'ended'
        ? tr('host.flow.endedStatus')
        : tr('common.round', { round: v.round, rounds: v.config.rounds });
  return h(
    'section',
    { class: 'card phase-strip', 'aria-labelledby': 'flow-heading', 'data-testid': 'flow' },
    h(
      'div',
      { class: 'phase-info' },
      h('h2', { id: 'flow-heading', class: 'visually-hidden' }, tr('host.flow.heading')),
      h(
        'div',
        { class: 'phase-name', 'data-testid': 'host-phase', 'data-phase': v.phase },
        tr(`phase.${v.phase}`),
        v.paused
          ? h(
              'span',
              { class: 'badge warn paused-badge', 'data-testid': 'paused-badge' },
              '❚❚ ',
              tr('host.flow.paused'),
            )
          : null,
      ),
      h('div', { class: 'phase-round', 'data-testid': 'host-round' }, statusText),
    ),
    running ? timerElement(ctx.client.store, true) : null,
    h(
      'div',
      { class: 'row flow-buttons' },
      c.start
        ? flowButton(`▶ ${tr('host.start.button')}`, true, (at) => void startGame(ctx, at), {
            cls: 'primary big-button',
            key: 'start',
          })
        : null,
      running && !v.paused
        ? flowButton(
            `❚❚ ${tr('host.flow.pause')}`,
            c.pause,
            (at) => void runCommand(ctx.client, 'host:pause', {}, tr('host.flow.pause'), at),
            { key: 'pause' },
          )
        : null,
      running && v.paused
        ? flowButton(
            `▶ ${tr('host.flow.resume')}`,
            c.resume,
            (at) => void runCommand(ctx.client, 'host:resume', {}, tr('host.flow.resume'), at),
            { cls: 'primary', key: 'resume' },
          )
        : null,
      running
        ? flowButton(
            tr('host.flow.add', { n: 30 }),
            c.addTime,
            (at) =>
              void runCommand(ctx.client, 'host:addTime', { seconds: 30 }, tr('host.flow.addLong', { n: 30 }), at),
            { key: 'add30', title: tr('host.flow.addLong', { n: 30 }) },
          )
        : null,
      running
        ? flowButton(
            tr('host.flow.add', { n: 60 }),
            c.addTime,
            (at) =>
              void runCommand(ctx.client, 'host:addTime', { seconds: 60 }, tr('host.flow.addLong', { n: 60 }), at),
            { key: 'add60', title: tr('host.flow.addLong', { n: 60 }) },
          )
        : null,
      running
        ? flowButton(tr('host.flow.endPhase'), c.endPhase, (at) => void endPhase(ctx, at), { key: 'endPhase' })
        : null,
      openReforms && c.reforms
        ? flowButton(
            `${tr('host.flow.reforms', { n: v.phase === 'lobby' ? 1 : v.round + 1 })} ›`,
            true,
            () => openReforms(),
            { cls: 'link-button', key: 'open-reforms' },
          )
        : null,
    ),
  );
}

/** Switching the bots' strategy, after saying which regions it concerns. */
async function fillBots(ctx: ConsoleCtx, strategy: BotStrategy, at: Element | null): Promise<void> {
  const name = tr(`host.bot.${strategy}`);
  const ok = await confirmDialog({
    title: tr('host.lobby.fillTitle', { strategy: name }),
    body: trCount('host.lobby.fillBody', botRegionCount(ctx.view())),
    confirm: tr('host.lobby.fillBots'),
  });
  if (ok) await runCommand(ctx.client, 'host:fillBots', { strategy }, tr('host.lobby.fillBots'), at);
}

const strategyName = (s: string) => {
  const known = BOT_STRATEGIES.find((x) => x === s);
  return known ? tr(`host.bot.${known}`) : s;
};

/** Locking or opening the lobby, after saying who can still join. */
async function setLock(ctx: ConsoleCtx, locked: boolean, at: Element | null): Promise<void> {
  const action = locked ? tr('host.lobby.lock') : tr('host.lobby.unlock');
  const ok = await confirmDialog({
    title: locked ? tr('host.lobby.lockTitle') : tr('host.lobby.unlockTitle'),
    body: locked ? tr('host.lobby.lockBody') : tr('host.lobby.unlockBody'),
    confirm: action,
  });
  if (ok) await runCommand(ctx.client, 'host:lock', { locked }, action, at);
}

/** Switching the bot takeover of absent regions, after saying what a region whose students are away does then. */
async function setTakeover(ctx: ConsoleCtx, enabled: boolean, at: Element | null): Promise<void> {
  const ok = await confirmDialog({
    title: enabled ? tr('host.takeoverOnTitle') : tr('host.takeoverOffTitle'),
    body: enabled
      ? tr('host.takeoverOnBody', { strategy: strategyName(currentStrategy(ctx.view())) })
      : tr('host.takeoverOffBody'),
    confirm: enabled ? tr('host.takeoverOnConfirm') : tr('host.takeoverOffConfirm'),
  });
  if (ok)
    await runCommand(
      ctx.client,
      'host:setTakeover',
      { enabled },
      enabled ? tr('host.takeoverOn') : tr('host.takeoverOff'),
      at,
    );
}

/** Lobby settings that also matter during the game: lock, bot strategy, takeover. */
export function lobbyCard(ctx: ConsoleCtx): HTMLElement {
  const v = ctx.view();
  const c = controlsFor(v);
  const strategies = ['adaptive', 'cooperative', 'competitive', 'opportunist'] as const;
  const selectId = uid('bots');
  const select = h(
    'select',
    { id: selectId, 'data-fkey': 'bot-strategy', 'data-testid': 'bot-strategy' },
    strategies.map((s) => h('option', { value: s, selected: s === currentStrategy(v) }, tr(`host.bot.${s}`))),
  );
  const takeoverId = uid('takeover');
  const takeover = h('input', {
    type: 'checkbox',
    id: takeoverId,
    checked: v.takeover,
    disabled: !c.lobby,
    'data-fkey': 'takeover',
    'data-testid': 'takeover',
    'aria-describedby': `${takeoverId}-hint`,
  });
  takeover.addEventListener('change', () => {
    const on = takeover.checked;
    takeover.checked = !on; // the server's view decides
    void setTakeover(ctx, on, takeover);
  });
  const bots = botRegionCount(v);
  return h(
    'section',
    { class: 'card stack', 'aria-labelledby': 'lobby-heading', 'data-testid': 'lobby-card' },
    h('h2', { id: 'lobby-heading' }, tr('host.lobby.heading')),
    h(
      'div',
      { class: 'row' },
      h(
        'span',
        { class: `badge ${v.locked ? 'warn' : 'good'}`, 'data-testid': 'lock-state' },
        v.locked ? tr('host.lobby.locked') : tr('host.lobby.open'),
      ),
      h(
        'button',
        {
          type: 'button',
          disabled: !c.lobby,
          'data-fkey': 'lock',
          'data-testid': 'lock',
          onclick: (e: Event) => void setLock(ctx, !v.locked, controlOf(e)),
        },
        v.locked ? tr('host.lobby.unlock') : tr('host.lobby.lock'),
      ),
    ),
    h('p', { class: 'hint' }, v.locked ? tr('host.lobby.lockedHint') : tr('host.lobby.openHint')),
    h(
      'div',
      { class: 'field' },
      h('label', { for: selectId }, tr('host.lobby.botStrategy')),
      h(
        'div',
        { class: 'row' },
        select,
        h(
          'button',
          {
            type: 'button',
            disabled: !c.lobby,
            'data-fkey': 'fill-bots',
            'data-testid': 'fill-bots',
            onclick: (e: Event) => {
              const strategy = strategies.find((s) => s === select.value);
              if (strategy) void fillBots(ctx, strategy, controlOf(e));
            },
          },
          tr('host.lobby.fillBots'),
        ),
      ),
      h('span', { class: 'hint' }, tr('host.lobby.botRegions', { n: bots })),
    ),
    h(
      'div',
      { class: 'field check-field' },
      h('label', { for: takeoverId, class: 'check' }, takeover, h('span', {}, tr('host.takeover'))),
      h('span', { class: 'hint', id: `${takeoverId}-hint` }, tr('host.takeoverHint')),
    ),
  );
}

/** Ending the game, behind a confirmation. */
export function endCard(ctx: ConsoleCtx): HTMLElement {
  const v = ctx.view();
  const c = controlsFor(v);
  const end = async (at: Element | null) => {
    const ok = await confirmDialog({
      title: tr('host.end.confirmTitle'),
      body: tr('host.end.confirmBody'),
      confirm: tr('host.end.button'),
      danger: true,
    });
    if (ok) await runCommand(ctx.client, 'host:endGame', {}, tr('host.end.button'), at);
  };
  return h(
    'section',
    { class: 'card stack', 'aria-labelledby': 'end-heading', 'data-testid': 'end-card' },
    h('h2', { id: 'end-heading' }, tr('host.end.heading')),
    h('p', { class: 'hint' }, c.endGame ? tr('host.end.hint') : tr('host.end.done')),
    h(
      'button',
      {
        type: 'button',
        class: 'danger',
        disabled: !c.endGame,
        'data-fkey': 'end-game',
        'data-testid': 'end-game',
        onclick: (e: Event) => void end(controlOf(e)),
      },
      tr('host.end.button'),
    ),
  );
}
