// The decide panel: invest, protect (barriers), keep or break each joint project; a preview of the expected
// figures with the uncertainty named; the draft is shared live with teammates and submitted to the server.
import { defaultDecision, marketChoiceFor } from '../../../shared/model/decisions.js';
import type { Compliance } from '../../../shared/model/ids.js';
import type { Decision } from '../../../shared/model/state.js';
import { worldRules } from '../../../shared/model/world.js';
import { h, mount, uid } from '../ui/dom.js';
import { num, pct, signed, tr } from '../ui/i18n.js';
import { treatmentsNow, type StudentCtx } from './context.js';
import { decisionPreview } from './forecast.js';
import { hotSector, regionName, sectorName, strengthOf } from '../ui/names.js';

function normalise(d: Decision): string {
  return JSON.stringify({
    invest: d.invest,
    barriers: [...d.barriers].sort(),
    comply: Object.fromEntries(Object.entries(d.comply).sort()),
  });
}

export function decidePanel(ctx0: StudentCtx): { el: HTMLElement; update(ctx: StudentCtx): void } {
  let ctx = ctx0;
  const cur0 = ctx.world.current;
  const rules = () => worldRules(ctx.view.config, ctx.world);
  const fallback = () => {
    const { reason: _r, ...d } = defaultDecision(
      rules(),
      treatmentsNow(ctx),
      ctx.world.state,
      ctx.me,
      cur0?.agreements ?? [],
    );
    return d;
  };
  let draft: Decision = structuredClone(cur0?.decisions[ctx.me] ?? cur0?.drafts[ctx.me] ?? fallback());
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
  const changed = () => {
    renderPreview();
    renderStatus();
    sendDraft();
  };

  const renderForm = () => {
    const cur = ctx.world.current;
    const strength = strengthOf(ctx.map, ctx.me);
    const hot = hotSector(ctx.map);
    const B = treatmentsNow(ctx).includes('B');
    const choice = B ? marketChoiceFor(rules(), treatmentsNow(ctx), ctx.world.state, ctx.me) : null;
    const investName = uid('invest');
    const myProjects = (cur?.agreements ?? []).filter(
      (a) => a.type === 'project' && (a.a === ctx.me || a.b === ctx.me),
    );
    const openPartners = new Set(
      (cur?.agreements ?? [])
        .filter((a) => a.type === 'openMarket' && (a.a === ctx.me || a.b === ctx.me))
        .map((a) => (a.a === ctx.me ? a.b : a.a)),
    );
    mount(
      form,
      h('h2', {}, tr('student.decide.title')),
      h(
        'fieldset',
        {},
        h('legend', {}, tr('student.decide.invest')),
        ctx.map.sectors.map((s) => {
          const input = h('input', { type: 'radio', name: investName, value: s.id, 'data-testid': `invest-${s.id}` });
          input.checked = draft.invest === s.id;
          input.addEventListener('change', () => {
            draft = { ...draft, invest: s.id };
            changed();
          });
          const tags = [
            s.id === strength ? `★ ${tr('term.strength')}` : '',
            s.id === hot ? `▲ ${tr('term.hotSector')}` : '',
            s.id === choice ? `◆ ${tr('student.decide.marketChoice')}` : '',
          ].filter(Boolean);
          return h(
            'label',
            { class: 'choice' },
            input,
            sectorName(ctx.map, s.id),
            tags.length ? h('span', { class: 'hint' }, ` (${tags.join(', ')})`) : null,
          );
        }),
        B ? h('p', { class: 'hint' }, tr('student.decide.overrideCost')) : null,
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, tr('student.decide.protect')),
        h('p', { class: 'hint' }, tr('student.decide.protectHint')),
        ctx.map.regions
          .filter((r) => r.id !== ctx.me)
          .map((r) => {
            const input = h('input', { type: 'checkbox', 'data-testid': `barrier-${r.id}` });
            input.checked = draft.barriers.includes(r.id);
            input.addEventListener('change', () => {
              draft = {
                ...draft,
                barriers: input.checked ? [...draft.barriers, r.id] : draft.barriers.filter((x) => x !== r.id),
              };
              changed();
            });
            return h(
              'label',
              { class: 'choice' },
              input,
              regionName(ctx.map, r.id),
              openPartners.has(r.id)
                ? h('span', { class: 'bad-text' }, ` (${tr('student.decide.breaksPledge')})`)
                : null,
            );
          }),
      ),
      myProjects.length > 0
        ? h(
            'fieldset',
            {},
            h('legend', {}, tr('student.decide.projects')),
            myProjects.map((a) => {
              const name = uid('comply');
              const pick = (c: Compliance) => {
                const input = h('input', { type: 'radio', name, value: c, 'data-testid': `comply-${a.id}-${c}` });
                input.checked = (draft.comply[a.id] ?? 'honour') === c;
                input.addEventListener('change', () => {
                  draft = { ...draft, comply: { ...draft.comply, [a.id]: c } };
                  changed();
                });
                return h('label', { class: 'choice' }, input, tr(c === 'honour' ? 'term.keep' : 'term.break'));
              };
              const other = a.a === ctx.me ? a.b : a.a;
              return h(
                'div',
                { class: 'row' },
                h(
                  'span',
                  {},
                  tr('student.decide.projectWith', {
                    region: regionName(ctx.map, other),
                    host: regionName(ctx.map, a.host ?? ''),
                  }),
                ),
                pick('honour'),
                pick('breach'),
              );
            }),
          )
        : null,
      h('button', { type: 'submit', class: 'primary', 'data-testid': 'submit-decision' }, tr('student.decide.submit')),
    );
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (timer) clearTimeout(timer);
    lastSent = normalise(draft);
    void ctx.client.send('decision:submit', { decision: draft }, 'submit');
  });

  const renderPreview = () => {
    const p = decisionPreview(ctx.view, ctx.world, ctx.me, draft);
    const mine = p?.[ctx.me];
    const t = treatmentsNow(ctx);
    const params = ctx.view.config.params;
    const enf = t.includes('E') ? params.enforcementE : params.enforcement;
    const projects = (ctx.world.current?.agreements ?? []).some(
      (a) => a.type === 'project' && (a.a === ctx.me || a.b === ctx.me),
    );
    const shock = params.project.shock;
    mount(
      preview,
      h('h3', {}, tr('student.preview.title')),
      mine
        ? h(
            'dl',
            { class: 'kv' },
            h('dt', {}, tr('term.output')),
            h('dd', { 'data-testid': 'preview-gdp' }, num(mine.gdp, 2)),
            h('dt', {}, tr('term.growth')),
            h('dd', {}, pct(mine.g)),
            h('dt', {}, tr('term.tax')),
            h('dd', {}, num(mine.tax, 2)),
            h('dt', {}, tr('term.budgetGrowth')),
            h('dd', {}, pct(mine.fiscalGrowth)),
            h('dt', {}, tr('term.score')),
            h('dd', {}, signed(mine.score)),
            h('dt', {}, tr('term.career')),
            h('dd', {}, signed(mine.career)),
          )
        : h('p', { class: 'hint' }, tr('student.effect.unknown')),
      h('p', { class: 'hint' }, tr('student.preview.assumes')),
      projects
        ? h(
            'p',
            { class: 'hint', 'data-testid': 'uncertainty' },
            tr('student.preview.shock', {
              miss: pct(shock.find((s) => s.epsilon < 0)?.p ?? 0, 0),
              meet: pct(shock.find((s) => s.epsilon === 0)?.p ?? 0, 0),
              beat: pct(shock.find((s) => s.epsilon > 0)?.p ?? 0, 0),
              size: pct(params.project.sigma, 0),
            }),
          )
        : null,
      h('p', { class: 'hint' }, tr('student.preview.audit', { p: pct(enf.audit, 0), fine: pct(enf.fineShare, 0) })),
    );
  };

  const renderStatus = () => {
    const submitted = ctx.world.current?.decisions[ctx.me];
    const same = submitted !== undefined && normalise(submitted) === normalise(draft);
    mount(
      status,
      submitted === undefined
        ? h('span', { class: 'badge warn' }, tr('student.decide.notSubmitted'))
        : same
          ? h('span', { class: 'badge good', 'data-testid': 'submitted' }, `✓ ${tr('student.decide.submitted')}`)
          : h('span', { class: 'badge warn' }, tr('student.decide.changed')),
      h('span', { class: 'hint' }, tr('student.decide.canChange')),
    );
  };

  renderForm();
  renderPreview();
  renderStatus();
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
      renderPreview();
      renderStatus();
    },
  };
}
