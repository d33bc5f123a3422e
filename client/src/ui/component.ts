// The one pattern every screen is built from: a component owns an element and is told about every new context
// (the latest view, language and clock). It decides itself whether to patch in place or rebuild, so a half-filled
// form survives live updates. Screens compose components; they never reach into each other.

/** A piece of a screen: its root element, and what to do when the context changes. */
export interface Component<C> {
  readonly el: HTMLElement;
  update(ctx: C): void;
  /** Frees timers, listeners and boards; called when the component leaves the screen. */
  destroy?(): void;
}

/**
 * A component rebuilt from scratch whenever `key(ctx)` changes (a new phase, round or language) and patched
 * with `patch` otherwise. Use it for panels whose structure follows the phase.
 */
export function keyed<C>(
  key: (ctx: C) => string,
  build: (ctx: C) => Component<C>,
  host: HTMLElement = document.createElement('div'),
): Component<C> {
  let current: Component<C> | null = null;
  let currentKey: string | null = null;
  return {
    el: host,
    update(ctx) {
      const k = key(ctx);
      if (current && k === currentKey) {
        current.update(ctx);
        return;
      }
      current?.destroy?.();
      current = build(ctx);
      currentKey = k;
      host.replaceChildren(current.el);
    },
    destroy() {
      current?.destroy?.();
      current = null;
      currentKey = null;
    },
  };
}

/** A component drawn afresh from the context on every update (for read-only panels without inputs). */
export function redrawn<C>(
  draw: (ctx: C) => Node | null,
  host: HTMLElement = document.createElement('div'),
): Component<C> {
  return {
    el: host,
    update(ctx) {
      const node = draw(ctx);
      if (node) host.replaceChildren(node);
      else host.replaceChildren();
    },
  };
}
