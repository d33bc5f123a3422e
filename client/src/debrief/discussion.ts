// Discussion prompts: each chart's question, tied to the seed's causes (1-6) and measures (a-d) and the reforms.
import { h } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { CAUSES, MEASURES, QUESTIONS, type Question } from './sections.js';

function tags(q: Question): string {
  const causes = q.causes
    .map((c) => tr('debrief.causeRef', { n: c, name: tr(`debrief.cause.${c}`) }))
    .join(tr('debrief.listSep'));
  const measures = q.measures.map((m) => `(${m})`).join(' ');
  const reforms = q.reforms.map((r) => tr(`reform.${r}`)).join(tr('debrief.listSep'));
  return tr('debrief.q.tags', { causes, measures, reforms });
}

/** The question under a chart section. */
export function questionBlock(q: Question): HTMLElement {
  return h(
    'aside',
    { class: 'dquestion' },
    h('p', {}, h('strong', {}, tr('debrief.q.label')), ' ', tr(`debrief.q.${q.id}`)),
    h('p', { class: 'dquestion-tags' }, tags(q)),
  );
}

/** Every question, numbered, for the report. */
export function questionList(): HTMLElement {
  return h(
    'ol',
    { class: 'dquestion-list' },
    QUESTIONS.map((q) =>
      h('li', {}, h('p', {}, tr(`debrief.q.${q.id}`)), h('p', { class: 'dquestion-tags' }, tags(q))),
    ),
  );
}

/** The seed's causes and measures, as a key for the questions. */
export function seedKey(): HTMLElement {
  return h(
    'div',
    { class: 'dseed' },
    h(
      'div',
      {},
      h('h3', {}, tr('debrief.seed.causes')),
      h(
        'ol',
        {},
        CAUSES.map((c) => h('li', {}, tr(`debrief.cause.${c}.long`))),
      ),
    ),
    h(
      'div',
      {},
      h('h3', {}, tr('debrief.seed.measures')),
      h(
        'ol',
        { type: 'a' },
        MEASURES.map((m) => h('li', {}, tr(`debrief.measure.${m}`))),
      ),
    ),
  );
}
