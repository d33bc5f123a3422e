// The decide panel's preview: the expected figures of the draft, with the uncertainty and the inspection odds named.
import { flagsOf } from '../../../shared/model/ids.js';
import type { Decision } from '../../../shared/model/state.js';
import { h } from '../ui/dom.js';
import { num, pct, signed, tr } from '../ui/i18n.js';
import { treatmentsNow, type StudentCtx } from './context.js';
import { myAgreements } from './decideSafety.js';
import { decisionPreview } from './forecast.js';

function figures(ctx: StudentCtx, draft: Decision): HTMLElement {
  const mine = decisionPreview(ctx.view, ctx.world, ctx.me, draft)?.[ctx.me];
  if (!mine) return h('p', { class: 'hint' }, tr('student.effect.unknown'));
  return h(
    'dl',
    { class: 'kv' },
    h('dt', {}, tr('term.output')),
    h('dd', { 'data-testid': 'preview-gdp' }, num(mine.gdp, 2)),
    h('dt', {}, tr('term.growth')),
    h('dd', {}, pct(mine.g)),
    h('dt', {}, tr('term.tax')),
    h('dd', {}, num(mine.tax, 2)),
    h('dt', {}, tr('term.budgetGrowth')),
    h('dd', {}, pct(mine.fiscalGrowth)),
    h('dt', {}, tr('student.preview.score')),
    h('dd', {}, signed(mine.score)),
    h('dt', {}, tr('student.preview.career')),
    h('dd', {}, signed(mine.career)),
  );
}

function uncertainty(ctx: StudentCtx): HTMLElement | null {
  if (!myAgreements(ctx).some((a) => a.type === 'project')) return null;
  const { shock, sigma } = ctx.view.config.params.project;
  return h(
    'p',
    { class: 'hint', 'data-testid': 'uncertainty' },
    tr('student.preview.shock', {
      miss: pct(shock.find((s) => s.epsilon < 0)?.p ?? 0, 0),
      meet: pct(shock.find((s) => s.epsilon === 0)?.p ?? 0, 0),
      beat: pct(shock.find((s) => s.epsilon > 0)?.p ?? 0, 0),
      size: pct(sigma, 0),
    }),
  );
}

export function previewContent(ctx: StudentCtx, draft: Decision): (HTMLElement | null)[] {
  const params = ctx.view.config.params;
  const enf = flagsOf(treatmentsNow(ctx)).E ? params.enforcementE : params.enforcement;
  return [
    h('h3', {}, tr('student.preview.title')),
    figures(ctx, draft),
    h('p', { class: 'hint' }, tr('student.preview.assumes')),
    uncertainty(ctx),
    h('p', { class: 'hint' }, tr('student.preview.audit', { p: pct(enf.audit, 0), fine: pct(enf.fineShare, 0) })),
  ];
}
