// Words and numbers of the debrief in the current language: values by format, region, group and period labels.
import { sortTreatments, type Treatment } from '../../../shared/model/ids.js';
import type { MapDef } from '../../../shared/model/maps.js';
import { hasText, lang, num, pct, signed, tr, trCount } from '../ui/i18n.js';
import { worldLabel } from '../ui/labels.js';
import type { DebriefData } from './data.js';
import type { Band, Format, Group } from './series.js';

export function fmt(format: Format, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  switch (format) {
    case 'pct':
      return pct(v, 1);
    case 'count':
      return num(v, Number.isInteger(v) ? 0 : 1);
    case 'num':
      return num(v, 1);
    case 'ratio':
      return num(v, 2);
  }
}

/** Short form for axis ticks. */
export function fmtTick(format: Format, v: number): string {
  if (format === 'pct') return pct(v, 0);
  if (format === 'ratio') return num(v, Math.abs(v) < 10 && !Number.isInteger(v * 10) ? 2 : 1);
  return num(v, Number.isInteger(v) ? 0 : 1);
}

/** A change between two periods: percentage points for shares. */
export function fmtDelta(format: Format, d: number | null): string {
  if (d === null || !Number.isFinite(d)) return '';
  const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits + 0;
  if (format === 'pct') return tr('debrief.unit.pp', { value: signed(round(d * 100, 1), 1) });
  const digits = format === 'ratio' ? 2 : 1;
  return signed(round(d, digits), digits);
}

export function regionName(map: MapDef | undefined, id: string): string {
  const r = map?.regions.find((x) => x.id === id);
  if (!r) return id;
  return lang() === 'zh-CN' ? r.name.zh : r.name.en;
}

export function sectorName(map: MapDef | undefined, id: string): string {
  const s = map?.sectors.find((x) => x.id === id);
  const key = `sector.${id}`;
  if (!s) return hasText(key) ? tr(key) : id;
  return lang() === 'zh-CN' ? s.name.zh : s.name.en;
}

/** A reform's name for narrow places ("Pilots", "Sharing"). */
export function reformShort(t: Treatment): string {
  return tr(`debrief.reformShort.${t}`);
}

/** "Baseline rules" or the reforms' short names, e.g. "Pilots, Market-led investment, Sharing". */
export function treatmentsShort(list: readonly Treatment[] | null): string {
  if (!list) return '–';
  return list.length === 0 ? tr('reform.baseline') : sortTreatments(list).map(reformShort).join(tr('debrief.listSep'));
}

/** Full reform names, e.g. "Pilots and fault tolerance, Scientific evaluation". */
export function treatmentsLong(list: readonly Treatment[] | null): string {
  if (!list) return '–';
  return list.length === 0
    ? tr('reform.baseline')
    : sortTreatments(list)
        .map((t) => tr(`reform.${t}`))
        .join(tr('debrief.listSep'));
}

/** "6 reforms": a period too narrow for the names. */
export function reformCount(list: readonly Treatment[]): string {
  return list.length === 0 ? tr('reform.baseline') : trCount('debrief.reformCount', list.length);
}

/** A period's reforms in full words (or "differs by line"). */
export function periodName(b: Pick<Band, 'label' | 'treatments'>): string {
  return b.label === 'mixed' ? tr('debrief.period.mixed') : treatmentsLong(b.treatments);
}

export function roundsRange(from: number, to: number): string {
  return from === to ? tr('debrief.roundN', { n: from }) : tr('debrief.roundsRange', { from, to });
}

export function sourceLabel(data: DebriefData, source: number): string {
  return data.sources[source]?.label ?? '';
}

/** The full name of a chart line: source (when several), world or arm with its number of worlds. */
export function groupLabel(data: DebriefData, g: Group): string {
  const parts: string[] = [];
  if (data.sources.length > 1) parts.push(sourceLabel(data, g.source));
  const arms = new Set(data.sources[g.source]?.worlds.map((w) => w.arm)).size;
  if (g.world !== null) parts.push(arms > 1 ? `${worldLabel(g.world)} · ${g.armName}` : worldLabel(g.world));
  else
    parts.push(
      `${g.armName} (${g.worlds.length === 1 ? tr('debrief.nWorlds.one') : tr('debrief.nWorlds', { n: g.worlds.length })})`,
    );
  return parts.join(' · ');
}

/** A short name for direct labels on a line. */
export function groupShort(data: DebriefData, g: Group): string {
  const prefix = data.sources.length > 1 ? tr('debrief.short.source', { n: g.source + 1 }) : '';
  const own = g.world !== null ? tr('debrief.short.world', { n: g.world + 1 }) : g.armName;
  return prefix ? `${prefix}·${own}` : own;
}
