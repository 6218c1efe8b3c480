import { useCallback, useEffect, useMemo, useState } from 'react';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { decodeGroups, forgetGroup, rememberGroup } from '../../lib/device/groups';
import type { RememberedGroup } from '../../lib/device/groups';
import { decodeSettings } from '../../lib/device/settings';
import type { Settings } from '../../lib/device/settings';

const GROUPS_KEY = 'groups';
const SETTINGS_KEY = 'settings';

/** The panel's on-device state: settings and remembered groups, loaded once and saved on change. */
export interface PanelState {
  readonly loaded: boolean;
  readonly settings: Settings;
  readonly groups: readonly RememberedGroup[];
  saveSettings(settings: Settings): Promise<void>;
  saveGroup(group: RememberedGroup): Promise<void>;
  removeGroup(groupId: string): Promise<void>;
}

/** Loads and saves settings and groups through the given store. */
export function usePanelState(store: KeyValueStore, defaults: Settings): PanelState {
  const [loaded, setLoaded] = useState(false);
  const [settings, setSettings] = useState<Settings>(defaults);
  const [groups, setGroups] = useState<readonly RememberedGroup[]>([]);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([store.get(SETTINGS_KEY), store.get(GROUPS_KEY)]).then(
      ([rawSettings, rawGroups]) => {
        if (cancelled) return;
        setSettings(decodeSettings(rawSettings, defaults));
        setGroups(decodeGroups(rawGroups));
        setLoaded(true);
      },
      () => {
        if (!cancelled) setLoaded(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [store, defaults]);

  const saveSettings = useCallback(
    async (next: Settings) => {
      setSettings(next);
      await store.set(SETTINGS_KEY, next);
    },
    [store],
  );

  const saveGroup = useCallback(
    async (group: RememberedGroup) => {
      // Read-modify-write against the store, so that two panels do not drop each other's groups.
      const next = rememberGroup(decodeGroups(await store.get(GROUPS_KEY)), group);
      setGroups(next);
      await store.set(GROUPS_KEY, next);
    },
    [store],
  );

  const removeGroup = useCallback(
    async (groupId: string) => {
      const next = forgetGroup(decodeGroups(await store.get(GROUPS_KEY)), groupId);
      setGroups(next);
      await store.set(GROUPS_KEY, next);
    },
    [store],
  );

  return useMemo(
    () => ({ loaded, settings, groups, saveSettings, saveGroup, removeGroup }),
    [loaded, settings, groups, saveSettings, saveGroup, removeGroup],
  );
}
