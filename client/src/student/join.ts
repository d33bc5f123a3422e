// The join screen: the code (pre-filled from the link) and a display name.
import { errorText, receivedErrorText } from '../../../shared/i18n/index.js';
import { ApiError, joinSession } from '../net/api.js';
import { newCmdId } from '../net/connection.js';
import { h } from '../ui/dom.js';
import { lang, tr } from '../ui/i18n.js';
import { langSwitch } from '../ui/langSwitch.js';

export function joinScreen(code: string | null, onJoined: (code: string, token: string) => void): HTMLElement {
  const codeInput = h('input', {
    id: 'join-code',
    class: 'code-input',
    name: 'code',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: 12,
    required: true,
    value: code ?? '',
    'data-testid': 'join-code',
  });
  const nameInput = h('input', {
    id: 'join-name',
    name: 'name',
    autocomplete: 'nickname',
    maxlength: 24,
    required: true,
    'data-testid': 'join-name',
  });
  const error = h('p', { class: 'field-error', role: 'alert', 'data-testid': 'join-error' });
  const button = h(
    'button',
    { class: 'primary', type: 'submit', 'data-testid': 'join-submit' },
    tr('student.join.button'),
  );
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'join-code' }, tr('term.joinCode')), codeInput),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'join-name' }, tr('student.join.name')),
      nameInput,
      h('span', { class: 'hint' }, tr('student.join.nameHint')),
    ),
    error,
    button,
  );
  // One join key for this screen: pressing the button again after a lost reply finds the seat already made.
  const joinKey = newCmdId();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const c = codeInput.value.trim().toUpperCase().replace(/[\s-]/g, '');
    const name = nameInput.value.trim();
    if (!c) return void (error.textContent = tr('student.join.needCode'));
    if (!name) return void (error.textContent = errorText(lang(), 'INVALID_NAME'));
    button.disabled = true;
    button.textContent = tr('status.pending');
    joinSession(c, name, joinKey).then(
      (reply) => onJoined(c, reply.seatToken),
      (e: unknown) => {
        button.disabled = false;
        button.textContent = tr('student.join.button');
        error.textContent =
          e instanceof ApiError ? receivedErrorText(lang(), e.code, e.message) : errorText(lang(), 'INTERNAL');
      },
    );
  });
  setTimeout(() => (code ? nameInput : codeInput).focus(), 0);
  return h(
    'main',
    { class: 'join-screen' },
    h(
      'div',
      { class: 'card join-card' },
      h('div', { class: 'row' }, h('h1', { style: 'flex:1' }, tr('app.title')), langSwitch()),
      h('p', { class: 'hint' }, tr('app.tagline')),
      form,
    ),
  );
}
