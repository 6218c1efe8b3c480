import { deriveWipeableCacheKey } from '../invite/room-name';
import { sameBytes } from '../util/bytes';
import { serialQueue } from './serial-queue';

/**
 * Keys the device can destroy, one per group, for what the panel keeps of a running meeting
 * (meeting-cache.ts).
 *
 * The browser keeps its storage (the extension's storage, localStorage, IndexedDB) in LevelDB,
 * whose log Chromium reuses across restarts: a value overwritten or wiped stays in the profile's
 * files, readable by whoever copies them, until the log is compacted away, which for a small
 * store can take months (docs/threat-model.md, 'At rest'). A meeting's copy sealed under a key
 * derived from the group's secret alone could therefore be opened after the meeting, by anyone
 * with the profile and the invite (which the same storage holds). Sealing it also under a random
 * key kept in a file that is replaced, not logged (the origin private file system), and
 * replacing that key when a meeting leaves the cache, makes every earlier copy unreadable.
 */
export interface WipeKeyStore {
  /** The group's current key, made on first ask; null when this device cannot keep one. */
  current(groupId: string): Promise<Uint8Array | null>;
  /** The group's key if it has one; makes none (a read must not leave a key behind). */
  existing(groupId: string): Promise<Uint8Array | null>;
  /** Destroys the group's key and makes a fresh one: what was sealed under the old one is lost. */
  renew(groupId: string): Promise<Uint8Array | null>;
  /** Destroys the group's key (the member forgets the group). */
  remove(groupId: string): Promise<void>;
}

/**
 * The sealing key for `secret` and a wipe key (`deriveWipeableCacheKey`), kept for the last wipe
 * key asked: the same from save to save until the key is renewed.
 */
export function wipeableKeys(secret: Uint8Array): (wipeKey: Uint8Array) => Promise<CryptoKey> {
  let last: { wipeKey: Uint8Array; key: Promise<CryptoKey> } | null = null;
  return (wipeKey) => {
    if (last === null || !sameBytes(last.wipeKey, wipeKey)) {
      last = { wipeKey, key: deriveWipeableCacheKey(secret, wipeKey) };
    }
    return last.key;
  };
}

/** Length of a wipe key in bytes. */
export const WIPE_KEY_BYTES = 32;

export function freshWipeKey(): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(WIPE_KEY_BYTES));
}

/** Keys in memory: for tests, and for Node members that have no private file system. */
export function memoryWipeKeys(): WipeKeyStore & {
  readonly keys: ReadonlyMap<string, Uint8Array>;
} {
  const keys = new Map<string, Uint8Array>();
  return {
    keys,
    async current(groupId) {
      let key = keys.get(groupId);
      if (!key) keys.set(groupId, (key = freshWipeKey()));
      return key;
    },
    async existing(groupId) {
      return keys.get(groupId) ?? null;
    },
    async renew(groupId) {
      const key = freshWipeKey();
      keys.set(groupId, key);
      return key;
    },
    async remove(groupId) {
      keys.delete(groupId);
    },
  };
}

/** The folder of the origin private file system that holds the keys, one file per group. */
const FOLDER = 'kring-wipe-keys';

/** What the keys need of the browser's StorageManager. */
export type PrivateFileSystem = Pick<StorageManager, 'getDirectory'>;

/**
 * Keys in the origin private file system: one file per group, replaced whole when the key is
 * renewed (the browser writes a new file and moves it over the old one), so no earlier key
 * stays in a log. Any failure answers null: the cache is then sealed under the secret alone.
 */
export function fileWipeKeys(files: PrivateFileSystem): WipeKeyStore {
  let folder: Promise<FileSystemDirectoryHandle> | null = null;
  const dir = () => {
    folder ??= files
      .getDirectory()
      .then((root) => root.getDirectoryHandle(FOLDER, { create: true }));
    folder.catch(() => (folder = null));
    return folder;
  };
  /** Writes a fresh key over the group's file and answers it. */
  const replace = async (groupId: string): Promise<Uint8Array> => {
    const key = freshWipeKey();
    const handle = await (await dir()).getFileHandle(groupId, { create: true });
    const writable = await handle.createWritable();
    await writable.write(key);
    await writable.close();
    return key;
  };
  const read = async (groupId: string): Promise<Uint8Array | null> => {
    try {
      const handle = await (await dir()).getFileHandle(groupId);
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      return bytes.length === WIPE_KEY_BYTES ? bytes : null;
    } catch {
      return null; // no file yet (NotFoundError), or none readable
    }
  };
  // One change at a time: two first asks must not make two keys.
  const queued = serialQueue();
  return {
    current(groupId) {
      return queued(async () => (await read(groupId)) ?? replace(groupId)).catch(() => null);
    },
    existing(groupId) {
      return queued(() => read(groupId)).catch(() => null);
    },
    renew(groupId) {
      return queued(() => replace(groupId)).catch(() => null);
    },
    remove(groupId) {
      return queued(async () => (await dir()).removeEntry(groupId)).catch(() => undefined);
    },
  };
}

let device: WipeKeyStore | null | undefined;

/** This page's keys: in the private file system where the browser has one, else none. */
export function deviceWipeKeys(): WipeKeyStore | undefined {
  if (device === undefined) {
    const storage = globalThis.navigator?.storage;
    device = storage && typeof storage.getDirectory === 'function' ? fileWipeKeys(storage) : null;
  }
  return device ?? undefined;
}
