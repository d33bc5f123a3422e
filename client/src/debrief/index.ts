// Debrief entry. startDebrief(root) is the standalone /debrief page: it opens exported JSON logs from disk (file
// picker or drag and drop, several at once), checks each by replaying it, refuses invalid or edited files with a
// translated reason, and shows the debrief of the accepted ones. Nothing is uploaded. mountDebrief is also used
// by the host console for a live session.
import './texts.js';
import { h, mount } from '../ui/dom.js';
import { num, onLangChange, tr } from '../ui/i18n.js';
import { langSwitch } from '../ui/langSwitch.js';
import type { LoadedLog } from './data.js';
import { isDuplicate, loadLogText, MAX_LOG_BYTES, type LoadRefusal } from './load.js';
import { mountDebrief } from './mount.js';

export { mountDebrief, type DebriefSource } from './mount.js';
export type { LoadedLog } from './data.js';

type Message =
  { kind: 'refused'; refusal: LoadRefusal } | { kind: 'duplicate'; name: string } | { kind: 'opened'; name: string };

function refusalText(r: LoadRefusal): HTMLElement {
  const head = tr(`debrief.load.${r.reason}`, {
    file: r.name,
    mb: num(MAX_LOG_BYTES / 1024 / 1024, 0),
    count: r.problemCount,
  });
  return h(
    'li',
    { class: 'load-refused' },
    h('p', {}, h('strong', {}, '✗ '), head),
    r.detail ? h('p', { class: 'hint load-detail' }, r.detail) : null,
    r.problems.length > 0
      ? h(
          'ul',
          { class: 'load-problems' },
          r.problems.map((p) =>
            h(
              'li',
              {},
              p.round !== null
                ? tr('debrief.load.problemAt', { world: p.world + 1, round: p.round, what: p.what })
                : tr('debrief.load.problemWorld', { world: p.world + 1, what: p.what }),
            ),
          ),
        )
      : null,
  );
}

export function startDebrief(root: HTMLElement): void {
  const logs: LoadedLog[] = [];
  let messages: Message[] = [];
  let busy: string | null = null;
  let debrief: { destroy(): void } | null = null;
  const header = h('header', { class: 'app-header' });
  const intro = h('section', { class: 'card debrief-open', 'aria-labelledby': 'debrief-open-title' });
  const host = h('div', { class: 'debrief-host' });
  const input = h('input', {
    type: 'file',
    accept: '.json,application/json',
    multiple: true,
    hidden: true,
    tabindex: '-1',
    'data-testid': 'debrief-files',
  });

  async function open(files: File[]): Promise<void> {
    const fresh: LoadedLog[] = [];
    messages = [];
    for (const file of files) {
      busy = file.name;
      renderIntro();
      await new Promise((r) => setTimeout(r, 0));
      if (file.size > MAX_LOG_BYTES) {
        messages.push({
          kind: 'refused',
          refusal: { ok: false, name: file.name, reason: 'tooBig', detail: '', problems: [], problemCount: 0 },
        });
        continue;
      }
      const text = await file.text();
      if (isDuplicate([...logs, ...fresh], file.name, text)) {
        messages.push({ kind: 'duplicate', name: file.name });
        continue;
      }
      const result = loadLogText(file.name, text);
      if (result.ok) {
        fresh.push(result.log);
        messages.push({ kind: 'opened', name: file.name });
      } else messages.push({ kind: 'refused', refusal: result });
    }
    busy = null;
    logs.push(...fresh);
    renderIntro();
    if (fresh.length > 0) remount();
  }

  function remount(): void {
    debrief?.destroy();
    debrief = null;
    host.replaceChildren();
    if (logs.length > 0) debrief = mountDebrief(host, { kind: 'logs', logs: [...logs] });
  }

  function renderHeader(): void {
    mount(
      header,
      h('span', { class: 'brand' }, tr('app.title')),
      h('span', {}, tr('debrief.title')),
      h('span', { class: 'spacer' }),
      langSwitch(),
    );
  }

  function renderIntro(): void {
    const opened = messages.filter((m) => m.kind === 'opened').length;
    mount(
      intro,
      h('h1', { id: 'debrief-open-title' }, tr('debrief.open.title')),
      h('p', {}, tr('debrief.open.hint')),
      h('p', { class: 'hint' }, tr('debrief.open.private')),
      h(
        'div',
        { class: 'dropzone', 'data-testid': 'dropzone' },
        input,
        h('button', { type: 'button', class: 'primary', onclick: () => input.click() }, tr('debrief.open.choose')),
        h('span', { class: 'hint' }, tr('debrief.open.drop')),
      ),
      h(
        'div',
        { role: 'status', 'aria-live': 'polite', class: 'load-status' },
        busy ? tr('debrief.load.checking', { file: busy }) : opened > 0 ? tr('debrief.load.opened', { n: opened }) : '',
      ),
      h(
        'div',
        { role: 'alert' },
        h(
          'ul',
          { class: 'load-messages' },
          messages.map((m) =>
            m.kind === 'refused'
              ? refusalText(m.refusal)
              : m.kind === 'duplicate'
                ? h('li', {}, tr('debrief.load.duplicate', { file: m.name }))
                : null,
          ),
        ),
      ),
      logs.length > 0
        ? h(
            'div',
            { class: 'open-logs' },
            h('h2', {}, tr('debrief.open.list', { n: logs.length })),
            h(
              'ul',
              {},
              logs.map((l, i) =>
                h(
                  'li',
                  { class: 'row' },
                  h('span', { class: 'dl-name' }, l.name),
                  h(
                    'span',
                    { class: 'hint' },
                    tr('debrief.open.summary', {
                      worlds: l.worlds.length,
                      rounds: Math.max(0, ...l.worlds.map((w) => w.history.length)),
                    }),
                  ),
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'small',
                      'aria-label': tr('debrief.open.removeOf', { file: l.name }),
                      onclick: () => {
                        logs.splice(i, 1);
                        messages = [];
                        renderIntro();
                        remount();
                      },
                    },
                    tr('debrief.open.remove'),
                  ),
                ),
              ),
            ),
          )
        : null,
    );
  }

  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length > 0) void open(files);
  });
  let depth = 0;
  const page = h('main', { class: 'debrief-page' }, intro, host);
  page.addEventListener('dragenter', (e) => {
    e.preventDefault();
    depth++;
    page.classList.add('dragging');
  });
  page.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) page.classList.remove('dragging');
  });
  page.addEventListener('dragover', (e) => e.preventDefault());
  page.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    page.classList.remove('dragging');
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length > 0) void open(files);
  });
  onLangChange(() => {
    renderHeader();
    renderIntro();
    document.title = `${tr('debrief.title')} · ${tr('app.title')}`;
  });
  renderHeader();
  renderIntro();
  document.title = `${tr('debrief.title')} · ${tr('app.title')}`;
  mount(root, header, page);
}
