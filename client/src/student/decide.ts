// The decide panel: invest, protect (barriers), keep or break each joint project; a preview of the expected
// figures with the uncertainty named; the draft is shared live with teammates and submitted to the server.
import type { Decision } from '../../../shared/model/state.js';
import type { Component } from '../ui/component.js';
import { h, mount, uid } from '../ui/dom.js';
import { tr, trCount } from '../ui/i18n.js';
import { regionName } from '../ui/names.js';
import type { StudentCtx } from './context.js';
import { barrierField, investField, projectsField } from './decideFields.js';
import { previewContent } from './decidePreview.js';
import { breachesOf, startingDecision, type Breach } from './decideSafety.js';
import { byNote, lastAct } from './team.js';

/** A decision as comparable text (barrier order and comply key order do not matter). */
function normalise(d: Decision): string {
  return JSON.stringify({
    invest: d.invest,
    barriers: [...d.barriers].sort(),
    comply: Object.fromEntries(Object.entries(d.comply).sort()),
  });
}

/** Asks before a decision that breaks agreements goes out: which ones, then "submit anyway" or "go back". */
function confirmBreaches(ctx: StudentCtx, breaches: Breach[], submit: () => void, back: () => void): HTMLElement {
  const titleId = uid('confirm');
  return h(
    'div',
    { class: 'card confirm stack', role: 'alertdialog', 'aria-labelledby': titleId, 'data-testid': 'breach-confirm' },
    h('h3', { id: titleId }, trCount('student.decide.confirmTitle', breaches.length)),
    h(
      'ul',
      {},
      breaches.map((b) =>
        h(
          'li',
          {},
          tr(b.agreement.type === 'project' ? 'term.project' : 'term.openMarket'),
          ' · ',
          regionName(ctx.map, b.other),
        ),
      ),
    ),
    h('p', { class: 'hint' }, tr('student.decide.confirmHint')),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { type: 'button', class: 'primary', 'data-testid': 'confirm-back', onclick: back },
        tr('student.decide.goBack'),
      ),
      h(
        'button',
        { type: 'button', class: 'danger', 'data-testid': 'confirm-submit', onclick: submit },
        tr('student.decide.submitAnyway'),
      ),
    ),
  );
}

function statusRow(ctx: StudentCtx, draft: Decision): HTMLElement[] {
  const submitted = ctx.world.current?.decisions[ctx.me];
  const same = submitted !== undefined && normalise(submitted) === normalise(draft);
  return [
    submitted === undefined
      ? h('span', { class: 'badge warn' }, tr('student.decide.notSubmitted'))
      : same
        ? h('span', { class: 'badge good', 'data-testid': 'submitted' }, `✓ ${tr('student.decide.submitted')}`)
        : h('span', { class: 'badge warn' }, tr('student.decide.changed')),
    submitted === undefined ? null : byNote(ctx, lastAct(ctx, ['submit'], null)),
    h('span', { class: 'hint' }, tr('student.decide.canChange')),
  ].filter((x) => x !== null);
}

export function decidePanel(ctx0: StudentCtx): Component<StudentCtx> {
  let ctx = ctx0;
  const cur0 = ctx.world.current;
  let draft: Decision = structuredClone(cur0?.decisions[ctx.me] ?? cur0?.drafts[ctx.me] ?? startingDecision(ctx));
  let lastServerDraft = normalise(cur0?.drafts[ctx.me] ?? draft);
  let lastSent = lastServerDraft;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const form = h('form', { class: 'card stack', 'data-testid': 'decide-form' });
  const preview = h('section', { class: 'card preview stack', 'data-testid': 'preview', 'aria-live': 'polite' });
  const status = h('div', { class: 'row', 'data-testid': 'submit-status' });
  const confirmSlot = h('div', {});
  const el = h('div', { class: 'stack' }, form, confirmSlot, preview, status);

  const sendDraft = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      lastSent = normalise(draft);
      void ctx.client.send('decision:draft', { decision: draft }, 'draft');
    }, 400);
  };
  const renderLive = () => {
    const broken = new Set(
      breachesOf(ctx, draft).map((b) =>
        b.agreement.type === 'project' ? `comply-${b.agreement.id}` : `barrier-${b.other}`,
      ),
    );
    form.querySelectorAll<HTMLElement>('[data-breach]').forEach((w) => {
      w.hidden = !broken.has(w.dataset['breach'] ?? '');
    });
    if (broken.size === 0) mount(confirmSlot);
    mount(preview, previewContent(ctx, draft));
    mount(status, statusRow(ctx, draft));
  };
  const set = (change: (d: Decision) => Decision) => {
    draft = change(draft);
    renderLive();
    sendDraft();
  };
  const renderForm = () => {
    mount(
      form,
      h('h2', {}, tr('student.decide.title')),
      investField(ctx, draft, set),
      barrierField(ctx, draft, set),
      projectsField(ctx, draft, set),
      h('button', { type: 'submit', class: 'primary', 'data-testid': 'submit-decision' }, tr('student.decide.submit')),
    );
  };
  const submit = () => {
    mount(confirmSlot);
    if (timer) clearTimeout(timer);
    lastSent = normalise(draft);
    void ctx.client.send('decision:submit', { decision: draft }, 'submit');
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const breaches = breachesOf(ctx, draft);
    if (breaches.length === 0) return submit();
    // Breaking an agreement is a real choice of the game, but never an accident: it is confirmed first.
    const back = () => {
      mount(confirmSlot);
      form.querySelector<HTMLElement>('[data-breach]:not([hidden])')?.scrollIntoView({ block: 'center' });
    };
    mount(confirmSlot, confirmBreaches(ctx, breaches, submit, back));
    confirmSlot.querySelector<HTMLElement>('[data-testid=confirm-back]')?.focus();
  });

  renderForm();
  renderLive();
  return {
    el,
    update(next) {
      ctx = next;
      // A teammate's edit (a server draft we did not send) replaces the form; our own echoes do not.
      const server = ctx.world.current?.drafts[ctx.me];
      const serverJson = server ? normalise(server) : lastServerDraft;
      if (server && serverJson !== lastServerDraft && serverJson !== lastSent && serverJson !== normalise(draft)) {
        draft = structuredClone(server);
        renderForm();
      }
      lastServerDraft = serverJson;
      renderLive();
    },
  };
}
