// The console at /host/:code: takes the host token from the link (#token) or this device, connects, and shows
// loading, connecting, a missing or wrong host link, an unknown session, or the console itself. An ended session
// keeps its console for the debrief and downloads.
import { forgetToken, takeTokenFromHash } from '../net/storage.js';
import { SessionClient } from '../state/session.js';
import { mount } from '../ui/dom.js';
import { onLangChange, tr } from '../ui/i18n.js';
import { fatalScreen, statusScreen } from '../ui/status.js';
import { accessScreen } from './accessScreen.js';
import { mountConsole } from './consoleFrame.js';

export function startConsole(root: HTMLElement, code: string): void {
  let client: SessionClient | null = null;
  let teardown: (() => void) | null = null;
  let screen: () => void = () => undefined;

  const open = () => {
    teardown?.();
    teardown = null;
    client?.close();
    client = null;
    const token = takeTokenFromHash('host', code);
    if (!token) {
      screen = () => mount(root, accessScreen(code, 'missing', open));
      screen();
      return;
    }
    const c = new SessionClient(code, token);
    client = c;
    screen = () => {
      if (client !== c) return;
      const s = c.store.get();
      if (s.fatal) {
        teardown?.();
        teardown = null;
        if (s.fatal === 'UNAUTHORIZED') {
          forgetToken('host', code);
          mount(root, accessScreen(code, 'wrong', open));
        } else if (s.fatal === 'NOT_FOUND') {
          mount(
            root,
            statusScreen('notFound', code, { label: tr('host.access.create'), run: () => location.assign('/host') }),
          );
        } else {
          mount(root, fatalScreen(s.fatal, open));
        }
        return;
      }
      if (!s.view) {
        mount(root, statusScreen(s.status === 'reconnecting' ? 'connecting' : 'loading', tr('status.connecting')));
        return;
      }
      if (!teardown) {
        teardown = mountConsole(root, {
          client: c,
          code,
          token,
          view: () => {
            const view = c.store.get().view;
            if (!view) throw new Error('no view');
            return view;
          },
        });
      }
    };
    c.store.subscribe((s, prev) => {
      if (s.fatal !== prev.fatal || (s.view !== null) !== (prev.view !== null) || (!s.view && s.status !== prev.status))
        screen();
    });
    screen();
  };

  onLangChange(() => {
    // The console follows the language by itself; the other screens are drawn again.
    if (!teardown) screen();
  });
  open();
}
