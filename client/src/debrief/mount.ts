// mountDebrief: the debrief of a live session (inside the host console, updated whenever a round completes) or of
// logs opened from disk. Toolbar (lines per world or per arm, downloads, printable report), then tabs: charts,
// summary by treatment, map replay, timeline.
import './texts.js';
import type { SessionClient } from '../state/session.js';
import type { GameState } from '../state/store.js';
import { h } from '../ui/dom.js';
import { onLangChange, tr } from '../ui/i18n.js';
import { SessionLogSchema } from '../../../shared/model/log.js';
import { fetchExportJson } from '../net/api.js';
import { botsPanel } from './botsView.js';
import { chartSections } from './charts.js';
import { fromLive, fromLogs, roundCount, type DebriefData, type LoadedLog } from './data.js';
import { liveDownloads, logDownloads } from './downloads.js';
import { mapReplay, type MapReplay, type ReplayState } from './mapReplay.js';
import { openReport, type ReportHandle } from './report.js';
import { defaultMode, groupsOf, type GroupMode } from './series.js';
import { summaryTable, timelineTables } from './tables.js';
import { tabs, type TabId } from './tabs.js';
import './debrief.css';

export type { LoadedLog } from './data.js';

export type DebriefSource =
  /** `downloads: false` leaves out the JSON/CSV buttons (when the page around already offers them). */
  | { kind: 'live'; client: SessionClient; code: string; hostToken: string; downloads?: boolean }
  | { kind: 'logs'; logs: LoadedLog[] };

const COMPACT_BELOW = 620;

function liveSignature(s: GameState): string {
  const v = s.view;
  if (!v) return 'none';
  return `${v.phase === 'ended'}|${v.worlds.length}|${v.worldInfo.map((w) => `${w.mapId}:${w.arm}:${w.treatments.join('')}`).join(',')}`;
}

export function mountDebrief(container: HTMLElement, source: DebriefSource): { destroy(): void } {
  const ui: { tab: TabId; mode: GroupMode | null; replay: ReplayState } = {
    tab: 'charts',
    mode: null,
    replay: { worldKey: null, round: null, atEnd: true },
  };
  const root = h('div', { class: 'debrief', 'data-testid': 'debrief' });
  container.replaceChildren(root);
  let replay: MapReplay | null = null;
  let report: ReportHandle | null = null;
  let compact = false;
  let queued = false;

  let liveSeed: Promise<string> | null = null;
  /** The session seed the bots replay with: in a log; for a live session, from its export (host token). */
  const seedOf = (index: number): Promise<string> => {
    if (source.kind === 'logs') {
      const log = source.logs[index];
      return log ? Promise.resolve(log.log.session.seed) : Promise.reject(new Error('no such log'));
    }
    liveSeed ??= fetchExportJson(source.code, source.hostToken).then((json) => {
      const parsed = SessionLogSchema.safeParse(json);
      if (!parsed.success) throw new Error('the session export could not be read');
      return parsed.data.session.seed;
    });
    liveSeed.catch(() => (liveSeed = null));
    return liveSeed;
  };

  const getData = (): DebriefData => {
    if (source.kind === 'logs') return fromLogs(source.logs);
    const s = source.client.store.get();
    return fromLive(s.view, s.history);
  };
  const measureCompact = () => (root.clientWidth || container.clientWidth || 1024) < COMPACT_BELOW;

  function sourceLine(data: DebriefData): string {
    const worlds = data.sources.reduce((n, s) => n + s.worlds.length, 0);
    if (source.kind === 'live') {
      const v = source.client.store.get().view;
      return tr('debrief.liveLine', {
        code: source.code,
        played: roundCount(data),
        rounds: v?.config.rounds ?? 0,
        worlds,
      });
    }
    return tr('debrief.logsLine', { names: source.logs.map((l) => l.name).join(tr('debrief.listSep')), worlds });
  }

  function panel(data: DebriefData, mode: GroupMode): HTMLElement {
    const groups = groupsOf(data, mode);
    switch (ui.tab) {
      case 'charts':
        return h('div', { class: 'stack' }, chartSections({ data, groups, compact, table: 'details', details: true }));
      case 'summary':
        return h(
          'section',
          { class: 'dsection', 'aria-labelledby': 'debrief-summary-title' },
          h('h3', { id: 'debrief-summary-title' }, tr('debrief.summary.title')),
          h('p', { class: 'dsection-intro' }, tr('debrief.summary.intro')),
          summaryTable(data),
        );
      case 'bots':
        return botsPanel({ data, seedOf, refresh: schedule });
      case 'map': {
        replay = mapReplay(data, ui.replay, compact);
        return replay.el;
      }
      case 'timeline':
        return h(
          'section',
          { class: 'dsection', 'aria-labelledby': 'debrief-timeline-title' },
          h('h3', { id: 'debrief-timeline-title' }, tr('debrief.report.timeline')),
          timelineTables(data),
        );
    }
  }

  function render(): void {
    queued = false;
    const active =
      document.activeElement instanceof HTMLElement && root.contains(document.activeElement)
        ? document.activeElement.dataset['focusKey']
        : undefined;
    const opened = new Set([...root.querySelectorAll<HTMLElement>('details[open]')].map((d) => d.dataset['key']));
    replay?.destroy();
    replay = null;
    compact = measureCompact();
    const data = getData();
    if (source.kind === 'live' && !source.client.store.get().view) {
      root.replaceChildren(h('p', { class: 'dempty', role: 'status' }, tr('status.connecting')));
      return;
    }
    const mode = ui.mode ?? defaultMode(data);
    const modeBtn = (m: GroupMode) =>
      h(
        'button',
        {
          type: 'button',
          class: 'small',
          'aria-pressed': String(mode === m),
          'data-focus-key': `mode-${m}`,
          onclick: () => {
            ui.mode = m;
            render();
          },
        },
        tr(`debrief.mode.${m}`),
      );
    const reportBtn = h(
      'button',
      { type: 'button', class: 'small primary', 'data-focus-key': 'report', 'aria-haspopup': 'dialog' },
      tr('debrief.report.open'),
    );
    reportBtn.addEventListener('click', () => {
      report?.close();
      report = openReport(data, groupsOf(data, mode), reportBtn, (refresh) =>
        botsPanel({ data, seedOf, refresh, headingLevel: 'h2' }),
      );
    });
    const panelEl = h('div', { class: 'debrief-panel' }, panel(data, mode));
    root.replaceChildren(
      h(
        'div',
        { class: 'debrief-toolbar card' },
        h(
          'div',
          { class: 'debrief-title' },
          h('h2', {}, tr('debrief.title')),
          h('p', { class: 'hint' }, sourceLine(data)),
        ),
        h(
          'div',
          { class: 'row' },
          h(
            'div',
            { class: 'row seg', role: 'group', 'aria-label': tr('debrief.mode.label') },
            h('span', { class: 'seg-label', 'aria-hidden': 'true' }, tr('debrief.mode.label')),
            modeBtn('world'),
            modeBtn('arm'),
          ),
          reportBtn,
        ),
        source.kind === 'logs'
          ? logDownloads(source.logs)
          : source.downloads === false
            ? null
            : liveDownloads(source.code, source.hostToken),
      ),
      tabs(
        ui.tab,
        (t) => {
          ui.tab = t;
          render();
        },
        panelEl,
      ),
    );
    for (const d of root.querySelectorAll<HTMLDetailsElement>('details[data-key]'))
      if (opened.has(d.dataset['key'])) d.open = true;
    const key = active?.startsWith('tab-') ? `tab-${ui.tab}` : active;
    if (key) root.querySelector<HTMLElement>(`[data-focus-key="${key}"]`)?.focus();
  }

  const schedule = () => {
    if (queued) return;
    queued = true;
    setTimeout(render, 0);
  };
  const offLang = onLangChange(schedule);
  let offStore: (() => void) | null = null;
  if (source.kind === 'live') {
    offStore = source.client.store.subscribe((s, prev) => {
      if (s.history !== prev.history || liveSignature(s) !== liveSignature(prev)) schedule();
    });
  }
  const ro =
    typeof ResizeObserver !== 'undefined'
      ? new ResizeObserver(() => {
          if (measureCompact() !== compact) schedule();
        })
      : null;
  ro?.observe(root);
  render();

  return {
    destroy() {
      offLang();
      offStore?.();
      ro?.disconnect();
      replay?.destroy();
      report?.close();
      root.remove();
    },
  };
}
