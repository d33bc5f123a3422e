// Briefing on the big screen: the rules in force in plain words; before the first round of a rule change, a
// full-screen "New rules" card instead, each reform switched on or off in one sentence, in both languages.
import { t, type Lang, type MessageKey } from '../../../shared/i18n/index.js';
import { SWITCHABLE_TREATMENTS, type Treatment } from '../../../shared/model/ids.js';
import type { Component } from '../ui/component.js';
import { h } from '../ui/dom.js';
import { lang, tr } from '../ui/i18n.js';
import { timerElement } from '../ui/timer.js';
import { shownWorld, type ProjectorCtx } from './context.js';

/** The treatments of the round on show and of the round before it (null in round 1). */
export function ruleChange(ctx: ProjectorCtx): { now: Treatment[]; before: Treatment[] | null } {
  const world = shownWorld(ctx);
  const now = world?.current?.treatments ?? ctx.view.worldInfo[world?.index ?? 0]?.treatments ?? [];
  const history = ctx.state.history.get(world?.index ?? 0) ?? [];
  const last = history[history.length - 1];
  return { now: [...now], before: last ? [...last.treatments] : null };
}

/** True when this round is the first under different rules than the round before. */
export function isNewRules(ctx: ProjectorCtx): boolean {
  const { now, before } = ruleChange(ctx);
  return before !== null && [...now].sort().join() !== [...before].sort().join();
}

const other = (l: Lang): Lang => (l === 'en' ? 'zh-CN' : 'en');

/** One sentence in the current language with the other language under it. */
function both(key: MessageKey, params?: Record<string, string>): HTMLElement {
  const l = lang();
  return h(
    'div',
    { class: 'both-langs' },
    h('p', { class: 'main-lang', lang: l }, t(l, key, params)),
    h('p', { class: 'other-lang', lang: other(l) }, t(other(l), key, params)),
  );
}

function reformLine(tr_: Treatment, on: boolean): HTMLElement {
  const l = lang();
  const name = (x: Lang) => t(x, `reform.${tr_}`);
  return h(
    'li',
    { class: `rule-change ${on ? 'rule-on' : 'rule-off'}`, 'data-testid': `rule-${tr_}-${on ? 'on' : 'off'}` },
    h('span', { class: 'rule-badge', 'aria-hidden': 'true' }, on ? '✚' : '✖'),
    h(
      'div',
      {},
      h(
        'p',
        { class: 'main-lang', lang: l },
        h('strong', {}, t(l, on ? 'projector.rules.on' : 'projector.rules.off', { name: name(l) })),
        ' ',
        on
          ? t(l, `reform.${tr_}.explain`)
          : t(l, 'projector.rules.offExplain', { explain: t(l, `reform.${tr_}.explain`) }),
      ),
      h(
        'p',
        { class: 'other-lang', lang: other(l) },
        t(other(l), on ? 'projector.rules.on' : 'projector.rules.off', { name: name(other(l)) }),
        ' ',
        on
          ? t(other(l), `reform.${tr_}.explain`)
          : t(other(l), 'projector.rules.offExplain', { explain: t(other(l), `reform.${tr_}.explain`) }),
      ),
    ),
  );
}

/** The title with the timer beside it (a line of the screen's height saved for the rules). */
function stageHead(ctx: ProjectorCtx, title: string): HTMLElement {
  return h('div', { class: 'stage-head' }, h('h1', {}, title), timerElement(ctx.store, true));
}

function newRulesCard(ctx: ProjectorCtx): HTMLElement {
  const { now, before } = ruleChange(ctx);
  const prev = before ?? [];
  const changed = SWITCHABLE_TREATMENTS.filter((x) => now.includes(x) !== prev.includes(x));
  return h(
    'main',
    { class: 'stage stage-rules new-rules', 'data-testid': 'projector-new-rules' },
    stageHead(ctx, tr('projector.rules.newTitle', { n: ctx.view.round })),
    both('projector.rules.newIntro'),
    h(
      'ul',
      { class: 'rule-list' },
      changed.map((x) => reformLine(x, now.includes(x))),
    ),
  );
}

function rulesInForce(ctx: ProjectorCtx): HTMLElement {
  const { now } = ruleChange(ctx);
  const on = SWITCHABLE_TREATMENTS.filter((x) => now.includes(x));
  return h(
    'main',
    { class: 'stage stage-rules', 'data-testid': 'projector-briefing' },
    stageHead(ctx, tr('projector.rules.title', { n: ctx.view.round, rounds: ctx.view.config.rounds })),
    h(
      'ul',
      { class: 'rule-list plain' },
      on.length === 0
        ? (['projector.rules.base1', 'projector.rules.base2', 'projector.rules.base3'] as const).map((k) =>
            h('li', { class: 'rule-plain' }, tr(k)),
          )
        : [
            ...on.map((x) =>
              h('li', { class: 'rule-plain' }, h('strong', {}, `${tr(`reform.${x}`)}: `), tr(`reform.${x}.explain`)),
            ),
            now.includes('C')
              ? h('li', { class: 'rule-plain' }, h('strong', {}, `${tr('reform.C')}: `), tr('reform.C.explain'))
              : null,
          ],
    ),
    h('p', { class: 'stage-hint' }, tr('projector.rules.next')),
  );
}

export function briefingStage(ctx: ProjectorCtx): Component<ProjectorCtx> {
  // Built once per phase and language (the stage is keyed); the timer ticks by itself.
  return { el: isNewRules(ctx) ? newRulesCard(ctx) : rulesInForce(ctx), update: () => undefined };
}
