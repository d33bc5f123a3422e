// Protocol 2 on the client: the last full view (and its seq) that patches apply to. A patch whose base is not that
// view (one was missed, or the seat moved to another room) is refused, and the caller asks for a full view.
import { applyPatch, type Json, type PatchOp } from '../../../shared/protocol/patch.js';

export class ViewSync {
  private current: { seq: number; view: Json } | null = null;

  /** A full view: the new base. */
  full(seq: number, view: Json): void {
    this.current = { seq, view };
  }

  /** The view after the patch, or null if it does not apply (then ask for a full view with state:sync). */
  patch(base: number, seq: number, ops: readonly PatchOp[]): Json | null {
    if (!this.current || this.current.seq !== base) return null;
    try {
      const view = applyPatch(this.current.view, ops);
      this.current = { seq, view };
      return view;
    } catch {
      this.current = null;
      return null;
    }
  }
}
