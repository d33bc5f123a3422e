// Display names for regions and sectors in the current language (from the map data, with catalogue fallbacks).
import type { MapDef } from '../../../shared/model/maps.js';
import { hasText, lang, tr } from './i18n.js';

export function regionName(map: MapDef, id: string): string {
  const r = map.regions.find((x) => x.id === id);
  if (!r) return id;
  return lang() === 'zh-CN' ? r.name.zh : r.name.en;
}

export function sectorName(map: MapDef, id: string): string {
  const s = map.sectors.find((x) => x.id === id);
  const key = `sector.${id}`;
  if (!s) return hasText(key) ? tr(key) : id;
  return lang() === 'zh-CN' ? s.name.zh : s.name.en;
}

export function strengthOf(map: MapDef, regionId: string): string {
  const r = map.regions.find((x) => x.id === regionId);
  if (!r) return '';
  let best = map.sectors[0]?.id ?? '';
  for (const s of map.sectors) if ((r.a[s.id] ?? 1) > (r.a[best] ?? 1)) best = s.id;
  return best;
}

export function hotSector(map: MapDef): string {
  let best = map.sectors[0];
  for (const s of map.sectors) if (best && s.m > best.m) best = s;
  return best?.id ?? '';
}
