// How students and screens get in: the join code in large type, a QR code big enough to scan from the back of a
// hall, the join link, the projector link and (behind a reveal button) the secret host link for another device.
import { h } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { links } from './consoleModel.js';
import { currentPhoneBase, type PhoneBase } from './network.js';
import { qrCode } from './qr.js';
import { linkRow } from './widgets.js';

/** The code spaced in pairs of three for reading aloud ("ACD EFG"). */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** Why the QR code points elsewhere than this page, and what PUBLIC_URL does (only on a console opened on localhost). */
function phoneNote(base: PhoneBase): HTMLElement | null {
  if (base.note === 'none') return null;
  const other = base.lanUrls.slice(1);
  return h(
    'div',
    { class: `phone-note ${base.note === 'noLan' ? 'bad-note' : ''}`, 'data-testid': 'phone-note', role: 'note' },
    h(
      'p',
      {},
      base.note === 'lan'
        ? tr('host.join.lan', { url: base.base })
        : base.note === 'public'
          ? tr('host.join.public', { url: base.base })
          : tr('host.join.noLan'),
    ),
    other.length > 0 ? h('p', { class: 'hint' }, tr('host.join.otherLan', { urls: other.join(', ') })) : null,
    h('p', { class: 'hint' }, tr('host.join.publicUrl')),
  );
}

export function joinCard(code: string, opts: { large: boolean }): HTMLElement {
  const base = currentPhoneBase();
  const { join } = links(base.base, code, null, null);
  return h(
    'section',
    {
      class: `card join-card-host${opts.large ? ' large' : ''}`,
      'aria-labelledby': 'join-heading',
      'data-testid': 'join-card',
    },
    h('h2', { id: 'join-heading' }, tr('host.join.heading')),
    h(
      'div',
      { class: 'join-layout' },
      h(
        'div',
        { class: 'join-big' },
        h('div', { class: 'hint' }, tr('term.joinCode')),
        h(
          'div',
          { class: 'code', 'data-testid': 'join-code', 'aria-label': code.split('').join(' ') },
          spacedCode(code),
        ),
        h('p', { class: 'join-how' }, tr('host.join.how', { host: new URL(base.base).host })),
      ),
      qrCode(join, tr('host.join.qrLabel', { code })),
    ),
    linkRow(tr('host.join.link'), join, 'join-link'),
    phoneNote(base),
  );
}

export function linksCard(code: string, hostToken: string, projectorToken: string | null): HTMLElement {
  // The projector usually runs on this machine: its link keeps the console's own address.
  const l = links(location.origin, code, hostToken, projectorToken);
  const secret = h('div', { class: 'secret', hidden: true, 'data-testid': 'host-link-box' });
  let shown = false;
  const reveal = h(
    'button',
    { type: 'button', 'aria-expanded': 'false', 'data-fkey': 'reveal-host', 'data-testid': 'reveal-host-link' },
    tr('host.links.reveal'),
  );
  reveal.addEventListener('click', () => {
    shown = !shown;
    reveal.setAttribute('aria-expanded', String(shown));
    reveal.textContent = shown ? tr('host.links.hide') : tr('host.links.reveal');
    secret.hidden = !shown;
    secret.replaceChildren(
      ...(shown && l.host
        ? [
            h('p', { class: 'badge warn' }, '⚠ ', tr('host.links.secretWarn')),
            linkRow(tr('host.links.host'), l.host, 'host-link'),
          ]
        : []),
    );
  });
  return h(
    'section',
    { class: 'card stack', 'aria-labelledby': 'links-heading', 'data-testid': 'links-card' },
    h('h2', { id: 'links-heading' }, tr('host.links.heading')),
    h(
      'div',
      { class: 'stack' },
      h('h3', {}, tr('term.bigScreen')),
      l.projector
        ? h(
            'div',
            {},
            linkRow(tr('host.links.projector'), l.projector, 'projector-link'),
            h('p', { class: 'hint' }, tr('host.links.projectorHint')),
            h(
              'a',
              {
                href: l.projector,
                target: '_blank',
                rel: 'noopener',
                class: 'button',
                'data-testid': 'open-projector',
              },
              tr('host.links.openProjector'),
            ),
          )
        : h('p', { class: 'hint', 'data-testid': 'projector-unknown' }, tr('host.links.projectorUnknown')),
    ),
    h(
      'div',
      { class: 'stack' },
      h('h3', {}, tr('host.links.hostHeading')),
      h('p', { class: 'hint' }, tr('host.links.hostHint')),
      reveal,
      secret,
    ),
  );
}
