// The panel of the current phase: rebuilt when the phase, round, region or world changes (keyed), patched
// otherwise so that a half-filled form survives live updates.
import { keyed, redrawn, type Component } from '../ui/component.js';
import { h } from '../ui/dom.js';
import { lang, tr } from '../ui/i18n.js';
import { briefingCard } from './briefing.js';
import type { StudentCtx } from './context.js';
import { decidePanel } from './decide.js';
import { negotiatePanel } from './negotiate.js';
import { resultsPanel } from './results.js';

export interface PhasePanel extends Component<StudentCtx> {
  /** A tap on a region of the map: opens a proposal to it while negotiating. */
  regionTapped(id: string): void;
}

function notice(testid: string, title: string, text: string): HTMLElement {
  return h('section', { class: 'card', 'data-testid': testid }, h('h2', {}, title), h('p', {}, text));
}

const endedPanel = (): Component<StudentCtx> =>
  redrawn((c) =>
    h('div', { class: 'stack' }, notice('ended', tr('status.ended'), tr('status.endedHint')), resultsPanel(c)),
  );

const lobbyPanel = (): Component<StudentCtx> =>
  redrawn((c) =>
    h('div', { class: 'stack' }, notice('lobby', tr('student.lobby.title'), tr('student.lobby.wait')), briefingCard(c)),
  );

const betweenRoundsPanel = (): Component<StudentCtx> =>
  redrawn((c) => h('div', { class: 'stack' }, briefingCard(c), c.history.length > 0 ? resultsPanel(c) : null));

export function phasePanel(): PhasePanel {
  let proposeTo: ((id: string) => void) | null = null;
  const build = (ctx: StudentCtx): Component<StudentCtx> => {
    proposeTo = null;
    switch (ctx.view.phase) {
      case 'negotiate': {
        const panel = negotiatePanel(ctx);
        proposeTo = (id) => panel.proposeTo(id);
        return panel;
      }
      case 'decide':
        return decidePanel(ctx);
      case 'results':
        return redrawn(resultsPanel);
      case 'ended':
        return endedPanel();
      case 'lobby':
        return lobbyPanel();
      default:
        return betweenRoundsPanel();
    }
  };
  const inner = keyed<StudentCtx>(
    (c) => `${c.view.phase}|${c.view.round}|${c.me}|${c.world.index}|${lang()}`,
    (c) => {
      const part = build(c);
      part.update(c);
      return part;
    },
    h('div', { class: 'panel', 'data-testid': 'panel' }),
  );
  return {
    el: inner.el,
    update: (c) => inner.update(c),
    destroy: () => inner.destroy?.(),
    regionTapped: (id) => proposeTo?.(id),
  };
}
