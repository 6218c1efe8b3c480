import { useCallback, useEffect, useState } from 'react';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { welcomeItem } from '../../lib/device/welcome';

/** The first-run welcome: whether to show it, and putting it away for good on this device. */
export interface Welcome {
  /** Null until the device said (nothing flashes up for a member who put it away). */
  readonly shown: boolean | null;
  readonly dismiss: () => void;
}

/**
 * What this page knows of a store's welcome: read before the first render (`readWelcome`, the
 * entrypoint's) and kept up to date on dismissal, so that the home screen shows the welcome in
 * its first frame instead of pushing it in a few frames later, also when it mounts again.
 */
const known = new WeakMap<KeyValueStore, boolean>();

/** Reads whether the welcome was put away, for the home screen's first render. Never rejects. */
export async function readWelcome(store: KeyValueStore): Promise<void> {
  const dismissed = await welcomeItem.read(store).then(
    (read) => read.value.dismissed,
    () => false,
  );
  if (!known.has(store)) known.set(store, dismissed);
}

export function useWelcome(store: KeyValueStore | null): Welcome {
  const [dismissed, setDismissed] = useState<boolean | null>(() =>
    store ? (known.get(store) ?? null) : false,
  );
  useEffect(() => {
    if (!store) return undefined;
    let cancelled = false;
    // Read before this mounted (or while it did): the same answer, nothing to ask the store.
    const had = known.get(store);
    const read =
      had !== undefined
        ? Promise.resolve(had)
        : welcomeItem.read(store).then((r) => {
            if (!known.has(store)) known.set(store, r.value.dismissed);
            return r.value.dismissed;
          });
    read.then(
      (value) => {
        if (!cancelled) setDismissed(value);
      },
      () => {
        if (!cancelled) setDismissed(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [store]);
  const dismiss = useCallback(() => {
    setDismissed(true);
    if (!store) return;
    known.set(store, true);
    void welcomeItem.write(store, { dismissed: true }).catch(() => false);
  }, [store]);
  return { shown: dismissed === null ? null : !dismissed, dismiss };
}
