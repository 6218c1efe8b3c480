/**
 * Where the panel keeps settings and remembered groups: extension storage in the extension,
 * localStorage in the companion's web panel. Values are plain JSON and decoded on read.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** An in-memory store, for tests and as a last resort when no storage is available. */
export function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    async get(key) {
      const raw = values.get(key);
      return raw === undefined ? undefined : JSON.parse(raw);
    },
    async set(key, value) {
      values.set(key, JSON.stringify(value));
    },
  };
}
