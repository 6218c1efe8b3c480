import { useCallback, useEffect, useState } from 'react';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { welcomeItem } from '../../lib/device/welcome';

/** The first-run welcome: whether to show it, and putting it away for good on this device. */
export interface Welcome {
  /** Null until the device said (nothing flashes up for a member who put it away). */
  readonly shown: boolean | null;
  readonly dismiss: () => void;
}

export function useWelcome(store: KeyValueStore | null): Welcome {
  const [dismissed, setDismissed] = useState<boolean | null>(store ? null : false);
  useEffect(() => {
    if (!store) return undefined;
    let cancelled = false;
    welcomeItem.read(store).then(
      (read) => {
        if (!cancelled) setDismissed(read.value.dismissed);
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
    if (store) void welcomeItem.write(store, { dismissed: true }).catch(() => false);
  }, [store]);
  return { shown: dismissed === null ? null : !dismissed, dismiss };
}
