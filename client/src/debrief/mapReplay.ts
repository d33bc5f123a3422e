// The round-by-round map replay: a world picker, a timeline (slider, previous/next, play), the map of the chosen
// round and the same events in words (announced politely to screen readers).
import { h, mount, svgEl, uid } from '../ui/dom.js';
import { pct, signed, tr, type MessageKey } from '../ui/i18n.js';
import type { DebriefData, DebriefWorld } from './data.js';
import { BROKEN, KEPT, WALL, badge, drawMap, magnifier, star } from './mapDraw.js';
import { mapFrame, type MapFrame } from './mapModel.js';
import { regionName, sectorName, sourceLabel, treatmentsLong } from './format.js';
import { worldLabel } from '../ui/labels.js';

export interface ReplayState {
  /** `${source}:${world}` */
  worldKey: string | null;
  round: number | null;
  /** The last round was shown: follow new rounds as they arrive (live). */
  atEnd: boolean;
}

function events(w: DebriefWorld, f: MapFrame): HTMLElement[] {
  const name = (id: string) => regionName(w.map, id);
  const out: HTMLElement[] = [];
  if (f.round === 0) return [h('li', {}, tr('debrief.ev.start'))];
  out.push(h('li', {}, tr('debrief.ev.rules', { rules: treatmentsLong(f.treatments) })));
  if (f.welfareRatio !== null) out.push(h('li', {}, tr('debrief.ev.welfare', { pct: pct(f.welfareRatio, 1) })));
  for (const ag of f.agreements) {
    const who = ag.breachers.map(name).join(tr('debrief.listSep'));
    const base =
      ag.type === 'openMarket'
        ? tr('debrief.ev.openMarket', { a: name(ag.a), b: name(ag.b) })
        : tr('debrief.ev.project', { a: name(ag.a), b: name(ag.b), host: name(ag.host ?? ag.a) });
    const state = ag.breachers.length > 0 ? tr('debrief.ev.brokenBy', { who }) : tr('debrief.ev.keptByBoth');
    const shock =
      ag.shock !== null ? tr(`debrief.ev.shock${ag.shock < 0 ? 'Miss' : ag.shock > 0 ? 'Beat' : 'Meet'}`) : '';
    const audit = !ag.audited
      ? ''
      : ag.detected.length > 0
        ? tr('debrief.ev.caught', { who: ag.detected.map(name).join(tr('debrief.listSep')) })
        : tr('debrief.ev.inspected');
    out.push(
      h(
        'li',
        { class: ag.breachers.length > 0 ? 'ev-broken' : 'ev-kept' },
        `${ag.breachers.length > 0 ? '✗' : '✓'} ${tr('debrief.ev.item', { what: base, how: [state, shock, audit].filter(Boolean).join(tr('debrief.listSep')) })}`,
      ),
    );
  }
  const byRegion = new Map<string, string[]>();
  for (const b of f.barriers) byRegion.set(b.by, [...(byRegion.get(b.by) ?? []), name(b.against)]);
  for (const [by, list] of byRegion)
    out.push(h('li', {}, tr('debrief.ev.barrier', { by: name(by), list: list.join(tr('debrief.listSep')) })));
  for (const r of f.regions) {
    if (r.dup && r.invest)
      out.push(
        h(
          'li',
          {},
          tr('debrief.ev.dup', {
            region: name(r.id),
            sector: sectorName(w.map, r.invest),
            strength: sectorName(w.map, r.strength),
          }),
        ),
      );
  }
  for (const r of f.regions)
    if (r.promoted)
      out.push(
        h(
          'li',
          { class: 'ev-promoted' },
          tr('debrief.ev.promoted', { region: name(r.id), score: signed(r.termScore ?? 0, 1) }),
        ),
      );
  if (f.agreements.length === 0 && f.barriers.length === 0) out.push(h('li', {}, tr('debrief.ev.quiet')));
  return out;
}

function legend(): HTMLElement {
  const sample = (...children: SVGElement[]) =>
    svgEl(
      'svg',
      { viewBox: '0 0 40 24', width: 40, height: 24, 'aria-hidden': 'true', focusable: 'false' },
      ...children,
    );
  const hid = uid('lhatch');
  const item = (icon: SVGSVGElement, key: MessageKey) => h('li', {}, icon, h('span', {}, tr(key)));
  return h(
    'ul',
    { class: 'chart-legend map-legend' },
    item(sample(svgEl('line', { x1: 2, y1: 12, x2: 38, y2: 12, stroke: KEPT, 'stroke-width': 6 })), 'debrief.map.kept'),
    item(
      sample(
        svgEl('line', { x1: 2, y1: 12, x2: 38, y2: 12, stroke: BROKEN, 'stroke-width': 6, 'stroke-dasharray': '10 6' }),
      ),
      'debrief.map.broken',
    ),
    item(
      sample(
        svgEl('line', { x1: 20, y1: 2, x2: 20, y2: 22, stroke: WALL, 'stroke-width': 5, 'stroke-linecap': 'round' }),
      ),
      'debrief.map.barrier',
    ),
    item(sample(badge(20, 12, '+', WALL)), 'debrief.map.shock'),
    item(sample(magnifier(20, 12)), 'debrief.map.audit'),
    item(
      sample(
        svgEl(
          'defs',
          {},
          svgEl(
            'pattern',
            { id: hid, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
            svgEl('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#fff', 'stroke-width': 2.5 }),
          ),
        ),
        svgEl('circle', { cx: 20, cy: 12, r: 10, fill: '#0b5fa5' }),
        svgEl('circle', { cx: 20, cy: 12, r: 10, fill: `url(#${hid})` }),
      ),
      'debrief.map.dup',
    ),
    item(sample(star(20, 12, 10)), 'debrief.map.promoted'),
    item(
      sample(
        svgEl('circle', { cx: 10, cy: 12, r: 5, fill: '#6b7280' }),
        svgEl('circle', { cx: 28, cy: 12, r: 10, fill: '#6b7280' }),
      ),
      'debrief.map.size',
    ),
  );
}

export interface MapReplay {
  el: HTMLElement;
  destroy(): void;
}

export function mapReplay(data: DebriefData, state: ReplayState, compact: boolean): MapReplay {
  const worlds = data.sources.flatMap((s) => s.worlds).filter((w) => w.history.length > 0);
  if (worlds.length === 0) return { el: h('p', { class: 'dempty' }, tr('debrief.noRounds')), destroy: () => undefined };
  const keyOf = (w: DebriefWorld) => `${w.source}:${w.index}`;
  let world = worlds.find((w) => keyOf(w) === state.worldKey) ?? (worlds[0] as DebriefWorld);
  state.worldKey = keyOf(world);
  let timer: ReturnType<typeof setInterval> | null = null;
  const multi = data.sources.length > 1;
  const worldName = (w: DebriefWorld) =>
    `${multi ? `${sourceLabel(data, w.source)} · ` : ''}${worldLabel(w.index)} · ${w.armName}`;

  const slider = h('input', {
    type: 'range',
    min: '0',
    step: '1',
    'data-focus-key': 'map-slider',
    'aria-label': tr('debrief.map.timeline'),
  });
  const output = h('output', { class: 'map-round', 'aria-hidden': 'true' });
  const playBtn = h('button', {
    type: 'button',
    class: 'small',
    'data-focus-key': 'map-play',
    'aria-pressed': 'false',
  });
  const stage = h('div', { class: 'map-stage' });
  const caption = h('figcaption', {});
  const list = h('ul', { class: 'map-events' });
  const live = h('div', { class: 'visually-hidden', 'aria-live': 'polite' });

  const stop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    playBtn.textContent = `▶ ${tr('debrief.map.play')}`;
    playBtn.setAttribute('aria-pressed', 'false');
  };
  const draw = (announce: boolean) => {
    const last = world.history.length;
    const round = state.atEnd ? last : Math.min(Math.max(0, state.round ?? last), last);
    state.round = round;
    state.atEnd = round === last;
    slider.max = String(last);
    slider.value = String(round);
    const label = round === 0 ? tr('debrief.map.start') : tr('common.round', { round, rounds: last });
    slider.setAttribute('aria-valuetext', label);
    output.textContent = label;
    const frame = mapFrame(world, round);
    const title = `${worldName(world)} · ${label}`;
    const items = events(world, frame);
    mount(caption, title);
    mount(stage, drawMap(world.map, frame, compact, title, items.map((li) => li.textContent ?? '').join(' ')));
    mount(list, items);
    if (announce) live.textContent = `${label}. ${items.map((li) => li.textContent ?? '').join(' ')}`;
  };
  const go = (round: number) => {
    state.round = Math.min(Math.max(0, round), world.history.length);
    state.atEnd = false;
    draw(true);
  };
  slider.addEventListener('input', () => go(Number(slider.value)));
  playBtn.addEventListener('click', () => {
    if (timer !== null) return stop();
    if ((state.round ?? 0) >= world.history.length) go(0);
    playBtn.textContent = `❚❚ ${tr('debrief.map.pause')}`;
    playBtn.setAttribute('aria-pressed', 'true');
    timer = setInterval(() => {
      if ((state.round ?? 0) >= world.history.length) return stop();
      go((state.round ?? 0) + 1);
    }, 1400);
  });
  stop();
  const picker =
    worlds.length > 1
      ? h(
          'label',
          { class: 'field-inline' },
          tr('term.world'),
          h(
            'select',
            {
              'data-focus-key': 'map-world',
              onchange: (e: Event) => {
                stop();
                const key = (e.target as HTMLSelectElement).value;
                world = worlds.find((w) => keyOf(w) === key) ?? world;
                state.worldKey = key;
                state.atEnd = true;
                draw(true);
              },
            },
            worlds.map((w) => h('option', { value: keyOf(w), selected: keyOf(w) === state.worldKey }, worldName(w))),
          ),
        )
      : null;
  const el = h(
    'div',
    { class: 'map-replay' },
    h(
      'div',
      { class: 'map-controls row', role: 'group', 'aria-label': tr('debrief.map.controls') },
      picker,
      h(
        'button',
        {
          type: 'button',
          class: 'small',
          'data-focus-key': 'map-prev',
          onclick: () => {
            stop();
            go((state.round ?? 0) - 1);
          },
        },
        `◀ ${tr('debrief.map.prev')}`,
      ),
      h('span', { class: 'map-slider' }, slider, output),
      h(
        'button',
        {
          type: 'button',
          class: 'small',
          'data-focus-key': 'map-next',
          onclick: () => {
            stop();
            go((state.round ?? 0) + 1);
          },
        },
        `${tr('debrief.map.next')} ▶`,
      ),
      playBtn,
    ),
    h(
      'div',
      { class: 'map-layout' },
      h('figure', { class: 'dfigure map-figure' }, caption, stage, legend()),
      h('div', { class: 'map-side' }, h('h3', {}, tr('debrief.map.events')), list),
    ),
    live,
  );
  draw(false);
  return { el, destroy: stop };
}
