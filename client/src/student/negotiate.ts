// The negotiate panel: signed agreements, proposals received (with their expected effect on both sides; accept,
// reject, counter), proposals sent (status, withdraw), proposing to a neighbour, and "done negotiating".
import type { Proposal } from '../../../shared/model/negotiation.js';
import { h, mount, uid } from '../ui/dom.js';
import { signed as plus, tr } from '../ui/i18n.js';
import { linkedTo, type StudentCtx } from './context.js';
import { regionName } from '../ui/names.js';
import { proposalEffect } from './forecast.js';
import { describeTerms, effectBlock, proposalForm, type ProposalDraft } from './proposalForm.js';
import { byNote, lastAct } from './team.js';

export interface NegotiatePanel {
  el: HTMLElement;
  update(ctx: StudentCtx): void;
  /** Opens the proposal form for a neighbour (from the map or the list). */
  proposeTo(region: string): void;
}

export function negotiatePanel(ctx0: StudentCtx): NegotiatePanel {
  let ctx = ctx0;
  let form: ReturnType<typeof proposalForm> | null = null;
  /** The offer whose acceptance waits for a confirmation (it leaves the region worse off than not signing). */
  let confirming: string | null = null;
  const signed = h('section', { class: 'card stack', 'data-testid': 'signed' });
  const incoming = h('section', { class: 'card stack', 'data-testid': 'incoming' });
  const outgoing = h('section', { class: 'card stack', 'data-testid': 'outgoing' });
  const propose = h('section', { class: 'card stack', 'data-testid': 'propose' });
  const formSlot = h('div', {});
  const done = h('div', { class: 'row' });
  const el = h('div', { class: 'stack' }, incoming, formSlot, propose, outgoing, signed, done);

  const closeForm = () => {
    form = null;
    formSlot.replaceChildren();
  };
  const openForm = (draft: ProposalDraft) => {
    form = proposalForm(
      ctx,
      draft,
      (d) => {
        const payload = {
          terms: {
            openMarket: d.openMarket,
            project: d.project ? { host: d.host, hostShare: d.hostShare, sidePayment: d.sidePayment } : null,
          },
          message: d.message,
        };
        const sent = d.counterOf
          ? ctx.client.send('proposal:counter', { proposalId: d.counterOf, ...payload }, 'counter')
          : ctx.client.send('proposal:submit', { to: d.to, ...payload }, 'propose');
        void sent.then((ack) => {
          if (ack.ok) closeForm();
        });
      },
      closeForm,
    );
    formSlot.replaceChildren(form.el);
    form.el.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };
  const proposeTo = (region: string) => {
    if (region === ctx.me || !linkedTo(ctx, region).includes(ctx.me)) return;
    const smaller =
      (ctx.world.state.prev[region]?.gdp ?? 0) < (ctx.world.state.prev[ctx.me]?.gdp ?? 0) ? region : ctx.me;
    openForm({
      to: region,
      openMarket: true,
      project: true,
      host: smaller,
      hostShare: 0.5,
      sidePayment: 0,
      message: null,
      counterOf: null,
    });
  };
  const counterTo = (p: Proposal) => {
    const project = p.terms.project;
    openForm({
      to: p.from,
      openMarket: p.terms.openMarket,
      project: project !== null,
      host: project?.host ?? ctx.me,
      hostShare: project?.hostShare ?? 0.5,
      sidePayment: project?.sidePayment ?? 0,
      message: null,
      counterOf: p.id,
    });
  };

  const accept = (p: Proposal) => {
    confirming = null;
    void ctx.client.send('proposal:accept', { proposalId: p.id }, 'accept');
  };
  const tryAccept = (p: Proposal) => {
    const e = proposalEffect(ctx.view, ctx.world, ctx.history, p.from, p.to, p.terms);
    if (!e || e.toCareer >= 0) return accept(p);
    confirming = p.id;
    render();
    incoming.querySelector<HTMLElement>('[data-testid=accept-back]')?.focus();
  };
  /** Asks before an acceptance that leaves the region worse off than not signing. */
  const worseOff = (p: Proposal) => {
    const e = proposalEffect(ctx.view, ctx.world, ctx.history, p.from, p.to, p.terms);
    const titleId = uid('worse');
    return h(
      'div',
      { class: 'card confirm stack', role: 'alertdialog', 'aria-labelledby': titleId, 'data-testid': 'accept-confirm' },
      h('h3', { id: titleId }, tr('student.neg.worseTitle')),
      h('p', {}, tr('student.neg.worseHint', { career: plus(e?.toCareer ?? 0), gdp: plus(e?.toGdp ?? 0, 2) })),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            'data-testid': 'accept-back',
            onclick: () => {
              confirming = null;
              render();
            },
          },
          tr('student.neg.notYet'),
        ),
        h(
          'button',
          { type: 'button', class: 'danger', 'data-testid': 'accept-anyway', onclick: () => accept(p) },
          tr('student.neg.acceptAnyway'),
        ),
      ),
    );
  };

  const render = () => {
    const cur = ctx.world.current;
    const proposals = cur?.proposals ?? [];
    const mine = proposals.filter((p) => p.to === ctx.me && p.status === 'pending');
    mount(
      incoming,
      h('h2', {}, tr('student.neg.incoming')),
      mine.length === 0 ? h('p', { class: 'hint' }, tr('student.neg.noIncoming')) : null,
      mine.map((p) =>
        h(
          'article',
          { class: 'proposal', 'data-testid': 'incoming-proposal', 'data-id': p.id, 'data-from': p.from },
          h('div', {}, h('strong', {}, regionName(ctx.map, p.from)), ' → ', tr('common.you')),
          h('div', { class: 'terms' }, describeTerms(ctx, p.terms)),
          p.message ? h('div', { class: 'hint' }, `“${tr(`student.message.${p.message}`)}”`) : null,
          effectBlock(ctx, p.from, p.to, p.terms),
          h(
            'div',
            { class: 'row' },
            h(
              'button',
              {
                class: 'good',
                type: 'button',
                'data-testid': 'accept',
                onclick: () => tryAccept(p),
              },
              tr('student.neg.accept'),
            ),
            h(
              'button',
              {
                type: 'button',
                'data-testid': 'reject',
                onclick: () => void ctx.client.send('proposal:reject', { proposalId: p.id }, 'reject'),
              },
              tr('student.neg.reject'),
            ),
            h(
              'button',
              { type: 'button', 'data-testid': 'counter', onclick: () => counterTo(p) },
              tr('student.neg.counter'),
            ),
          ),
          confirming === p.id ? worseOff(p) : null,
        ),
      ),
    );
    const sent = proposals
      .filter((p) => p.from === ctx.me)
      .slice(-6)
      .reverse();
    mount(
      outgoing,
      h('h2', {}, tr('student.neg.sent')),
      sent.length === 0 ? h('p', { class: 'hint' }, tr('student.neg.noneSent')) : null,
      sent.map((p) =>
        h(
          'article',
          { class: 'proposal', 'data-testid': 'sent-proposal', 'data-status': p.status },
          h(
            'div',
            {},
            tr('common.you'),
            ' → ',
            h('strong', {}, regionName(ctx.map, p.to)),
            ' ',
            h(
              'span',
              { class: `badge ${p.status === 'signed' ? 'good' : p.status === 'rejected' ? 'bad' : ''}` },
              tr(`student.status.${p.status}`),
            ),
          ),
          h('div', { class: 'terms' }, describeTerms(ctx, p.terms)),
          byNote(ctx, lastAct(ctx, ['withdraw'], p.id) ?? lastAct(ctx, ['propose', 'counter'], p.id)),
          p.status === 'pending'
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'small',
                  onclick: () => void ctx.client.send('proposal:withdraw', { proposalId: p.id }, 'withdraw'),
                },
                tr('student.neg.withdraw'),
              )
            : null,
        ),
      ),
    );
    const neighbours = linkedTo(ctx, ctx.me);
    mount(
      propose,
      h('h2', {}, tr('student.neg.proposeTo')),
      h('p', { class: 'hint' }, tr('student.neg.proposeHint')),
      h(
        'div',
        { class: 'row' },
        neighbours.map((n) =>
          h(
            'button',
            {
              type: 'button',
              'data-testid': `propose-${n}`,
              disabled: (cur?.agreements ?? []).some(
                (a) => (a.a === n && a.b === ctx.me) || (a.b === n && a.a === ctx.me),
              ),
            },
            tr('student.neg.proposeBtn', { region: regionName(ctx.map, n) }),
          ),
        ),
      ),
    );
    propose
      .querySelectorAll('button')
      .forEach((b, k) => b.addEventListener('click', () => proposeTo(neighbours[k] ?? '')));
    const agreements = (cur?.agreements ?? []).filter((a) => a.a === ctx.me || a.b === ctx.me);
    mount(
      signed,
      h('h2', {}, tr('student.neg.signed')),
      agreements.length === 0
        ? h('p', { class: 'hint' }, tr('student.neg.noneSigned'))
        : h(
            'ul',
            {},
            agreements.map((a) => {
              const other = a.a === ctx.me ? a.b : a.a;
              const deal = proposals.find((p) => p.status === 'signed' && (p.from === other || p.to === other));
              const act = deal && lastAct(ctx, deal.to === ctx.me ? ['accept'] : ['propose', 'counter'], deal.id);
              return h(
                'li',
                { 'data-testid': 'agreement' },
                `${regionName(ctx.map, other)}: ${tr(a.type === 'project' ? 'term.project' : 'term.openMarket')} `,
                byNote(ctx, act),
              );
            }),
          ),
    );
    const isDone = cur?.done[ctx.me] === true;
    mount(
      done,
      h(
        'button',
        {
          type: 'button',
          class: isDone ? '' : 'primary',
          'data-testid': 'done',
          'aria-pressed': isDone ? 'true' : 'false',
          onclick: () => void ctx.client.send('negotiation:done', { done: !isDone }, 'done'),
        },
        isDone ? tr('student.neg.notDone') : tr('student.neg.done'),
      ),
      isDone ? h('span', { class: 'badge good' }, tr('student.neg.waiting')) : null,
    );
  };
  render();
  return {
    el,
    update(next) {
      ctx = next;
      render();
      form?.update(next);
    },
    proposeTo,
  };
}
