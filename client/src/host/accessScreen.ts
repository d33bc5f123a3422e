// When the console cannot open: no host token on this device, or a token the server does not know. The instructor
// is told to open the secret host link, and may paste it here.
import { saveToken } from '../net/storage.js';
import { h, uid } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { langSwitch } from '../ui/langSwitch.js';
import { tokenFromPaste } from './consoleModel.js';

export function accessScreen(code: string, reason: 'missing' | 'wrong', retry: () => void): HTMLElement {
  const id = uid('paste');
  const input = h('input', {
    id,
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': `${id}-err`,
    'data-testid': 'paste-host-link',
  });
  const error = h('div', { class: 'field-error', id: `${id}-err`, role: 'alert' });
  const form = h(
    'form',
    { class: 'stack' },
    h('div', { class: 'field' }, h('label', { for: id }, tr('host.access.paste')), input, error),
    h('button', { type: 'submit', class: 'primary' }, tr('host.access.open')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const token = tokenFromPaste(input.value, code);
    if (!token) {
      error.textContent = tr('host.access.bad');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    saveToken('host', code, token);
    retry();
  });
  return h(
    'main',
    { class: 'status-screen', 'data-testid': `access-${reason}` },
    h(
      'div',
      { class: 'status-card access-card' },
      h('div', { class: 'status-top' }, h('span', { class: 'brand' }, tr('app.title')), langSwitch()),
      h('h1', {}, tr('host.access.title')),
      h('p', {}, reason === 'missing' ? tr('host.access.missing', { code }) : tr('host.access.wrong', { code })),
      h('p', { class: 'hint' }, tr('host.access.how')),
      form,
      h('p', {}, h('a', { href: '/host' }, tr('host.access.create'))),
    ),
  );
}
