// Routes to one of the three apps (student, host, projector) or the offline debrief. Each loads on demand, so a
// student's phone downloads only what the student screens need (Phaser comes with the board).
import { lang, onLangChange } from './ui/i18n.js';
import { statusScreen } from './ui/status.js';
import { mount } from './ui/dom.js';

const root = document.getElementById('app') as HTMLElement;
document.documentElement.lang = lang();

const path = location.pathname.replace(/\/+$/, '') || '/';
const codeFrom = (re: RegExp) => re.exec(path)?.[1]?.toUpperCase() ?? null;

async function start(): Promise<void> {
  mount(root, statusScreen('loading'));
  if (/^\/host(\/|$)/.test(path)) {
    const { startHost } = await import('./host/index.js');
    startHost(root, codeFrom(/^\/host\/([A-Za-z0-9]+)/));
  } else if (/^\/projector\//.test(path)) {
    const { startProjector } = await import('./projector/index.js');
    startProjector(root, codeFrom(/^\/projector\/([A-Za-z0-9]+)/) ?? '');
  } else if (/^\/debrief(\/|$)/.test(path)) {
    const { startDebrief } = await import('./debrief/index.js');
    startDebrief(root);
  } else {
    const { startStudent } = await import('./student/index.js');
    startStudent(root, codeFrom(/^\/join\/([A-Za-z0-9]+)/));
  }
}

onLangChange(() => {
  document.documentElement.lang = lang();
});

start().catch((e: unknown) => {
  mount(root, statusScreen('error', e instanceof Error ? e.message : String(e)));
});
