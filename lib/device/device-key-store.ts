/**
 * Where this device's key pair is kept (device-key.ts): the profile's IndexedDB, database
 * `kring-device`. A module of its own, without the signing code, so that the page's entry can
 * read the pair ahead (`readDeviceKeyAhead`) while the group's code still loads.
 */

/** Where the key pair is kept. */
export interface DeviceKeyStore {
  load(): Promise<CryptoKeyPair | null>;
  save(pair: CryptoKeyPair): Promise<void>;
}

const DB_NAME = 'kring-device';
const STORE = 'keys';
const KEY = 'device';

/** The key pair in this browser profile's IndexedDB (database `kring-device`). */
export function indexedDbKeyStore(factory: IDBFactory = indexedDB): DeviceKeyStore {
  const open = (): Promise<IDBDatabase> =>
    new Promise((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB open failed'));
    });
  const run = <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>) =>
    open().then(
      (db) =>
        new Promise<T>((resolve, reject) => {
          const tx = db.transaction(STORE, mode);
          const request = act(tx.objectStore(STORE));
          tx.oncomplete = () => {
            db.close();
            resolve(request.result);
          };
          tx.onerror = () => {
            db.close();
            reject(tx.error ?? new Error('indexedDB transaction failed'));
          };
        }),
    );
  return {
    load: async () => {
      const value = (await run('readonly', (store) => store.get(KEY))) as unknown;
      return isPair(value) ? value : null;
    },
    save: async (pair) => {
      await run('readwrite', (store) => store.put(pair, KEY));
    },
  };
}

function isPair(value: unknown): value is CryptoKeyPair {
  return (
    typeof value === 'object' &&
    value !== null &&
    'privateKey' in value &&
    'publicKey' in value &&
    typeof CryptoKey !== 'undefined' &&
    value.privateKey instanceof CryptoKey &&
    value.publicKey instanceof CryptoKey
  );
}

/** The pair read ahead (`readDeviceKeyAhead`), until a store takes it. */
let ahead: Promise<CryptoKeyPair | null> | null = null;

/**
 * Starts reading the key pair now: a panel going back to its group after a reload needs it to
 * open the group, and the read then goes on while the group's code loads (main.tsx). The group's
 * session takes it (`takeDeviceKeyAhead`) instead of reading again.
 */
export function readDeviceKeyAhead(factory?: IDBFactory): void {
  if (typeof indexedDB === 'undefined' && !factory) return;
  ahead ??= indexedDbKeyStore(factory)
    .load()
    .catch(() => null);
}

/** The read ahead, taken once (null: none). */
export function takeDeviceKeyAhead(): Promise<CryptoKeyPair | null> | null {
  const read = ahead;
  ahead = null;
  return read;
}
