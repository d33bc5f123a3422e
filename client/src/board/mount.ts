// Mounting the map board in a screen: one element that loads the board on first use and passes it every new
// model with the texts of the current language. The student and projector screens both use it.
import { lang, num, pct, tr } from '../ui/i18n.js';
import { createBoard, type Board } from './board.js';
import type { BoardCallbacks, BoardTexts } from './BoardScene.js';
import type { BoardModel } from './model.js';

/** A sector's initial under its capacity bar, in the current language. */
export function sectorInitial(name: { en: string; zh: string }): string {
  return lang() === 'zh-CN' ? name.zh.slice(0, 1) : name.en.slice(0, 1).toUpperCase();
}

/** The board's words in the current language; `you` is empty on screens that belong to nobody (the projector). */
export function boardTexts(forStudent: boolean): BoardTexts {
  return {
    you: forStudent ? tr('common.you') : '',
    bot: tr('common.bot'),
    rank: (n) => tr('student.board.rank', { n }),
    output: (g) => num(g, 1),
    growth: (g) => pct(g),
    linkLabel: (s) => (s ? tr(`student.link.${s}`) : ''),
    shock: (e) => tr(`student.shock.${e < 0 ? 'miss' : e > 0 ? 'beat' : 'meet'}`),
    inspected: (caught) => tr(caught ? 'student.board.inspectedCaught' : 'student.board.inspectedClean'),
    brokenBy: (names) => tr('student.board.brokenBy', { names }),
    submitted: tr('student.board.decided'),
    sectorInitial,
  };
}

export interface MountedBoard {
  /** The container the board draws into (give it a size in CSS). */
  readonly el: HTMLElement;
  /** Shows this model; the first call loads the board, later calls before it is ready keep only the newest. */
  update(model: BoardModel): void;
  destroy(): void;
}

export function mountBoard(callbacks: BoardCallbacks, opts: { forStudent: boolean; el?: HTMLElement }): MountedBoard {
  const el = opts.el ?? document.createElement('div');
  let board: Board | null = null;
  let loading = false;
  let latest: BoardModel | null = null;
  let destroyed = false;
  /** What the board was last given (model and language): the same again is not drawn again. */
  let drawn = '';
  const draw = (b: Board, model: BoardModel) => {
    // A screen updates on every view and every few seconds; a draw rebuilds the texts and wakes the board for a
    // dozen frames, which on a projector's software WebGL delayed the next phase's first frame (issue 10).
    const sig = `${lang()}\u0000${JSON.stringify(model)}`;
    if (sig === drawn) return;
    drawn = sig;
    b.update(model, boardTexts(opts.forStudent));
  };
  return {
    el,
    update(model) {
      latest = model;
      if (board) return draw(board, model);
      if (loading) return;
      loading = true;
      void createBoard(el, callbacks, tr('student.board.unavailable')).then((b) => {
        if (destroyed) return b.destroy();
        board = b;
        if (latest) draw(b, latest);
      });
    },
    destroy() {
      destroyed = true;
      board?.destroy();
      board = null;
    },
  };
}
