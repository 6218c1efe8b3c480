import { observableValue } from '../util/observable-value';
import type { KeyValueStore } from './key-value-store';
import { forgetGroup, groupsItem, rememberGroup } from './groups';
import type { RememberedGroup } from './groups';
import { settingsItem } from './settings';
import type { Settings } from './settings';
import { serialQueue } from './serial-queue';

/** What the panel shows of its on-device state. */
export interface PanelSnapshot {
  /** False until the first read from the store finished (or failed). */
  readonly loaded: boolean;
  readonly settings: Settings;
  readonly groups: readonly RememberedGroup[];
}

/**
 * The panel's settings and remembered groups: loaded once, saved on change, with a snapshot to
 * subscribe to (`useSyncExternalStore`). When the store holds a newer version of an item, this
 * panel works with the defaults in memory and leaves the stored item alone.
 */
export interface PanelStore {
  getSnapshot(): PanelSnapshot;
  /** Calls the listener after every change of the snapshot; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Reads settings and groups once; later calls return the same promise. Never rejects. */
  load(): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
  /** Adds or updates a group, most recently used first. */
  saveGroup(group: RememberedGroup): Promise<void>;
  removeGroup(groupId: string): Promise<void>;
}

export function createPanelStore(store: KeyValueStore, defaults: Settings): PanelStore {
  const settings = settingsItem(defaults);
  const value = observableValue<PanelSnapshot>({ loaded: false, settings: defaults, groups: [] });
  const publish = (change: Partial<PanelSnapshot>) => value.set({ ...value.get(), ...change });
  // One task at a time: a save reads the list only after this panel's previous save wrote it.
  const run = serialQueue();
  let loading: Promise<void> | null = null;

  const changeGroups = (change: (groups: readonly RememberedGroup[]) => RememberedGroup[]) =>
    run(async () => {
      // Read-modify-write against the store, so that two panels do not drop each other's groups.
      const stored = await groupsItem.read(store);
      const kept = stored.status === 'unknown';
      const next = change(kept ? value.get().groups : stored.value);
      publish({ groups: next });
      if (!kept) await groupsItem.write(store, next);
    });

  return {
    getSnapshot: value.get,
    subscribe: value.subscribe,
    load() {
      loading ??= run(async () => {
        try {
          const [storedSettings, storedGroups] = await Promise.all([
            settings.read(store),
            groupsItem.read(store),
          ]);
          publish({ loaded: true, settings: storedSettings.value, groups: storedGroups.value });
        } catch {
          // Storage that cannot be read must not keep the panel on its loading line.
          publish({ loaded: true });
        }
      });
      return loading;
    },
    saveSettings(next) {
      // Shown at once (a select follows its value), stored after whatever is queued before.
      publish({ settings: next });
      return run(async () => {
        await settings.write(store, next);
      });
    },
    saveGroup: (group) => changeGroups((groups) => rememberGroup(groups, group)),
    removeGroup: (groupId) => changeGroups((groups) => forgetGroup(groups, groupId)),
  };
}
