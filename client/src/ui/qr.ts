// A QR code as an SVG element (large and high-contrast, scannable from the back of a lecture hall).
import { renderSVG } from 'uqr';

export function qrElement(text: string, label: string): HTMLElement {
  const doc = new DOMParser().parseFromString(renderSVG(text, { ecc: 'M', border: 2 }), 'image/svg+xml');
  const svg = doc.documentElement;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const wrap = document.createElement('div');
  wrap.className = 'qr';
  wrap.append(document.importNode(svg, true));
  return wrap;
}
