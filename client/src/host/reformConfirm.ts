// What switching reforms will do, said before it is done: which groups, from which round, each reform on or off,
// and (once the game runs) that the change ends the current term, so the region leading it in each world is
// promoted. After the server accepts it, the same plan says what was applied.
import type { Treatment } from '../../../shared/model/ids.js';
import type { SessionView } from '../../../shared/model/session/view.js';
import { tr } from '../ui/i18n.js';
import { worldLabel } from '../ui/labels.js';
import type { Switchable } from './configForm.js';
import { armStatuses, sameSet, switchableOf } from './consoleModel.js';
import type { ConfirmOptions } from './widgets.js';
import { regionLabel } from './worldsPanel.js';

export interface ReformChange {
  /** The groups (arms) it applies to, by name. */
  groups: string[];
  /** The first round under the new rules. */
  fromRound: number;
  on: Switchable[];
  off: Switchable[];
  /** For each world whose term ends: the region that leads the term now (promoted at the change). */
  promoted: { world: number; region: string }[];
}

export function reformChange(view: SessionView, scope: number | null, draft: readonly Switchable[]): ReformChange {
  const arms = armStatuses(view).filter((a) => scope === null || a.arm === scope);
  const fromRound = view.phase === 'lobby' ? 1 : view.round + 1;
  const first = arms[0];
  const now = switchableOf(first?.now ?? []);
  const running = view.phase !== 'lobby' && view.round > 0;
  const promoted: ReformChange['promoted'] = [];
  if (running) {
    for (const a of arms) {
      if (sameSet(switchableOf(a.now), [...draft])) continue;
      for (const w of a.worlds) {
        const leader = view.worlds.find((x) => x.index === w)?.regions.find((r) => r.rank === 1);
        if (leader) promoted.push({ world: w, region: regionLabel(view, w, leader.id) });
      }
    }
  }
  return {
    groups: arms.map((a) => a.name),
    fromRound,
    on: draft.filter((t) => !now.includes(t)),
    off: now.filter((t) => !draft.includes(t)),
    promoted,
  };
}

const names = (list: readonly Treatment[]) => list.map((t) => tr(`reform.${t}`)).join(', ');

function changeLines(c: ReformChange): string {
  const parts: string[] = [];
  if (c.on.length > 0) parts.push(tr('host.reformConfirm.on', { list: names(c.on) }));
  if (c.off.length > 0) parts.push(tr('host.reformConfirm.off', { list: names(c.off) }));
  if (parts.length === 0) parts.push(tr('host.reformConfirm.same'));
  return parts.join(' ');
}

export function reformQuestion(view: SessionView, c: ReformChange): ConfirmOptions {
  const multi = view.worldCount > 1;
  const promoted = c.promoted.map((p) => (multi ? `${worldLabel(p.world)}: ${p.region}` : p.region)).join('; ');
  return {
    title: tr('host.reformConfirm.title', { n: c.fromRound }),
    body: [
      tr('host.reformConfirm.groups', { groups: c.groups.join(', ') }),
      changeLines(c),
      c.promoted.length > 0 ? tr('host.reformConfirm.termEnds', { round: c.fromRound - 1, promoted }) : '',
    ]
      .filter(Boolean)
      .join(' '),
    confirm: tr('host.reforms.apply'),
  };
}

export function appliedText(c: ReformChange): string {
  return tr('host.reformConfirm.applied', { n: c.fromRound, change: changeLines(c), groups: c.groups.join(', ') });
}
