import { observableValue } from '../util/observable-value';
import { NO_AT_REST, openAll, sealFor } from './at-rest';
import type { AtRestKeys, AtRestSource, AtRestValue, SealedEntry } from './at-rest';
import type { KeyValueStore } from './key-value-store';
import { forgetGroup, groupsItem, mergeGroups, rememberGroup } from './groups';
import type { RememberedGroup } from './groups';
import { settingsItem } from './settings';
import type { Settings } from './settings';
import { serialQueue } from './serial-queue';
import type { StoredRead } from './stored-item';

/** What the panel shows of its on-device state. */
export interface PanelSnapshot {
  /**
   * False until the settings were read (or could not be): the panel's language is among them,
   * so nothing with words shows before. Groups may still be on their way.
   */
  readonly settingsLoaded: boolean;
  /** False until the first read of settings and groups finished (or failed). */
  readonly loaded: boolean;
  readonly settings: Settings;
  readonly groups: readonly RememberedGroup[];
  /**
   * True while the groups are sealed with the notebook's passphrase and the notebook is locked:
   * `groups` then holds only those joined or opened in this panel since.
   */
  readonly groupsLocked: boolean;
}

/**
 * The panel's settings and remembered groups: loaded once, saved on change, with a snapshot to
 * subscribe to (`useSyncExternalStore`). When the store holds a newer version of an item, this
 * panel works with the defaults in memory and leaves the stored item alone.
 *
 * With a passphrase on the notebook (`source`), the groups and their invite codes are sealed
 * (`at-rest.ts`): a plain list is sealed when first read; while locked, a group joined is
 * appended sealed (and a group forgotten, as `{ forget }`), merged at the first read after unlock.
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
  /** Reads the groups again whenever the notebook is locked, unlocked or protected. */
  watchKeys(): () => void;
  /**
   * Whether the groups are stored sealed (a passphrase is set): only then do they wait for the
   * notebook's keys to show. From the load's own read; false where storage cannot be read.
   */
  groupsSealed(): Promise<boolean>;
}

type Stored = StoredRead<AtRestValue<RememberedGroup[]>>;
/** Keys that could not be read: treated as locked, so that nothing sealed is overwritten. */
const UNKNOWN: AtRestKeys = { state: 'locked', publicKey: null };
const NONE: RememberedGroup[] = [];

export function createPanelStore(
  store: KeyValueStore,
  defaults: Settings,
  source: AtRestSource = NO_AT_REST,
): PanelStore {
  const settings = settingsItem(defaults);
  const value = observableValue<PanelSnapshot>({
    settingsLoaded: false,
    loaded: false,
    settings: defaults,
    groups: [],
    groupsLocked: false,
  });
  const publish = (change: Partial<PanelSnapshot>) => value.set({ ...value.get(), ...change });
  // One task at a time: a save reads the list only after this panel's previous save wrote it.
  const run = serialQueue();
  let loading: Promise<void> | null = null;
  /** The load's read of the groups, shared with `groupsSealed`. */
  let firstRead: Promise<Stored> | null = null;
  const readFirst = () => (firstRead ??= groupsItem.read(store));
  const keysNow = () => source.atRestKeys().catch(() => UNKNOWN);

  const writeSealed = async (
    publicKey: CryptoKey,
    groups: readonly RememberedGroup[],
    kept: readonly SealedEntry[] = [],
  ) => {
    const entry = await sealFor(publicKey, groups, groupsItem.key);
    await groupsItem.write(store, { sealed: [entry, ...kept] });
  };

  /** The stored groups as the keys allow, sealing a plain list when a passphrase is set. */
  const settle = async (stored: Stored, keys: AtRestKeys): Promise<Partial<PanelSnapshot>> => {
    const held = stored.value;
    if (stored.status === 'unknown') return { groups: NONE, groupsLocked: false };
    if ('plain' in held) {
      const sealable = keys.state === 'off' ? null : keys.publicKey;
      if (sealable && stored.status === 'stored') await writeSealed(sealable, held.plain);
      // An empty list hides nothing: no "unlock to see your groups" where there are none.
      const hidden = !!sealable && keys.state === 'locked' && held.plain.length > 0;
      return { groups: hidden ? NONE : held.plain, groupsLocked: hidden };
    }
    if (keys.state === 'unlocked') {
      const opened = await openAll(keys.privateKey, held.sealed, groupsItem.key, NONE, mergeGroups);
      if (held.sealed.length - opened.unopened.length > 1) {
        await writeSealed(keys.publicKey, opened.value, opened.unopened);
      }
      return { groups: opened.value, groupsLocked: false };
    }
    // Locked: the groups of this panel's session stay; off: the key is gone (a reset).
    return { groupsLocked: keys.state === 'locked' };
  };

  const changeGroups = (
    change: (groups: readonly RememberedGroup[]) => RememberedGroup[],
    /** What a sealed list gets appended while locked. */
    entry: unknown,
  ) =>
    run(async () => {
      // Read-modify-write against the store, so that two panels do not drop each other's groups.
      const [stored, keys] = await Promise.all([groupsItem.read(store), keysNow()]);
      const held = stored.value;
      if (stored.status === 'unknown') {
        publish({ groups: change(value.get().groups) });
        return;
      }
      if (keys.state === 'unlocked') {
        const opened =
          'plain' in held
            ? { value: held.plain, unopened: [] }
            : await openAll(keys.privateKey, held.sealed, groupsItem.key, NONE, mergeGroups);
        const next = change(opened.value);
        publish({ groups: next, groupsLocked: false });
        await writeSealed(keys.publicKey, next, opened.unopened);
      } else if (keys.state === 'locked' && keys.publicKey) {
        // Appended sealed; shown are only the groups of this session.
        const before =
          'plain' in held && held.plain.length > 0
            ? [await sealFor(keys.publicKey, held.plain, groupsItem.key)]
            : [];
        const entries = 'sealed' in held ? held.sealed : [];
        publish({ groups: change(value.get().groups), groupsLocked: true });
        const added = await sealFor(keys.publicKey, entry, groupsItem.key);
        await groupsItem.write(store, { sealed: [...before, ...entries, added] });
      } else if ('plain' in held) {
        const next = change(held.plain);
        publish({ groups: next });
        await groupsItem.write(store, { plain: next });
      } else if (keys.state === 'off') {
        // Sealed, and no passphrase any more (a reset deleted the key): starts again, plain.
        const next = change(NONE);
        publish({ groups: next, groupsLocked: false });
        await groupsItem.write(store, { plain: next });
      } else {
        publish({ groups: change(value.get().groups) });
      }
    });

  let lastState: string | null = null;

  return {
    getSnapshot: value.get,
    subscribe: value.subscribe,
    load() {
      loading ??= run(async () => {
        // All three asked at once. The settings answer first (the panel's language, its header);
        // a sealed list of groups waits for the notebook's keys, whose code may still be loading.
        const groupsRead = readFirst();
        const groupsAndKeys = Promise.all([groupsRead, keysNow()]);
        groupsAndKeys.catch(() => undefined);
        try {
          const storedSettings = await settings.read(store);
          publish({ settingsLoaded: true, settings: storedSettings.value });
        } catch {
          publish({ settingsLoaded: true });
        }
        try {
          // A plain list is shown as soon as it is read: only sealed lists need the keys to
          // open, and a returning member's first screen (the groups) need not wait for the
          // notebook's code (docs/benchmarks.md, "Seventh round"). Plain is what a device
          // without a passphrase keeps; with one, the keys that follow hide it again (the
          // moment between setting a passphrase and the list being sealed, only what storage
          // held readable anyway).
          const early = await groupsRead.then(plainList, () => null);
          if (early) publish({ loaded: true, groups: early, groupsLocked: false });
          const [storedGroups, keys] = await groupsAndKeys;
          const settled = await settle(storedGroups, keys);
          const now = value.get();
          if (
            !early ||
            settled.groups !== now.groups ||
            settled.groupsLocked !== now.groupsLocked
          ) {
            publish({ loaded: true, ...settled });
          }
        } catch {
          // Storage that cannot be read must not keep the panel on its loading line.
          publish({ loaded: true });
        }
      });
      return loading;
    },
    groupsSealed() {
      return readFirst().then(
        (stored) => stored.status !== 'unknown' && 'sealed' in stored.value,
        () => false,
      );
    },
    saveSettings(next) {
      // Shown at once (a select follows its value), stored after whatever is queued before.
      publish({ settings: next });
      return run(async () => {
        await settings.write(store, next);
      });
    },
    saveGroup: (group) => changeGroups((groups) => rememberGroup(groups, group), [group]),
    removeGroup: (groupId) =>
      changeGroups((groups) => forgetGroup(groups, groupId), { forget: groupId }),
    watchKeys() {
      return source.subscribe(() => {
        void keysNow().then((keys) => {
          if (keys.state === lastState) return;
          lastState = keys.state;
          void run(async () => {
            try {
              publish(await settle(await groupsItem.read(store), keys));
            } catch {
              // Unreadable storage: the groups shown stay.
            }
          });
        });
      });
    },
  };
}

/**
 * The groups of a plain list read from storage, an empty or missing one too (a first run: the
 * welcome screen need not wait for the notebook either); null for a sealed or unknown one.
 */
function plainList(stored: Stored): readonly RememberedGroup[] | null {
  if (stored.status === 'unknown' || !('plain' in stored.value)) return null;
  return stored.value.plain;
}

/**
 * Writes the sealed groups back plain, before the passphrase is removed (the private key goes
 * with it). Entries that cannot be opened with this key could never be read again.
 */
export async function unsealGroups(store: KeyValueStore, privateKey: CryptoKey): Promise<void> {
  const stored = await groupsItem.read(store);
  if (stored.status !== 'stored' || !('sealed' in stored.value)) return;
  const opened = await openAll(privateKey, stored.value.sealed, groupsItem.key, NONE, mergeGroups);
  await groupsItem.write(store, { plain: opened.value });
}
