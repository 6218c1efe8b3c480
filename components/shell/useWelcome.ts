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

/** Whether the welcome was put away: as this page knows it, else read (and remembered). */
function dismissedIn(store: KeyValueStore): Promise<boolean> {
  const had = known.get(store);
  if (had !== undefined) return Promise.resolve(had);
  return welcomeItem.read(store).then((read) => {
    if (!known.has(store)) known.set(store, read.value.dismissed);
    return read.value.dismissed;
  });
}

/** Reads whether the welcome was put away, for the home screen's first render. Never rejects. */
export async function readWelcome(store: KeyValueStore): Promise<void> {
  const dismissed = await dismissedIn(store).catch(() => false);
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
    dismissedIn(store).then(
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
