// Axis scales and label fitting for the hand-made SVG charts. Pure (no DOM).

export type DomainKind = 'unit' | 'zero' | 'auto';

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
}

/** A [min, max] that contains every value, on round numbers: 0..1 for shares, from 0 for counts, tight otherwise. */
export function yDomain(kind: DomainKind, values: readonly (number | null)[]): [number, number] {
  const vals = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (kind === 'unit') return [0, Math.max(1, ...vals)];
  const hi = vals.length > 0 ? Math.max(...vals) : 1;
  if (kind === 'zero') {
    if (hi <= 0) return [0, 1];
    const step = niceStep(hi, 4);
    return [0, Math.ceil(hi / step - 1e-9) * step];
  }
  const lo = vals.length > 0 ? Math.min(...vals) : 0;
  const top = Math.max(hi, 1);
  const step = niceStep(Math.max(top - lo, 0.02), 4);
  const bottom = Math.max(0, Math.floor(lo / step - 1e-9) * step);
  return [bottom, Math.ceil(top / step - 1e-9) * step];
}

/** About `count` round-numbered ticks from min to max inclusive. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return [min];
  const step = niceStep(max - min, count);
  const out: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-6; v += step)
    out.push(Math.round(v / step) * step + 0);
  return out;
}

/** Round numbers to label on the x axis: every round when they fit, else every 2nd, 5th, ... */
export function roundTicks(maxRound: number, room: number): number[] {
  const every = [1, 2, 5, 10, 20].find((e) => maxRound / e <= room) ?? Math.ceil(maxRound / room);
  const out: number[] = [];
  for (let r = 1; r <= maxRound; r++) if (r === 1 || r % every === 0) out.push(r);
  return out;
}

/** An estimate of a text's width: CJK characters are about 1 em, others about 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return w * fontSize;
}

/** The text cut with an ellipsis to fit a width. */
export function fitText(text: string, fontSize: number, width: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, fontSize) > width) break;
    out += ch;
  }
  return out ? `${out}…` : '';
}

/** Spreads label positions (sorted by y) so that no two are closer than `gap`, within [top, bottom]. */
export function spreadLabels(ys: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => o.y);
  for (let k = 0; k < placed.length; k++) {
    placed[k] = Math.max(placed[k] as number, top, k > 0 ? (placed[k - 1] as number) + gap : top);
  }
  for (let k = placed.length - 1; k >= 0; k--) {
    placed[k] = Math.min(placed[k] as number, bottom, k < placed.length - 1 ? (placed[k + 1] as number) - gap : bottom);
  }
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = placed[k] as number));
  return out;
}

/**
 * Items written one after another on at most `maxLines` lines of `width` px (an item too long for a line is cut
 * with an ellipsis); null when they need more lines.
 */
export function wrapList(
  items: readonly string[],
  sep: string,
  fontSize: number,
  width: number,
  maxLines: number,
): string[] | null {
  const lines: string[] = [];
  let line = '';
  for (const [i, item] of items.entries()) {
    const piece = i < items.length - 1 ? `${item}${sep.trimEnd()}` : item;
    const joined = line ? `${line}${sep.startsWith(' ') || sep.endsWith(' ') ? ' ' : ''}${piece}` : piece;
    if (textWidth(joined, fontSize) <= width) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = fitText(piece, fontSize, width);
    if (!line) return null;
  }
  if (line) lines.push(line);
  return lines.length <= maxLines ? lines : null;
}
