// The join QR code as an inline SVG (uqr renders it; the markup is parsed as SVG, never inserted as HTML).
import { renderSVG } from 'uqr';

export function qrCode(url: string, label: string): HTMLElement {
  const markup = renderSVG(url, { ecc: 'M', border: 2, pixelSize: 10 });
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const svg = document.importNode(doc.documentElement, true);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('focusable', 'false');
  // Crisp modules when the code is scaled up for the back of a lecture hall.
  svg.setAttribute('shape-rendering', 'crispEdges');
  const wrap = document.createElement('div');
  wrap.className = 'qr';
  wrap.dataset['testid'] = 'qr';
  wrap.append(svg);
  return wrap;
}
