/**
 * A value that React reads through `useSyncExternalStore`: the current snapshot, listeners told
 * after every change, and `same` deciding what counts as no change (then the old snapshot stays,
 * so nothing re-renders). The device stores (panel, history, drafts) each hold one.
 */
export interface ObservableValue<T> {
  get(): T;
  set(next: T): void;
  /** Calls `listener` after every change; returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export function observableValue<T>(
  initial: T,
  same: (a: T, b: T) => boolean = Object.is,
): ObservableValue<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      if (same(value, next)) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
