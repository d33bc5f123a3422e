// The seats table, filling live: name, world, region, connected or away since when; rename and move a seat (one
// dialog that says what saving will do as it is edited), or remove it after a confirmation (the student's screen says so and the seat stays removed).
import type { SeatView, SessionView } from '../../../shared/model/session/view.js';
import { h, mount, uid } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { controlOf, runCommand } from './commands.js';
import { controlsFor, moveTargets, sortedSeats } from './consoleModel.js';
import type { ConsoleCtx } from './controlsPanel.js';
import { confirmDialog, dialogHead, feedbackHost } from './widgets.js';
import { worldLabel } from '../ui/labels.js';
import { awayText, regionLabel } from './worldsPanel.js';

function presence(seat: SeatView, now: number): HTMLElement {
  if (seat.kicked) return h('span', { class: 'badge bad' }, '✗ ', tr('host.seats.removed'));
  return seat.connected
    ? h('span', { class: 'badge good', 'data-testid': 'seat-online' }, '● ', tr('host.seats.online'))
    : h('span', { class: 'badge warn', 'data-testid': 'seat-away' }, '○ ', awayText(seat.awaySince, now));
}

/** The rename-and-move dialog. */
function editSeat(ctx: ConsoleCtx, seat: SeatView, at: Element | null): void {
  const host = at ? feedbackHost(at) : null;
  const v = ctx.view();
  const targets = moveTargets(v);
  const titleId = uid('seat');
  const nameId = uid('name');
  const worldId = uid('world');
  const regionId = uid('region');
  const name = h('input', {
    id: nameId,
    type: 'text',
    maxlength: 24,
    value: seat.name,
    autocomplete: 'off',
    'data-testid': 'seat-name',
  });
  const world = h(
    'select',
    { id: worldId, 'data-testid': 'seat-world' },
    targets.map((t) => h('option', { value: t.world, selected: t.world === seat.world }, worldLabel(t.world))),
  );
  const region = h('select', { id: regionId, 'data-testid': 'seat-region' });
  const fillRegions = () => {
    const w = Number(world.value);
    const list = targets.find((t) => t.world === w)?.regions ?? [];
    const keep = region.value || seat.region;
    mount(
      region,
      list.map((r) => h('option', { value: r, selected: r === keep }, regionLabel(v, w, r))),
    );
  };
  const will = h('div', { class: 'seat-will', role: 'status', 'data-testid': 'seat-will' });
  const place = (w: number, r: string) =>
    tr('host.seats.place', { region: regionLabel(v, w, r), world: worldLabel(w) });
  /** Says what saving will do, as the instructor edits (nothing is sent before Save). */
  const explain = () => {
    const newName = name.value.trim();
    const w = Number(world.value);
    const lines: string[] = [];
    if (newName !== '' && newName !== seat.name)
      lines.push(tr('host.seats.willRename', { name: seat.name, to: newName }));
    if (w !== seat.world || region.value !== seat.region) {
      lines.push(
        tr('host.seats.willMove', {
          name: newName || seat.name,
          from: place(seat.world, seat.region),
          to: place(w, region.value),
        }),
      );
      const others = v.seats.some(
        (s) => s.id !== seat.id && !s.kicked && s.world === seat.world && s.region === seat.region,
      );
      const left = regionLabel(v, seat.world, seat.region);
      lines.push(tr(others ? 'host.seats.removeThenOthers' : 'host.seats.removeThenBot', { region: left }));
    }
    mount(
      will,
      h('b', {}, tr('host.seats.willTitle')),
      ...(lines.length === 0 ? [tr('host.seats.willNothing')] : lines).map((l) => h('p', {}, l)),
    );
  };
  world.addEventListener('change', () => {
    fillRegions();
    explain();
  });
  region.addEventListener('change', explain);
  name.addEventListener('input', explain);
  fillRegions();
  explain();
  const dialog = h('dialog', { class: 'host-dialog', 'aria-labelledby': titleId, 'data-testid': 'seat-dialog' });
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  const save = async () => {
    close();
    const newName = name.value.trim();
    if (newName !== '' && newName !== seat.name)
      await runCommand(
        ctx.client,
        'host:renameSeat',
        { seatId: seat.id, name: newName },
        tr('host.seats.renameAction', { name: seat.name }),
        host,
      );
    const w = Number(world.value);
    if (w !== seat.world || region.value !== seat.region) {
      await runCommand(
        ctx.client,
        'host:moveSeat',
        { seatId: seat.id, world: w, region: region.value },
        tr('host.seats.moveAction', { name: newName || seat.name }),
        host,
      );
    }
  };
  const form = h(
    'form',
    { class: 'stack', method: 'dialog' },
    dialogHead(titleId, tr('host.seats.editTitle', { name: seat.name }), close),
    h(
      'div',
      { class: 'field' },
      h('label', { for: nameId }, tr('host.seats.name')),
      name,
      h('span', { class: 'hint' }, tr('host.seats.nameHint')),
    ),
    h(
      'div',
      { class: 'row' },
      h('div', { class: 'field' }, h('label', { for: worldId }, tr('term.world')), world),
      h('div', { class: 'field' }, h('label', { for: regionId }, tr('term.region')), region),
    ),
    h('p', { class: 'hint' }, tr('host.seats.moveHint')),
    will,
    h(
      'div',
      { class: 'row dialog-actions' },
      h('button', { type: 'button', onclick: close, 'data-testid': 'seat-cancel' }, tr('common.cancel')),
      h('button', { type: 'submit', class: 'primary', 'data-testid': 'seat-save' }, tr('common.save')),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void save();
  });
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    close();
  });
  mount(dialog, form);
  document.body.append(dialog);
  dialog.showModal();
  name.select();
}

async function removeSeat(ctx: ConsoleCtx, seat: SeatView, at: Element | null): Promise<void> {
  const host = at ? feedbackHost(at) : null;
  const v = ctx.view();
  const region = regionLabel(v, seat.world, seat.region);
  const others = v.seats.some(
    (s) => s.id !== seat.id && !s.kicked && s.world === seat.world && s.region === seat.region,
  );
  const ok = await confirmDialog({
    title: tr('host.seats.removeTitle', { name: seat.name }),
    body: [
      tr('host.seats.removeWhere', { name: seat.name, region, world: worldLabel(seat.world) }),
      tr('host.seats.removeGone'),
      tr(others ? 'host.seats.removeThenOthers' : 'host.seats.removeThenBot', { region }),
    ].join(' '),
    confirm: tr('host.seats.removeAction', { name: seat.name }),
    danger: true,
  });
  if (ok)
    await runCommand(
      ctx.client,
      'host:kickSeat',
      { seatId: seat.id },
      tr('host.seats.removeAction', { name: seat.name }),
      host,
    );
}

export function seatsCard(ctx: ConsoleCtx, now: number): HTMLElement {
  const v: SessionView = ctx.view();
  const seats = sortedSeats(v);
  const active = seats.filter((s) => !s.kicked);
  const canEdit = controlsFor(v).lobby;
  const row = (s: SeatView) =>
    h(
      'tr',
      { 'data-testid': 'seat-row', 'data-seat': s.id, class: s.kicked ? 'kicked' : '' },
      h('th', { scope: 'row', 'data-label': tr('host.seats.name') }, s.name),
      h('td', { 'data-label': tr('term.world') }, worldLabel(s.world)),
      h('td', { 'data-label': tr('term.region') }, regionLabel(v, s.world, s.region)),
      h('td', { 'data-label': tr('host.seats.status') }, presence(s, now)),
      h(
        'td',
        { class: 'actions', 'data-label': tr('host.seats.actions') },
        s.kicked || !canEdit
          ? null
          : h(
              'div',
              { class: 'row nowrap' },
              h(
                'button',
                {
                  type: 'button',
                  class: 'small',
                  'data-fkey': `edit-${s.id}`,
                  'data-testid': 'seat-edit',
                  onclick: (e: Event) => editSeat(ctx, s, controlOf(e)),
                },
                tr('host.seats.edit'),
                h('span', { class: 'visually-hidden' }, ` · ${s.name}`),
              ),
              h(
                'button',
                {
                  type: 'button',
                  class: 'small',
                  'data-fkey': `remove-${s.id}`,
                  'data-testid': 'seat-remove',
                  onclick: (e: Event) => void removeSeat(ctx, s, controlOf(e)),
                },
                tr('host.seats.remove'),
                h('span', { class: 'visually-hidden' }, ` · ${s.name}`),
              ),
            ),
      ),
    );
  return h(
    'section',
    { class: 'card stack seats-card', 'aria-labelledby': 'seats-heading', 'data-testid': 'seats-card' },
    h(
      'h2',
      { id: 'seats-heading' },
      tr('host.seats.heading', { n: active.length, online: active.filter((s) => s.connected).length }),
    ),
    seats.length === 0
      ? h('p', { class: 'hint', 'data-testid': 'no-seats' }, tr('host.seats.empty'))
      : h(
          'div',
          // A lecture's 300 students scroll inside this box (kept where it was when the table is rebuilt).
          {
            class: 'table-wrap seat-scroll',
            tabindex: '0',
            role: 'region',
            'aria-labelledby': 'seats-heading',
            'data-scroll-key': 'seats',
            'data-testid': 'seat-scroll',
          },
          h(
            'table',
            { class: 'seats-table' },
            h('caption', { class: 'visually-hidden' }, tr('host.seats.caption')),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, tr('host.seats.name')),
                h('th', { scope: 'col' }, tr('term.world')),
                h('th', { scope: 'col' }, tr('term.region')),
                h('th', { scope: 'col' }, tr('host.seats.status')),
                h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, tr('host.seats.actions'))),
              ),
            ),
            h('tbody', {}, seats.map(row)),
          ),
        ),
  );
}
