// The printable debrief report: a full-page overlay (same page, no route) with the summary by treatment, every
// chart with its discussion question, "Your class against the bots", the timeline of each world, promotions and the
// seed's causes and measures; "Print" calls window.print() and the print styles show only the report.
import { h } from '../ui/dom.js';
import { lang, tr } from '../ui/i18n.js';
import { chartSections } from './charts.js';
import type { DebriefData } from './data.js';
import { questionList, seedKey } from './discussion.js';
import type { Group } from './series.js';
import { summaryTable, timelineTables } from './tables.js';

export interface ReportHandle {
  close(): void;
}

/** Draws "Your class against the bots" (drawn again, by calling `refresh`, while the bots replay the session). */
export type BotsSection = (refresh: () => void) => HTMLElement;

export function openReport(
  data: DebriefData,
  groups: Group[],
  opener: HTMLElement | null,
  bots: BotsSection,
): ReportHandle {
  const titleId = 'debrief-report-title';
  document.getElementById(titleId)?.closest('.debrief-report')?.remove();
  const date = new Date().toLocaleDateString(lang());
  let overlay: HTMLElement | null = null;
  const close = () => {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    document.body.classList.remove('debrief-printing');
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('focusin', onFocus);
    opener?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
  };
  const onFocus = (e: FocusEvent) => {
    if (overlay && e.target instanceof Node && !overlay.contains(e.target)) printBtn.focus();
  };
  const printBtn = h(
    'button',
    { type: 'button', class: 'primary', onclick: () => window.print() },
    tr('debrief.report.print'),
  );
  const botsSlot = h('div', { class: 'report-bots', 'data-testid': 'report-bots' });
  const drawBots = () => {
    if (overlay) botsSlot.replaceChildren(bots(drawBots));
  };
  overlay = h(
    'div',
    { class: 'debrief debrief-report', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId },
    h(
      'div',
      { class: 'debrief-report-bar no-print' },
      printBtn,
      h('button', { type: 'button', onclick: close }, tr('common.close')),
    ),
    h(
      'article',
      { class: 'debrief-report-body' },
      h(
        'div',
        { class: 'report-head' },
        h('h1', { id: titleId }, tr('debrief.report.title')),
        h('p', {}, tr('app.title'), ' · ', data.sources.map((s) => s.label).join(tr('debrief.listSep')), ' · ', date),
        h('p', { class: 'hint' }, tr('debrief.report.intro')),
      ),
      h('section', { class: 'dsection' }, h('h2', {}, tr('debrief.tab.summary')), summaryTable(data)),
      ...chartSections({ data, groups, compact: true, table: 'none', details: false }, 'h2'),
      botsSlot,
      h(
        'section',
        { class: 'dsection report-break' },
        h('h2', {}, tr('debrief.report.timeline')),
        timelineTables(data),
      ),
      h(
        'section',
        { class: 'dsection report-break' },
        h('h2', {}, tr('debrief.report.questions')),
        seedKey(),
        questionList(),
      ),
    ),
  );
  drawBots();
  document.body.append(overlay);
  document.body.classList.add('debrief-printing');
  document.addEventListener('keydown', onKey);
  document.addEventListener('focusin', onFocus);
  printBtn.focus();
  return { close };
}
