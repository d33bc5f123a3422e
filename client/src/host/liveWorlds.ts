// The console's live view of the worlds: an overview table of every world (progress in the phase, offers pending,
// agreements signed, broken last round, students away), sortable with the worlds needing attention first, and one
// world opened in detail (its map and the terms of its offers and agreements). A class of a few worlds opens the
// first one at once; a lecture hall (75 worlds) opens a world from the table or the picker. The table scrolls inside
// its own box, so the card keeps one height however many worlds there are.
import type { Component } from '../ui/component.js';
import { h, mount, uid } from '../ui/dom.js';
import { tr, trCount } from '../ui/i18n.js';
import { worldLabel } from '../ui/labels.js';
import type { ConsoleCtx } from './controlsPanel.js';
import { needsAttention, sortRows, worldRows, type WorldOrder, type WorldRow } from './worldOverview.js';
import { worldDetail } from './worldDetail.js';

/** Up to this many worlds, the first one is open from the start. */
const OPEN_FIRST_UP_TO = 4;

function progressCell(row: WorldRow): HTMLElement {
  const p = row.progress;
  return h(
    'td',
    { 'data-testid': `progress-${row.world}`, 'data-label': tr('host.live.progress') },
    p && p.of > 0
      ? [
          h('progress', { max: Math.max(1, p.of), value: p.count, 'aria-hidden': 'true' }),
          ' ',
          tr(p.kind === 'decided' ? 'host.worlds.decided' : 'host.worlds.negotiated', { x: p.count, y: p.of }),
        ]
      : '–',
  );
}

function rowEl(row: WorldRow, open: (world: number) => void, opened: number | null): HTMLElement {
  const n = (v: number, warn = false) => h('span', { class: warn && v > 0 ? 'badge warn' : '' }, String(v));
  return h(
    'tr',
    {
      'data-testid': `world-${row.world}`,
      class: [needsAttention(row) ? 'attention' : '', opened === row.world ? 'opened' : ''].join(' ').trim(),
    },
    h(
      'th',
      { scope: 'row' },
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          'data-testid': `open-world-${row.world}`,
          'aria-pressed': String(opened === row.world),
          onclick: () => open(row.world),
        },
        worldLabel(row.world),
      ),
      h('span', { class: 'hint world-group' }, row.group),
    ),
    progressCell(row),
    h('td', { 'data-label': tr('host.live.pending') }, n(row.pending)),
    h('td', { 'data-label': tr('host.live.signed') }, n(row.signed)),
    h('td', { 'data-label': tr('host.live.broken') }, n(row.broken, true)),
    h('td', { 'data-label': tr('host.live.away') }, n(row.away, true)),
  );
}

export function liveWorldsPanel(ctx: ConsoleCtx): Component<ConsoleCtx> {
  let order: WorldOrder = 'attention';
  let opened: number | null = ctx.view().worldCount <= OPEN_FIRST_UP_TO ? 0 : null;
  let lastSig = '';
  const heading = h('h2', { id: uid('live') });
  const sortId = uid('order');
  const sort = h('select', { id: sortId, 'data-testid': 'world-order' });
  const sortLabel = h('label', { for: sortId });
  const pickId = uid('pick');
  const pick = h('select', { id: pickId, 'data-testid': 'world-pick' });
  const pickLabel = h('label', { for: pickId });
  const attention = h('span', { class: 'hint', 'data-testid': 'worlds-attention' });
  const table = h('div', {
    class: 'table-wrap world-scroll',
    tabindex: '0',
    role: 'region',
    'aria-labelledby': heading.id,
    'data-testid': 'world-scroll',
  });
  const detail = worldDetail(() => {
    opened = null;
    repaint();
  });
  const el = h(
    'section',
    { class: 'card stack live-worlds', 'aria-labelledby': heading.id, 'data-testid': 'worlds-card' },
    h(
      'div',
      { class: 'row live-tools' },
      heading,
      attention,
      h('span', { class: 'spacer' }),
      h('span', { class: 'live-tool' }, pickLabel, pick),
      h('span', { class: 'live-tool' }, sortLabel, sort),
    ),
    detail.el,
    table,
  );
  sort.addEventListener('change', () => {
    order = sort.value === 'number' ? 'number' : 'attention';
    repaint();
  });
  const open = (world: number) => {
    opened = world;
    repaint();
    detail.el.querySelector<HTMLElement>('h3')?.focus();
  };
  pick.addEventListener('change', () => {
    if (pick.value !== '') open(Number(pick.value));
  });

  /** One option per world in number order; those needing attention marked (the table says why). */
  function paintPicker(rows: WorldRow[]): void {
    mount(
      pick,
      h('option', { value: '', selected: opened === null }, tr('host.live.pickNone')),
      sortRows(rows, 'number').map((r) =>
        h(
          'option',
          { value: String(r.world), selected: opened === r.world },
          needsAttention(r) ? `${worldLabel(r.world)} ⚠` : worldLabel(r.world),
        ),
      ),
    );
  }

  function paintTable(rows: WorldRow[]): void {
    mount(
      table,
      h(
        'table',
        { class: 'world-table', 'data-testid': 'world-overview' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, tr('term.world')),
            h('th', { scope: 'col' }, tr('host.live.progress')),
            h('th', { scope: 'col' }, tr('host.live.pending')),
            h('th', { scope: 'col' }, tr('host.live.signed')),
            h('th', { scope: 'col' }, tr('host.live.broken')),
            h('th', { scope: 'col' }, tr('host.live.away')),
          ),
        ),
        h(
          'tbody',
          {},
          sortRows(rows, order).map((r) => rowEl(r, open, opened)),
        ),
      ),
    );
  }

  function repaint(): void {
    lastSig = '';
    update(ctx);
  }

  function update(c: ConsoleCtx): void {
    const view = c.view();
    const history = c.client.store.get().history;
    const rows = worldRows(view, (w) => history.get(w) ?? []);
    heading.textContent = tr('host.worlds.heading', { n: view.worldCount });
    sortLabel.textContent = tr('host.live.order');
    pickLabel.textContent = tr('host.live.pick');
    const sig = JSON.stringify([tr('app.title'), order, opened, rows]);
    if (sig !== lastSig) {
      lastSig = sig;
      mount(
        sort,
        (['attention', 'number'] as const).map((o) =>
          h('option', { value: o, selected: o === order }, tr(`host.live.order.${o}`)),
        ),
      );
      paintTable(rows);
      paintPicker(rows);
      const n = rows.filter(needsAttention).length;
      attention.textContent = n === 0 ? tr('host.live.attentionNone') : trCount('host.live.attention', n);
    }
    detail.el.hidden = opened === null;
    if (opened !== null) detail.show(c, opened);
  }

  return { el, update, destroy: () => detail.destroy() };
}
