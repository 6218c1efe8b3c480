import type { AtRestKeys, AtRestSource } from '../../lib/device/at-rest';
import type { Notebook } from '../../lib/notebook/notebook';

/**
 * The notebook's IndexedDB name (lib/notebook/notebook-schema.ts's NOTEBOOK_DB_NAME), written
 * out here because importing it would bring Dexie into the first screen's chunk; a unit test
 * checks that the two agree.
 */
export const NOTEBOOK_DATABASE = 'kring-notebook';

const OFF: AtRestKeys = { state: 'off' };

/**
 * The private notebook while its code (Dexie, the crypto: 40 KB gzipped) is still on its way:
 * the entrypoint asks for it after the first paint, so that it does not hold up the first
 * screen. As the at-rest source of the panel's groups it answers at once where this device has
 * no notebook database yet (no database, no passphrase: nothing can be sealed), and otherwise
 * when the notebook is here (bench/panel-ready-profile.ts measured why: docs/benchmarks.md).
 */
export interface DeferredNotebook extends AtRestSource {
  readonly deferred: true;
  /** The notebook, or null where the browser has none (or its code failed to load). */
  readonly ready: Promise<Notebook | null>;
  /** As `ready` gave it; undefined while its code is loading. */
  current(): Notebook | null | undefined;
}

export function deferNotebook(
  notebook: Notebook | null | Promise<Notebook | null> | DeferredNotebook,
  databaseExists: () => Promise<boolean | null> = notebookDatabaseExists,
): DeferredNotebook {
  if (notebook !== null && 'deferred' in notebook) return notebook;
  const pending = notebook instanceof Promise;
  let current: Notebook | null | undefined = pending ? undefined : notebook;
  const ready = Promise.resolve(notebook).then(
    (opened) => (current = opened),
    () => (current = null),
  );
  const keysOf = (opened: Notebook | null) => (opened ? opened.atRestKeys() : Promise.resolve(OFF));
  return {
    deferred: true,
    ready,
    current: () => current,
    async atRestKeys() {
      if (current !== undefined) return keysOf(current);
      const exists = await databaseExists().catch(() => null);
      if (exists === false && current === undefined) return OFF;
      return keysOf(await ready);
    },
    subscribe(listener) {
      let stop: (() => void) | null = null;
      let stopped = false;
      void ready.then((opened) => {
        if (stopped || !opened) return;
        stop = opened.subscribe(listener);
        // Keys answered without the notebook are read again from it.
        if (pending) listener();
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}

/** Whether this origin has a notebook database; null where the browser cannot say. */
export async function notebookDatabaseExists(): Promise<boolean | null> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
  const databases = await indexedDB.databases();
  return databases.some((d) => d.name === NOTEBOOK_DATABASE);
}
