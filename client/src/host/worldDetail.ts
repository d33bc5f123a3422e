// One world in detail for the instructor: the map (offers pending, agreements signed, the last results) and beside
// it what only the host may see: every offer and agreement with its terms, and per region who plays it, whether it
// has finished the phase, and who is away.
import type { Agreement } from '../../../shared/model/state.js';
import type { ProposalTerms } from '../../../shared/model/negotiation.js';
import type { LiveWorldView, SessionView } from '../../../shared/model/session/view.js';
import { buildBoardModel } from '../board/model.js';
import { mountBoard } from '../board/mount.js';
import { h, mount } from '../ui/dom.js';
import { num, tr, trCount } from '../ui/i18n.js';
import { worldLabel } from '../ui/labels.js';
import type { ConsoleCtx } from './controlsPanel.js';
import { regionLabel } from './worldsPanel.js';

function termsText(view: SessionView, world: number, t: ProposalTerms): string {
  const parts: string[] = [];
  if (t.openMarket) parts.push(tr('term.openMarket'));
  if (t.project) {
    parts.push(tr('student.terms.project', { host: regionLabel(view, world, t.project.host) }));
    parts.push(tr('student.terms.share', { share: Math.round(t.project.hostShare * 100) }));
    if (t.project.sidePayment > 0) parts.push(tr('student.terms.payment', { amount: num(t.project.sidePayment, 2) }));
  }
  return parts.join(' + ');
}

function agreementText(view: SessionView, world: number, ag: Agreement): string {
  return ag.type === 'openMarket'
    ? termsText(view, world, { openMarket: true, project: null })
    : termsText(view, world, {
        openMarket: false,
        project: { host: ag.host ?? ag.a, hostShare: ag.hostShare ?? 0.5, sidePayment: ag.sidePayment },
      });
}

function offers(view: SessionView, w: LiveWorldView): HTMLElement {
  const pending = (w.current?.proposals ?? []).filter((p) => p.status === 'pending');
  const name = (id: string) => regionLabel(view, w.index, id);
  return h(
    'section',
    { class: 'stack small-gap', 'data-testid': 'detail-offers' },
    h('h4', {}, trCount('host.live.offers', pending.length)),
    pending.length === 0
      ? null
      : h(
          'ul',
          { class: 'deal-lines' },
          pending.map((p) =>
            h('li', {}, h('b', {}, `${name(p.from)} → ${name(p.to)}`), ': ', termsText(view, w.index, p.terms)),
          ),
        ),
  );
}

function agreements(view: SessionView, w: LiveWorldView): HTMLElement {
  const list = w.current?.agreements ?? [];
  const name = (id: string) => regionLabel(view, w.index, id);
  return h(
    'section',
    { class: 'stack small-gap', 'data-testid': 'detail-agreements' },
    h('h4', {}, trCount('host.live.agreements', list.length)),
    list.length === 0
      ? null
      : h(
          'ul',
          { class: 'deal-lines' },
          list.map((ag) =>
            h('li', {}, h('b', {}, `${name(ag.a)} – ${name(ag.b)}`), ': ', agreementText(view, w.index, ag)),
          ),
        ),
  );
}

function regions(view: SessionView, w: LiveWorldView): HTMLElement {
  const deciding = view.phase === 'decide';
  const counting = deciding || view.phase === 'negotiate';
  return h(
    'section',
    { class: 'stack small-gap', 'data-testid': 'detail-regions' },
    h('h4', {}, tr('term.region')),
    h(
      'ul',
      { class: 'region-rows' },
      view.regions
        .filter((r) => r.world === w.index)
        .map((r) => {
          const seats = view.seats.filter((s) => s.world === w.index && s.region === r.region && !s.kicked);
          const away = seats.filter((s) => !s.connected);
          const ready = deciding ? r.submitted : r.done;
          return h(
            'li',
            { class: 'region-row', 'data-region': r.region },
            h('span', { class: 'region-name' }, regionLabel(view, w.index, r.region)),
            r.humans === 0
              ? h('span', { class: 'badge' }, tr('common.bot'))
              : h('span', {}, seats.map((s) => s.name).join(', ')),
            counting && r.humans > 0
              ? h(
                  'span',
                  { class: `badge ${ready ? 'good' : ''}` },
                  ready
                    ? `✓ ${tr(deciding ? 'host.worlds.submitted' : 'host.worlds.done')}`
                    : `… ${tr('host.worlds.waiting')}`,
                )
              : null,
            away.length > 0
              ? h(
                  'span',
                  { class: 'badge warn', 'data-testid': 'detail-away' },
                  `⚠ ${tr('host.live.awayNames', { names: away.map((s) => s.name).join(', ') })}`,
                )
              : null,
          );
        }),
    ),
  );
}

export interface WorldDetail {
  readonly el: HTMLElement;
  show(ctx: ConsoleCtx, world: number): void;
  destroy(): void;
}

/** The detail of one world; `show` repaints it (the board keeps its canvas between updates). */
export function worldDetail(close: () => void): WorldDetail {
  const board = mountBoard({ onRegion: () => undefined }, { forStudent: false });
  board.el.className = 'board-wrap host-board';
  board.el.dataset['testid'] = 'detail-board';
  const heading = h('h3', { tabindex: '-1' });
  const closeBtn = h('button', { type: 'button', class: 'small', 'data-testid': 'world-close', onclick: close });
  const lists = h('div', { class: 'detail-lists stack' });
  const el = h(
    'section',
    { class: 'world-detail stack', 'data-testid': 'world-detail' },
    h('div', { class: 'row detail-head' }, heading, h('span', { class: 'spacer' }), closeBtn),
    h('div', { class: 'detail-body' }, h('div', { class: 'detail-map' }, board.el), lists),
  );
  let lastSig = '';
  return {
    el,
    show(ctx, world) {
      const view = ctx.view();
      const w = view.worlds.find((x) => x.index === world);
      const info = view.worldInfo[world];
      el.dataset['world'] = String(world);
      heading.textContent = `${worldLabel(world)}${info ? ` · ${info.armName}` : ''}`;
      closeBtn.textContent = tr('host.live.close');
      if (!w) {
        mount(lists, h('p', { class: 'hint' }, tr('host.live.notStarted')));
        return;
      }
      const history = ctx.client.store.get().history.get(world) ?? [];
      const sig = JSON.stringify([
        tr('app.title'),
        view.phase,
        w.current,
        w.regions,
        view.regions,
        view.seats,
        history.length,
      ]);
      if (sig === lastSig) return;
      lastSig = sig;
      mount(lists, regions(view, w), offers(view, w), agreements(view, w));
      board.update(buildBoardModel(view, w, history, (id) => regionLabel(view, world, id), null));
    },
    destroy: () => board.destroy(),
  };
}
