// The board component: loads Phaser on demand (its own chunk), creates the game in a container and passes it
// models. Exposes region positions for tests and keyboard users get the same actions in the side panel.
import type { BoardCallbacks, BoardTexts, LabelKind } from './BoardScene.js';
import type { BoardModel } from './model.js';

export interface Board {
  update(model: BoardModel, texts: BoardTexts): void;
  destroy(): void;
}

declare global {
  interface Window {
    /** Board geometry for automated tests: region centres in board coordinates and the board size. */
    __prBoard?: {
      width: number;
      height: number;
      regions: { id: string; x: number; y: number }[];
      /** Names, agreement labels, industry charts and revealed growth as drawn, in board coordinates (none may overlap another). */
      labels: () => {
        kind: LabelKind;
        id: string;
        text: string;
        rect: { x: number; y: number; w: number; h: number };
      }[];
      /** The regions in the order the results reveal shows their growth, with each one's delay (ms). */
      reveal: () => { id: string; delay: number }[];
      animating: () => boolean;
      /** Whether the board has stopped drawing (nothing has changed for a dozen frames; BoardScene.wake). */
      asleep: () => boolean;
    };
  }
}

/** Without WebGL (very old devices) the game stays playable from the side panel; the board says so. */
function noBoard(container: HTMLElement, message: string): Board {
  const note = document.createElement('p');
  note.className = 'board-unavailable';
  note.textContent = message;
  container.replaceChildren(note);
  return { update: () => undefined, destroy: () => note.remove() };
}

export async function createBoard(
  container: HTMLElement,
  callbacks: BoardCallbacks,
  unavailable = 'Map unavailable on this device.',
): Promise<Board> {
  const probe = document.createElement('canvas');
  if (!probe.getContext('webgl2') && !probe.getContext('webgl')) return noBoard(container, unavailable);
  const [Phaser, scene] = await Promise.all([import('phaser-core'), import('./BoardScene.js')]);
  // A narrow container (a phone) gets the narrow board, with fonts that show at 12 px or more at its width.
  const width = container.clientWidth || window.innerWidth;
  const base = width < 700 ? scene.NARROW_LAYOUT : scene.WIDE_LAYOUT;
  const layout = { ...base, minFont: Math.ceil((12 * base.w) / Math.max(1, width)) };
  const board = new scene.BoardScene(layout);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent: container,
    width: layout.w,
    height: layout.h,
    backgroundColor: '#dfe7ee',
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    scene: board,
  });
  game.canvas.setAttribute('role', 'img');
  // The board sleeps while still (BoardScene.wake): whatever may need a new frame wakes it.
  const wake = () => board.wake();
  const onVisible = () => {
    if (document.visibilityState === 'visible') wake();
  };
  window.addEventListener('resize', wake);
  document.addEventListener('visibilitychange', onVisible);
  game.canvas.addEventListener('webglcontextrestored', wake);
  return {
    update(model, texts) {
      board.setModel(model, texts, callbacks);
      game.canvas.setAttribute(
        'aria-label',
        model.regions
          .map((r) => `${r.name}: ${texts.output(r.gdp)}${r.rank === null ? '' : `, ${texts.rank(r.rank)}`}`)
          .join('; '),
      );
      window.__prBoard = {
        width: layout.w,
        height: layout.h,
        regions: model.regions.map((r) => ({ id: r.id, ...scene.regionPoint(r, layout) })),
        labels: () => board.labelRects(),
        reveal: () => board.revealOrder(),
        animating: () => board.animating(),
        asleep: () => !game.loop.running,
      };
    },
    destroy() {
      window.removeEventListener('resize', wake);
      document.removeEventListener('visibilitychange', onVisible);
      game.destroy(true);
    },
  };
}
