import { browser } from 'wxt/browser';
import type { KeyValueStore } from '../lib/device/key-value-store';
import { memoryStore } from '../lib/device/key-value-store';

/**
 * The panel's on-device store: `browser.storage.local` inside the extension, `localStorage` in
 * the companion's web panel, memory when neither is usable (a locked-down browser).
 */
export function panelStore(): KeyValueStore {
  const local = extensionLocalStorage();
  if (local) {
    return {
      async get(key) {
        const items: Record<string, unknown> = await local.get(key);
        return items[key];
      },
      async set(key, value) {
        await local.set({ [key]: value });
      },
    };
  }
  const web = webLocalStorage();
  if (web) {
    return {
      async get(key) {
        const raw = web.getItem(`kring:${key}`);
        if (raw === null) return undefined;
        try {
          return JSON.parse(raw);
        } catch {
          return undefined;
        }
      },
      async set(key, value) {
        web.setItem(`kring:${key}`, JSON.stringify(value));
      },
    };
  }
  return memoryStore();
}

/** True when the panel runs as the extension's side panel, false as the companion's web page. */
export function isExtensionPage(): boolean {
  return extensionLocalStorage() !== null;
}

function extensionLocalStorage(): typeof browser.storage.local | null {
  try {
    return typeof browser !== 'undefined' && browser?.storage?.local ? browser.storage.local : null;
  } catch {
    return null;
  }
}

function webLocalStorage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null;
  }
}
