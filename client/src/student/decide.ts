// The decide panel: invest, protect (barriers), keep or break each joint project; a preview of the expected
// figures with the uncertainty named; the draft is shared live with teammates and submitted to the server.
import { defaultDecision } from '../../../shared/model/decisions.js';
import type { Decision } from '../../../shared/model/state.js';
import { worldRules } from '../../../shared/model/world.js';
import type { Component } from '../ui/component.js';
import { h, mount } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { treatmentsNow, type StudentCtx } from './context.js';
import { barrierField, investField, projectsField } from './decideFields.js';
import { previewContent } from './decidePreview.js';

/** A decision as comparable text (barrier order and comply key order do not matter). */
function normalise(d: Decision): string {
  return JSON.stringify({
    invest: d.invest,
    barriers: [...d.barriers].sort(),
    comply: Object.fromEntries(Object.entries(d.comply).sort()),
  });
}

/** The form's starting point when neither this seat nor a teammate has drafted anything yet. */
function startingDecision(ctx: StudentCtx): Decision {
  const cur = ctx.world.current;
  const rules = worldRules(ctx.view.config, ctx.world);
  const { reason: _r, ...d } = defaultDecision(
    rules,
    treatmentsNow(ctx),
    ctx.world.state,
    ctx.me,
    cur?.agreements ?? [],
  );
  return d;
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
    h('span', { class: 'hint' }, tr('student.decide.canChange')),
  ];
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
  const el = h('div', { class: 'stack' }, form, preview, status);

  const sendDraft = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      lastSent = normalise(draft);
      void ctx.client.send('decision:draft', { decision: draft }, 'draft');
    }, 400);
  };
  const renderLive = () => {
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
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (timer) clearTimeout(timer);
    lastSent = normalise(draft);
    void ctx.client.send('decision:submit', { decision: draft }, 'submit');
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
