import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { seriesItem } from '../../lib/device/series';

/**
 * A group's series length on this device (lib/device/series.ts) and a way to change it; null
 * while it has none. The stored value is read once per group.
 */
export function useSeriesLength(
  store: KeyValueStore,
  groupId: string,
): readonly [number | null, (length: number | null) => Promise<boolean>] {
  const item = useMemo(() => seriesItem(groupId), [groupId]);
  const [length, setLength] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void item.read(store).then((read) => {
      if (live) setLength(read.value);
    });
    return () => {
      live = false;
    };
  }, [item, store]);
  const save = useCallback(
    async (next: number | null) => {
      const written = await item.write(store, next);
      if (written) setLength(next);
      return written;
    },
    [item, store],
  );
  return [length, save] as const;
}
