import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { createPanelStore } from '../../lib/device/panel-store';
import type { PanelSnapshot, PanelStore } from '../../lib/device/panel-store';
import type { Settings } from '../../lib/device/settings';

/** The panel's on-device state: settings and remembered groups, loaded once and saved on change. */
export interface PanelState
  extends PanelSnapshot, Pick<PanelStore, 'saveSettings' | 'saveGroup' | 'removeGroup'> {}

/** Settings and groups of `lib/device/panel-store.ts`, for React. */
export function usePanelState(store: KeyValueStore, defaults: Settings): PanelState {
  const panel = useMemo(() => createPanelStore(store, defaults), [store, defaults]);
  useEffect(() => {
    void panel.load();
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
