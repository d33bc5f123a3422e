// Tables: the summary per treatment period and arm (before/after a reform, one column per log x arm x period),
// promotions with the winner's record, the round-by-round timeline of each world, and the lose-lose moves.
import type { MapDef } from '../../../shared/model/maps.js';
import { h } from '../ui/dom.js';
import { worldLabel } from '../ui/labels.js';
import { num, signed, tr, type MessageKey } from '../ui/i18n.js';
import type { DebriefData } from './data.js';
import { fmt, fmtDelta, regionName, roundsRange, sectorName, sourceLabel, treatmentsShort } from './format.js';
import { loseLoseRows, promotionRows, SUMMARY_ROWS, summaryColumns, timelines } from './summary.js';

const MAX_ROWS = 300;

function mapOf(data: DebriefData, source: number, world: number): MapDef | undefined {
  return data.sources[source]?.worlds.find((w) => w.index === world)?.map;
}

function scroll(label: string, table: HTMLElement): HTMLElement {
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': label }, table);
}

function empty(key: MessageKey): HTMLElement {
  return h('p', { class: 'dempty' }, tr(key));
}

export function summaryTable(data: DebriefData): HTMLElement {
  const cols = summaryColumns(data);
  if (cols.length === 0) return empty('debrief.noRounds');
  const multi = data.sources.length > 1;
  const title = tr('debrief.summary.title');
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, tr('debrief.summary.measure')),
    cols.map((c) =>
      h(
        'th',
        { scope: 'col', class: 'num sum-col' },
        multi ? h('span', { class: 'sum-source' }, sourceLabel(data, c.source)) : null,
        h('span', { class: 'sum-arm' }, c.armName),
        h('span', {}, roundsRange(c.summary.fromRound, c.summary.toRound)),
        h('span', { class: 'sum-treat' }, treatmentsShort(c.summary.treatments)),
      ),
    ),
  );
  const rows = SUMMARY_ROWS.map((row) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, tr(`debrief.sum.${row.key}`)),
      cols.map((c) => {
        const v = c.summary[row.key];
        const prev = c.previous ? c.previous[row.key] : null;
        const delta = row.delta && prev !== null && v !== null ? fmtDelta(row.format, v - prev) : '';
        return h(
          'td',
          { class: 'num' },
          fmt(row.format, v),
          delta ? h('span', { class: 'delta', title: tr('debrief.summary.delta') }, delta) : null,
        );
      }),
    ),
  );
  const promoted = h(
    'tr',
    {},
    h('th', { scope: 'row' }, tr('debrief.sum.promoted')),
    cols.map((c) => {
      const map = data.sources[c.source]?.worlds.find((w) => w.arm === c.summary.arm)?.map;
      const list = Object.entries(c.summary.promoted).map(([id, n]) =>
        n > 1 ? `${regionName(map, id)} ×${n}` : regionName(map, id),
      );
      return h('td', { class: 'num' }, list.length > 0 ? list.join(tr('debrief.listSep')) : '–');
    }),
  );
  return h(
    'div',
    { class: 'stack' },
    scroll(
      tr('debrief.dataOf', { title }),
      h(
        'table',
        { class: 'data-table summary-table' },
        h('caption', { class: 'visually-hidden' }, title),
        h('thead', {}, head),
        h('tbody', {}, rows, promoted),
      ),
    ),
    h('p', { class: 'hint' }, tr('debrief.summary.hint')),
  );
}

export function promotionsTable(data: DebriefData): HTMLElement {
  const rows = promotionRows(data);
  if (rows.length === 0) return empty('debrief.promo.none');
  const multi = data.sources.length > 1;
  const arms = data.sources.some((s) => new Set(s.worlds.map((w) => w.arm)).size > 1);
  const title = tr('debrief.promo.title');
  const cols = [
    'debrief.promo.term',
    'debrief.promo.rules',
    'term.promoted',
    'debrief.promo.termScore',
    'debrief.promo.barriers',
    'debrief.promo.duplications',
    'debrief.promo.honoured',
    'debrief.promo.breaches',
    'debrief.promo.detected',
  ] as const;
  return scroll(
    title,
    h(
      'table',
      { class: 'data-table promo-table' },
      h('caption', {}, title),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          multi ? h('th', { scope: 'col' }, tr('debrief.log')) : null,
          h('th', { scope: 'col' }, tr('term.world')),
          arms ? h('th', { scope: 'col' }, tr('debrief.arm')) : null,
          cols.map((k, i) => h('th', { scope: 'col', class: i >= 3 ? 'num' : '' }, tr(k))),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) => {
          const map = mapOf(data, r.source, r.world);
          return h(
            'tr',
            {},
            multi ? h('td', {}, sourceLabel(data, r.source)) : null,
            h('td', {}, worldLabel(r.world)),
            arms ? h('td', {}, r.armName) : null,
            h('td', {}, roundsRange(r.fromRound, r.toRound)),
            h('td', { class: 'rules' }, treatmentsShort(r.treatments)),
            h('th', { scope: 'row' }, `★ ${regionName(map, r.regionId)}`),
            h('td', { class: 'num' }, signed(r.termScore, 1)),
            h('td', { class: 'num' }, String(r.record.barriers)),
            h('td', { class: 'num' }, String(r.record.duplications)),
            h('td', { class: 'num' }, String(r.record.honoured)),
            h('td', { class: 'num' }, String(r.record.breaches)),
            h('td', { class: 'num' }, num(r.record.detected, Number.isInteger(r.record.detected) ? 0 : 1)),
          );
        }),
      ),
    ),
  );
}

export function timelineTables(data: DebriefData): HTMLElement {
  const list = timelines(data);
  if (list.length === 0) return empty('debrief.noRounds');
  const multi = data.sources.length > 1;
  const heads = [
    'term.round',
    'debrief.promo.rules',
    'debrief.tl.signed',
    'debrief.tl.honoured',
    'debrief.tl.barriers',
    'debrief.tl.duplicates',
    'debrief.m.welfareRatio',
    'term.promoted',
  ] as const;
  return h(
    'div',
    { class: 'stack' },
    list.map((t) => {
      const map = mapOf(data, t.source, t.world);
      const title = `${multi ? `${sourceLabel(data, t.source)} · ` : ''}${worldLabel(t.world)} · ${t.armName}`;
      return scroll(
        title,
        h(
          'table',
          { class: 'data-table timeline-table' },
          h('caption', {}, title),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              heads.map((k, i) => h('th', { scope: 'col', class: i >= 2 && i <= 6 ? 'num' : '' }, tr(k))),
            ),
          ),
          h(
            'tbody',
            {},
            t.rows.map((r) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, String(r.round)),
                h('td', { class: 'rules' }, treatmentsShort(r.treatments)),
                h('td', { class: 'num' }, String(r.signed)),
                h('td', { class: 'num' }, String(r.honoured)),
                h('td', { class: 'num' }, String(r.barriers)),
                h('td', { class: 'num' }, String(r.duplicates)),
                h('td', { class: 'num' }, fmt('pct', r.welfareRatio)),
                h('td', {}, r.promoted.map((id) => `★ ${regionName(map, id)}`).join(tr('debrief.listSep'))),
              ),
            ),
          ),
        ),
      );
    }),
  );
}

export function loseLoseTable(data: DebriefData): HTMLElement {
  const rows = loseLoseRows(data);
  const multi = data.sources.length > 1;
  const title = tr('debrief.ll.title', { n: rows.length });
  if (rows.length === 0) return empty('debrief.ll.none');
  const move = (r: (typeof rows)[number], map: MapDef | undefined) =>
    r.move === 'barrier'
      ? tr('debrief.move.barrier', { target: regionName(map, r.target) })
      : r.move === 'invest'
        ? tr('debrief.move.invest', { sector: sectorName(map, r.target) })
        : tr('debrief.move.breach', { id: r.target });
  return h(
    'details',
    { class: 'chart-data', 'data-key': 'lose-lose' },
    h('summary', {}, title),
    scroll(
      title,
      h(
        'table',
        { class: 'data-table' },
        h('caption', { class: 'visually-hidden' }, title),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            multi ? h('th', { scope: 'col' }, tr('debrief.log')) : null,
            h('th', { scope: 'col' }, tr('term.world')),
            h('th', { scope: 'col' }, tr('term.round')),
            h('th', { scope: 'col' }, tr('term.region')),
            h('th', { scope: 'col' }, tr('debrief.ll.move')),
            h('th', { scope: 'col', class: 'num' }, tr('debrief.ll.gdpLost')),
            h('th', { scope: 'col', class: 'num' }, tr('debrief.ll.scoreGained')),
          ),
        ),
        h(
          'tbody',
          {},
          rows.slice(0, MAX_ROWS).map((r) => {
            const map = mapOf(data, r.source, r.world);
            return h(
              'tr',
              {},
              multi ? h('td', {}, sourceLabel(data, r.source)) : null,
              h('td', {}, worldLabel(r.world)),
              h('td', {}, String(r.round)),
              h('td', {}, regionName(map, r.regionId)),
              h('td', {}, move(r, map)),
              h('td', { class: 'num' }, num(r.gdpLost, 2)),
              h('td', { class: 'num' }, signed(r.scoreGained, 2)),
            );
          }),
        ),
      ),
    ),
    rows.length > MAX_ROWS ? h('p', { class: 'hint' }, tr('debrief.ll.more', { n: rows.length - MAX_ROWS })) : null,
  );
}
