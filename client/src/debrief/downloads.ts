// Downloads: for a live session the server's JSON log and CSV zip (with the host token, in a header); for logs
// opened from disk the JSON as loaded and the CSV tables built here. Nothing is uploaded.
import { downloadExport } from '../net/api.js';
import { h, mount } from '../ui/dom.js';
import { saveBlob } from '../ui/files.js';
import { lang, tr } from '../ui/i18n.js';
import { regionNames } from '../../../shared/model/csv.js';
import type { LoadedLog } from './data.js';
import { csvZip, downloadNames, jsonText } from './files.js';

export function liveDownloads(code: string, hostToken: string): HTMLElement {
  const status = h('span', { class: 'hint', role: 'status' });
  const get = (path: string, filename: string) => async () => {
    mount(status, tr('debrief.dl.working'));
    try {
      await downloadExport(code, hostToken, path, filename);
      mount(status, '');
    } catch {
      mount(status, h('span', { class: 'bad-text' }, tr('debrief.dl.failed')));
    }
  };
  return h(
    'div',
    { class: 'row ddownloads', role: 'group', 'aria-label': tr('debrief.dl.title') },
    h(
      'button',
      {
        type: 'button',
        class: 'small',
        'data-focus-key': 'dl-json',
        onclick: () => void get('export.json', `promotion-race-${code}.json`)(),
      },
      tr('debrief.dl.json'),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'small',
        'data-focus-key': 'dl-csv',
        onclick: () => void get(`export.csv?lang=${lang()}`, `promotion-race-${code}-csv.zip`)(),
      },
      tr('debrief.dl.csv'),
    ),
    status,
  );
}

export function logDownloads(logs: readonly LoadedLog[]): HTMLElement {
  return h(
    'div',
    { class: 'stack ddownloads', role: 'group', 'aria-label': tr('debrief.dl.title') },
    logs.map((l, i) => {
      const names = downloadNames(l);
      return h(
        'div',
        { class: 'row' },
        logs.length > 1 ? h('span', { class: 'dl-name' }, l.name) : null,
        h(
          'button',
          {
            type: 'button',
            class: 'small',
            'data-focus-key': `dl-json-${i}`,
            'aria-label': tr('debrief.dl.jsonOf', { file: l.name }),
            onclick: () => saveBlob(new Blob([jsonText(l)], { type: 'application/json' }), names.json),
          },
          tr('debrief.dl.json'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'small',
            'data-focus-key': `dl-csv-${i}`,
            'aria-label': tr('debrief.dl.csvOf', { file: l.name }),
            onclick: () =>
              saveBlob(
                new Blob(
                  [
                    csvZip({
                      worlds: l.log.worlds,
                      events: l.log.events,
                      names: regionNames(l.config, lang() === 'zh-CN' ? 'zh' : 'en'),
                    }) as Uint8Array<ArrayBuffer>,
                  ],
                  {
                    type: 'application/zip',
                  },
                ),
                names.csv,
              ),
          },
          tr('debrief.dl.csv'),
        ),
      );
    }),
  );
}
