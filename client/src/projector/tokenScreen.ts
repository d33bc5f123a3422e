// /projector/CODE without its token (or with a wrong one): say what is wrong and where the right link is, instead
// of waiting for a connection that will never be allowed.
import { h } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { langSwitch } from '../ui/langSwitch.js';

export function tokenScreen(code: string, kind: 'missing' | 'wrong'): HTMLElement {
  return h(
    'main',
    { class: 'status-screen projector-token', 'data-testid': `projector-token-${kind}` },
    h(
      'div',
      { class: 'status-card' },
      h('div', { class: 'status-top' }, h('span', { class: 'brand' }, tr('app.title')), langSwitch()),
      h('h1', {}, tr(kind === 'missing' ? 'projector.token.missing' : 'projector.token.wrong')),
      h('p', {}, tr('projector.token.why')),
      h(
        'ol',
        { class: 'projector-token-steps' },
        h('li', {}, tr('projector.token.step1', { code })),
        h('li', {}, tr('projector.token.step2')),
        h('li', {}, tr('projector.token.step3')),
      ),
      h('p', { class: 'hint' }, tr('projector.token.students', { url: `${location.origin}/join/${code}` })),
    ),
  );
}
