// The words the board draws, given by the screen that mounts it (from the i18n catalogue), so the board itself holds
// no UI string.
import type { BoardLink } from './model.js';

export interface BoardTexts {
  you: string;
  bot: string;
  rank: (n: number) => string;
  output: (gdp: number) => string;
  growth: (g: number) => string;
  linkLabel: (state: BoardLink['state']) => string;
  shock: (eps: number) => string;
  /** What an inspection found: the breach caught, or the agreement kept. */
  inspected: (caught: boolean) => string;
  brokenBy: (names: string) => string;
  submitted: string;
  /** A sector's initial under its capacity bar. */
  sectorInitial: (name: { en: string; zh: string }) => string;
}

/** What the board draws besides shapes, for tests: none may overlap another. */
export type LabelKind = 'name' | 'link' | 'economy' | 'growth';
