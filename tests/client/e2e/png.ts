// A minimal PNG reader for screenshot checks: decodes 8-bit RGB/RGBA (what Chromium writes) and says whether the
// image holds real content (enough distinct colours, not one colour with a few stray pixels).
import { inflateSync } from 'node:zlib';

export interface PngStats {
  width: number;
  height: number;
  bytes: number;
  /** Distinct colours among the pixels (counted exactly, RGB). */
  colours: number;
  /** Share of the pixels that have the most common colour. */
  dominantShare: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function pngStats(png: Buffer): PngStats {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      const colourType = data[9];
      const interlace = data[12];
      if (depth !== 8 || interlace !== 0 || (colourType !== 2 && colourType !== 6))
        throw new Error(`unsupported PNG (depth ${depth}, colour type ${colourType}, interlace ${interlace})`);
      channels = colourType === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const prev = new Uint8Array(stride);
  const line = new Uint8Array(stride);
  const counts = new Map<number, number>();
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1);
    const filter = raw[start] ?? 0;
    for (let x = 0; x < stride; x++) {
      const v = raw[start + 1 + x] ?? 0;
      const a = x >= channels ? (line[x - channels] ?? 0) : 0;
      const b = prev[x] ?? 0;
      const c = x >= channels ? (prev[x - channels] ?? 0) : 0;
      const predictor =
        filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : 0;
      line[x] = (v + predictor) & 0xff;
    }
    for (let x = 0; x < stride; x += channels) {
      const rgb = ((line[x] ?? 0) << 16) | ((line[x + 1] ?? 0) << 8) | (line[x + 2] ?? 0);
      counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
    }
    prev.set(line);
  }
  let dominant = 0;
  for (const n of counts.values()) dominant = Math.max(dominant, n);
  return {
    width,
    height,
    bytes: png.length,
    colours: counts.size,
    dominantShare: dominant / Math.max(1, width * height),
  };
}

/** Why a screenshot looks blank, or null when it has real content. */
export function blankReason(s: PngStats): string | null {
  if (s.bytes < 4000) return `only ${s.bytes} bytes`;
  if (s.colours < 16) return `only ${s.colours} distinct colours`;
  if (s.dominantShare > 0.985) return `${(s.dominantShare * 100).toFixed(1)}% of the pixels are one colour`;
  return null;
}
