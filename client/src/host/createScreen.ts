// The create screen (/host): pick a class plan, adjust the settings, create the session. Every problem is explained
// next to its field (checked on the client with the engine's schema; the server's 400 details are shown the same
// way), and creating opens the console at /host/<code>#<hostToken>.
import { errorText, receivedErrorText } from '../../../shared/i18n/index.js';
import { ApiError, createSession } from '../net/api.js';
import { saveToken } from '../net/storage.js';
import { h, mount } from '../ui/dom.js';
import { lang, onLangChange, tr } from '../ui/i18n.js';
import { langSwitch } from '../ui/langSwitch.js';
import { statusScreen } from '../ui/status.js';
import { createForm } from './createForm.js';
import { fetchPresets, type Presets } from './presetsApi.js';

/** The presets from the server, or an error screen with a retry button (then null). */
async function loadPresets(root: HTMLElement, retry: () => void): Promise<Presets | null> {
  mount(root, statusScreen('loading'));
  try {
    return await fetchPresets();
  } catch (e) {
    const text = e instanceof ApiError ? receivedErrorText(lang(), e.code, e.message) : errorText(lang(), 'INTERNAL');
    mount(root, statusScreen('error', text, { label: tr('status.retry'), run: retry }));
    return null;
  }
}

/** Creates the session from a valid config and opens its console; throws the server's error otherwise. */
async function create(input: Record<string, unknown>): Promise<void> {
  const reply = await createSession({ config: input });
  saveToken('host', reply.code, reply.hostToken);
  saveToken('projector', reply.code, reply.projectorToken);
  location.assign(`/host/${reply.code}#${reply.hostToken}`);
}

export async function startCreate(root: HTMLElement): Promise<void> {
  const presets = await loadPresets(root, () => void startCreate(root));
  if (!presets) return;
  const form = createForm(presets, create);
  const render = () => {
    mount(
      root,
      h(
        'header',
        { class: 'app-header' },
        h('span', { class: 'brand' }, tr('app.title')),
        h('span', {}, tr('host.create.heading')),
        h('span', { class: 'spacer' }),
        langSwitch(),
      ),
      h(
        'main',
        { class: 'host host-create' },
        h('h1', {}, tr('host.create.title')),
        h('p', { class: 'hint' }, tr('host.create.intro')),
        form.el,
      ),
    );
    form.update(undefined);
  };
  onLangChange(render);
  render();
}
