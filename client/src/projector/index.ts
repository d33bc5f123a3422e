// Projector app entry (/projector/:code#token).
import { mount } from '../ui/dom.js';
import { statusScreen } from '../ui/status.js';

export function startProjector(root: HTMLElement, code: string): void {
  mount(root, statusScreen('loading', code));
}
