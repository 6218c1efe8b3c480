import { Notebook } from '../../lib/notebook/notebook';

/**
 * Opens this device's private notebook, or null where the browser offers no IndexedDB (some
 * private modes): the panel then says so instead of losing notes silently. Asks the browser to
 * keep the storage (the extension also holds `unlimitedStorage`); the answer is only a wish.
 */
export function openNotebook(): Notebook | null {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const notebook = Notebook.open();
    void navigator.storage?.persist?.().catch(() => false);
    return notebook;
  } catch {
    return null;
  }
}
