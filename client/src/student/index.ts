// Student app: join with the code and a name, then play. The seat token is kept on the device so that a refresh,
// a reopened tab or a phone waking from sleep returns to the same seat with the current state.
import { forgetToken, lastStudentCode, loadToken, rememberStudentCode, saveToken } from '../net/storage.js';
import { SessionClient } from '../state/session.js';
import { mount } from '../ui/dom.js';
import { onLangChange, tr } from '../ui/i18n.js';
import { fatalScreen, statusScreen } from '../ui/status.js';
import { mountGame } from './game.js';
import { joinScreen } from './join.js';

export function startStudent(root: HTMLElement, codeFromUrl: string | null): void {
  let stop: (() => void) | null = null;
  let screen: () => void = () => undefined;

  const showJoin = (code: string | null) => {
    screen = () =>
      mount(
        root,
        joinScreen(code, (c, token) => {
          saveToken('seat', c, token);
          play(c, token);
        }),
      );
    screen();
  };

  const play = (code: string, token: string) => {
    rememberStudentCode(code);
    if (location.pathname !== `/join/${code}`) history.replaceState(null, '', `/join/${code}`);
    const client = new SessionClient(code, token);
    let gameMounted = false;
    screen = () => {
      const s = client.store.get();
      if (s.fatal) {
        stop?.();
        stop = null;
        gameMounted = false;
        if (s.fatal === 'UNAUTHORIZED') {
          forgetToken('seat', code);
          showJoin(code);
          return;
        }
        mount(root, fatalScreen(s.fatal, s.fatal === 'NOT_FOUND' ? () => showJoin(null) : undefined));
        return;
      }
      if (!s.view) {
        mount(root, statusScreen(s.status === 'reconnecting' ? 'connecting' : 'loading', tr('status.connecting')));
        return;
      }
      if (!gameMounted) {
        gameMounted = true;
        stop = mountGame(root, client);
      }
    };
    client.store.subscribe((s, prev) => {
      if (s.fatal !== prev.fatal || (s.view !== null) !== (prev.view !== null)) screen();
    });
    screen();
  };

  onLangChange(() => {
    if (!stop) screen();
  });

  const code = codeFromUrl ?? lastStudentCode();
  const token = code ? loadToken('seat', code) : null;
  if (code && token) play(code, token);
  else showJoin(codeFromUrl);
}
