import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { KeyValueStore } from '../../lib/device/key-value-store';

/**
 * A KeyValueStore in a JSON file: a Node member's device storage, which outlives the member's
 * process as browser.storage.local outlives a reload. Writes go to a temporary file renamed over
 * the old one, so that a process killed mid-write leaves the last complete file.
 */
export function fileStore(path: string): KeyValueStore {
  const read = (): Record<string, unknown> => {
    if (!existsSync(path)) return {};
    try {
      const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value))
        : {};
    } catch {
      return {};
    }
  };
  return {
    async get(key) {
      return read()[key];
    },
    async set(key, value) {
      const all = read();
      all[key] = value;
      writeFileSync(`${path}.tmp`, JSON.stringify(all));
      renameSync(`${path}.tmp`, path);
    },
  };
}
