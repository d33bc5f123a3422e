// The proposal form: clauses and terms for a neighbour, the expected effect on both sides (engine preview), the
// suggested fair share under D3, and a preset message. Used for new proposals and for counters.
import { z } from 'zod';
import { flagsOf } from '../../../shared/model/ids.js';
import { PRESET_MESSAGES, tprevOf, type PresetMessage, type ProposalTerms } from '../../../shared/model/negotiation.js';
import { worldRules } from '../../../shared/model/world.js';
import { h, uid } from '../ui/dom.js';
import { num, pct, signed, tr } from '../ui/i18n.js';
import { treatmentsNow, type StudentCtx } from './context.js';
import { proposalEffect, suggestedShare } from './forecast.js';
import { regionName } from '../ui/names.js';

/** A side payment above this share of the payer's last tax revenue is flagged as large. */
const LARGE_PAYMENT = 0.25;

export interface ProposalDraft {
  to: string;
  openMarket: boolean;
  project: boolean;
  host: string;
  hostShare: number;
  sidePayment: number;
  message: PresetMessage | null;
  counterOf: string | null;
}

export function termsOf(d: ProposalDraft): ProposalTerms {
  return {
    openMarket: d.openMarket,
    project: d.project ? { host: d.host, hostShare: d.hostShare, sidePayment: d.sidePayment } : null,
  };
}

export function describeTerms(ctx: StudentCtx, t: ProposalTerms): string {
  const parts: string[] = [];
  if (t.openMarket) parts.push(tr('term.openMarket'));
  if (t.project) {
    parts.push(tr('student.terms.project', { host: regionName(ctx.map, t.project.host) }));
    if (flagsOf(treatmentsNow(ctx)).D3)
      parts.push(tr('student.terms.share', { share: Math.round(t.project.hostShare * 100) }));
    if (t.project.sidePayment > 0) parts.push(tr('student.terms.payment', { amount: num(t.project.sidePayment, 2) }));
  }
  return parts.join(' + ');
}

/** Effect lines for both sides, as "you / them: career points, output". */
export function effectBlock(ctx: StudentCtx, from: string, to: string, terms: ProposalTerms): HTMLElement {
  const e = proposalEffect(ctx.view, ctx.world, ctx.history, from, to, terms);
  if (!e) return h('p', { class: 'hint' }, tr('student.effect.unknown'));
  const side = (id: string, career: number, gdp: number) => [
    h('span', {}, id === ctx.me ? tr('common.you') : regionName(ctx.map, id)),
    h(
      'span',
      { class: career >= 0 ? 'good-text' : 'bad-text' },
      tr('student.effect.line', { career: signed(career), gdp: signed(gdp, 2) }),
    ),
  ];
  return h(
    'div',
    { class: 'effects', 'data-testid': 'effect' },
    h('span', { style: 'grid-column: 1 / -1', class: 'hint' }, tr('student.effect.title')),
    side(from, e.fromCareer, e.fromGdp),
    side(to, e.toCareer, e.toGdp),
  );
}

export function proposalForm(
  ctx0: StudentCtx,
  draft: ProposalDraft,
  send: (d: ProposalDraft) => void,
  cancel: () => void,
): { el: HTMLElement; update(ctx: StudentCtx): void } {
  let ctx = ctx0;
  const d = { ...draft };
  const effect = h('div', {});
  const capText = h('span', { class: 'hint' });
  const shareHint = h('span', { class: 'hint' });
  const ids = {
    om: uid('om'),
    pr: uid('pr'),
    host: uid('host'),
    share: uid('share'),
    pay: uid('pay'),
    msg: uid('msg'),
  };
  const om = h('input', { type: 'checkbox', id: ids.om, 'data-testid': 'p-open' });
  const pr = h('input', { type: 'checkbox', id: ids.pr, 'data-testid': 'p-project' });
  const host = h('select', { id: ids.host, 'data-testid': 'p-host' });
  // Any whole percent: a slider for quick moves and a number field for the exact value (e.g. a suggested 59 %).
  const share = h('input', {
    type: 'range',
    min: 0,
    max: 1,
    step: 0.01,
    'data-testid': 'p-share',
    'aria-label': tr('term.hostShare'),
  });
  const sharePct = h('input', {
    type: 'number',
    id: ids.share,
    min: 0,
    max: 100,
    step: 1,
    inputmode: 'numeric',
    class: 'pct-input',
    'data-testid': 'p-share-pct',
  });
  const useSuggested = h('button', { type: 'button', class: 'small', 'data-testid': 'p-use-suggested' });
  let suggestion: number | null = null;
  const payEffect = h('p', { class: 'hint', 'data-testid': 'p-payment-effect', 'aria-live': 'polite' });
  const pay = h('input', {
    type: 'number',
    id: ids.pay,
    min: 0,
    step: 0.01,
    inputmode: 'decimal',
    'data-testid': 'p-payment',
  });
  const msg = h(
    'select',
    { id: ids.msg, 'data-testid': 'p-message' },
    h('option', { value: '' }, tr('student.message.none')),
    PRESET_MESSAGES.map((m) => h('option', { value: m }, tr(`student.message.${m}`))),
  );
  const projectFields = h('div', { class: 'stack' });
  const setShare = (value: number) => {
    d.hostShare = Math.min(100, Math.max(0, Math.round(value))) / 100;
    share.value = String(d.hostShare);
    sharePct.value = String(Math.round(d.hostShare * 100));
  };
  const read = () => {
    d.openMarket = om.checked;
    d.project = pr.checked;
    d.host = host.value;
    d.sidePayment = Math.max(0, Number(pay.value) || 0);
    const message = z.enum(PRESET_MESSAGES).safeParse(msg.value);
    d.message = message.success ? message.data : null;
    refresh();
  };
  for (const el of [om, pr, host, msg]) el.addEventListener('change', read);
  // The effect on both sides follows every keystroke and slider move, not only a finished change.
  pay.addEventListener('input', read);
  share.addEventListener('input', () => {
    setShare(Number(share.value) * 100);
    sharePct.value = String(Math.round(d.hostShare * 100));
    read();
  });
  sharePct.addEventListener('input', () => {
    if (sharePct.value === '') return;
    setShare(Number(sharePct.value));
    read();
  });
  sharePct.addEventListener('change', () => {
    sharePct.value = String(Math.round(d.hostShare * 100));
  });
  useSuggested.addEventListener('click', () => {
    if (suggestion === null) return;
    setShare(suggestion * 100);
    sharePct.value = String(Math.round(d.hostShare * 100));
    read();
  });
  const refresh = () => {
    const d3 = flagsOf(treatmentsNow(ctx)).D3;
    projectFields.hidden = !d.project;
    const cap = tprevOf(
      { rules: worldRules(ctx.view.config, ctx.world), treatments: treatmentsNow(ctx), state: ctx.world.state },
      d.host,
    );
    pay.max = String(Math.floor(cap * 100) / 100);
    capText.textContent = tr('student.form.cap', { cap: num(cap, 2) });
    suggestion = d3 && d.project ? suggestedShare(ctx.view, ctx.world, ctx.history, ctx.me, d.to, termsOf(d)) : null;
    shareHint.textContent = `${tr('student.form.shareNow', { share: Math.round(d.hostShare * 100) })} ${d3 ? (suggestion !== null ? tr('student.form.suggested', { share: Math.round(suggestion * 100) }) : '') : tr('student.form.shareNoEffect')}`;
    useSuggested.hidden = suggestion === null;
    useSuggested.textContent =
      suggestion === null ? '' : tr('student.form.useSuggested', { share: Math.round(suggestion * 100) });
    renderPayment(cap);
    effect.replaceChildren(
      d.openMarket || d.project
        ? effectBlock(ctx, ctx.me, d.to, termsOf(d))
        : h('p', { class: 'hint' }, tr('student.form.pickClause')),
    );
  };
  /** Who pays whom and how much of the payer's budget that is: a large payment is flagged before it is sent. */
  const renderPayment = (cap: number) => {
    const partner = d.host === ctx.me ? d.to : ctx.me;
    const large = cap > 0 && d.sidePayment > LARGE_PAYMENT * cap;
    payEffect.className = large ? 'bad-text' : 'hint';
    payEffect.textContent =
      d.project && d.sidePayment > 0
        ? `${large ? '⚠ ' : ''}${tr('student.form.paymentEffect', {
            payer: nameOf(d.host),
            payee: nameOf(partner),
            amount: num(d.sidePayment, 2),
            share: pct(cap > 0 ? d.sidePayment / cap : 0, 0),
          })}`
        : '';
  };
  const nameOf = (id: string) => (id === ctx.me ? tr('common.you') : regionName(ctx.map, id));
  om.checked = d.openMarket;
  pr.checked = d.project;
  share.value = String(d.hostShare);
  sharePct.value = String(Math.round(d.hostShare * 100));
  pay.value = String(d.sidePayment);
  msg.value = d.message ?? '';
  for (const id of [ctx.me, d.to])
    host.append(
      h(
        'option',
        { value: id },
        id === ctx.me ? `${regionName(ctx.map, id)} (${tr('common.you')})` : regionName(ctx.map, id),
      ),
    );
  host.value = d.host;
  projectFields.append(
    h('div', { class: 'field' }, h('label', { for: ids.host }, tr('term.host')), host),
    h(
      'div',
      { class: 'field' },
      h('label', { for: ids.share }, `${tr('term.hostShare')} (%)`),
      h('div', { class: 'row' }, sharePct, share),
      shareHint,
      useSuggested,
    ),
    h('div', { class: 'field' }, h('label', { for: ids.pay }, tr('term.sidePayment')), pay, capText, payEffect),
  );
  const form = h(
    'form',
    { class: 'card stack', 'data-testid': 'proposal-form', 'aria-labelledby': `${ids.om}-title` },
    h(
      'h3',
      { id: `${ids.om}-title` },
      d.counterOf
        ? tr('student.form.counterTitle', { region: regionName(ctx.map, d.to) })
        : tr('student.form.title', { region: regionName(ctx.map, d.to) }),
    ),
    h('label', { for: ids.om }, om, tr('term.openMarket')),
    h('p', { class: 'hint' }, tr('student.form.openHint')),
    h('label', { for: ids.pr }, pr, tr('term.project')),
    h('p', { class: 'hint' }, tr('student.form.projectHint')),
    projectFields,
    h('div', { class: 'field' }, h('label', { for: ids.msg }, tr('student.form.message')), msg),
    effect,
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { type: 'submit', class: 'primary', 'data-testid': 'p-send' },
        d.counterOf ? tr('student.form.sendCounter') : tr('student.form.send'),
      ),
      h('button', { type: 'button', onclick: cancel }, tr('common.cancel')),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    read();
    if (!d.openMarket && !d.project) return;
    send({ ...d });
  });
  refresh();
  return {
    el: form,
    update(next) {
      ctx = next;
      refresh();
    },
  };
}
