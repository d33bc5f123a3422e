// The console's Debrief tab: downloads of the full log (JSON) and the CSV tables, then the live debrief (charts,
// replay, report) from the debrief module, loaded the first time the tab is opened.
import { errorText, receivedErrorText } from '../../../shared/i18n/index.js';
import { ApiError, downloadExport } from '../net/api.js';
import type { SessionClient } from '../state/session.js';
import { h, mount } from '../ui/dom.js';
import { lang, tr } from '../ui/i18n.js';

export interface DebriefTab {
  el: HTMLElement;
  /** Called when the tab is shown: mounts the debrief once. */
  show(): void;
  /** Language changed: rebuild the download buttons (the debrief follows the language itself). */
  relabel(): void;
  destroy(): void;
}

export function debriefTab(client: SessionClient, code: string, hostToken: string): DebriefTab {
  const status = h('span', { class: 'hint', role: 'status', 'aria-live': 'polite', 'data-testid': 'download-status' });
  const downloads = h('section', { class: 'card stack', 'aria-labelledby': 'dl-heading', 'data-testid': 'downloads' });
  const container = h('div', { class: 'debrief-slot' });
  let mounted: { destroy(): void } | null = null;
  let loading = false;

  const download = async (path: 'export.json' | `export.csv?lang=${string}`, filename: string, label: string) => {
    status.textContent = tr('host.debrief.downloading', { what: label });
    try {
      await downloadExport(code, hostToken, path, filename);
      status.textContent = `✓ ${tr('host.debrief.downloaded', { what: label })}`;
    } catch (e) {
      status.textContent = `✗ ${e instanceof ApiError ? receivedErrorText(lang(), e.code, e.message) : errorText(lang(), 'INTERNAL')}`;
    }
  };

  const relabel = () => {
    const json = tr('host.debrief.json');
    const csv = tr('host.debrief.csv');
    mount(
      downloads,
      h('h2', { id: 'dl-heading' }, tr('host.debrief.downloads')),
      h('p', { class: 'hint' }, tr('host.debrief.downloadsHint')),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'download-json',
            onclick: () => void download('export.json', `promotion-race-${code}.json`, json),
          },
          '↓ ',
          json,
        ),
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'download-csv',
            // Region names in the CSV in the console's language.
            onclick: () => void download(`export.csv?lang=${lang()}`, `promotion-race-${code}-csv.zip`, csv),
          },
          '↓ ',
          csv,
        ),
      ),
      status,
    );
  };

  const show = () => {
    if (mounted || loading) return;
    loading = true;
    mount(container, h('p', { class: 'hint', 'aria-busy': 'true' }, tr('status.loading')));
    import('../debrief/index.js')
      .then(({ mountDebrief }) => {
        // The tab has its own download buttons above the debrief.
        mounted = mountDebrief(container, { kind: 'live', client, code, hostToken, downloads: false });
      })
      .catch(() => {
        loading = false;
        mount(container, h('p', { class: 'field-error', role: 'alert' }, errorText(lang(), 'INTERNAL')));
      });
  };

  relabel();
  return {
    el: h('div', { class: 'stack' }, downloads, container),
    show,
    relabel,
    destroy: () => mounted?.destroy(),
  };
}
