import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { createPanelStore } from '../../lib/device/panel-store';
import type { PanelSnapshot, PanelStore } from '../../lib/device/panel-store';
import type { Settings } from '../../lib/device/settings';
import { NO_AT_REST } from '../../lib/device/at-rest';
import type { AtRestSource } from '../../lib/device/at-rest';

/** The panel's on-device state: settings and remembered groups, loaded once and saved on change. */
export interface PanelState
  extends PanelSnapshot, Pick<PanelStore, 'saveSettings' | 'saveGroup' | 'removeGroup'> {}

/**
 * Settings and groups of `lib/device/panel-store.ts`, for React; the groups sealed with the
 * notebook's passphrase when it has one (`keys`: the notebook).
 */
export function usePanelState(
  store: KeyValueStore,
  defaults: Settings,
  keys: AtRestSource | null = null,
  /** A panel store made (and loading) before React rendered: the entrypoint's. */
  given: PanelStore | null = null,
): PanelState {
  const panel = useMemo(
    () => given ?? createPanelStore(store, defaults, keys ?? NO_AT_REST),
    [given, store, defaults, keys],
  );
  useEffect(() => {
    void panel.load();
    return panel.watchKeys();
  }, [panel]);
  const snapshot = useSyncExternalStore(panel.subscribe, panel.getSnapshot);
  return useMemo(
    () => ({
      ...snapshot,
      saveSettings: panel.saveSettings,
      saveGroup: panel.saveGroup,
      removeGroup: panel.removeGroup,
    }),
    [snapshot, panel],
  );
}
