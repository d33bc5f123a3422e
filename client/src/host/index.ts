// Host app entry: the create screen at /host, the console at /host/:code (host token in the URL fragment).
import './texts.js';
import './host.css';
import { startConsole } from './consoleApp.js';
import { startCreate } from './createScreen.js';

export function startHost(root: HTMLElement, code: string | null): void {
  if (code === null) void startCreate(root);
  else startConsole(root, code);
}
