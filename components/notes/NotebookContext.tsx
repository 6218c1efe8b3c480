import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { NotebookLockedError } from '../../lib/notebook/notebook-locked-error';
import type { Notebook } from '../../lib/notebook/notebook';

const NotebookContext = createContext<Notebook | null>(null);

/**
 * Gives the panel the member's private notebook (IndexedDB on this device). It is opened once,
 * outside React, by the entrypoint; null where the browser has no IndexedDB.
 */
export function NotebookProvider({
  notebook,
  children,
}: {
  notebook: Notebook | null;
  children: ReactNode;
}) {
  return <NotebookContext.Provider value={notebook}>{children}</NotebookContext.Provider>;
}

/** The private notebook, or null where there is none. */
export function useNotebook(): Notebook | null {
  return useContext(NotebookContext);
}

/** What a notebook read gave: loading, a value, locked, or an error message. */
export type NotebookRead<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'value'; readonly value: T }
  | { readonly kind: 'locked' }
  | { readonly kind: 'error'; readonly message: string };

/**
 * Reads from the notebook and reads again after every change to it (here or in another panel)
 * and after it is locked or unlocked. `key` names the read: a new key reads anew.
 */
export function useNotebookRead<T>(
  key: string,
  read: (notebook: Notebook) => Promise<T>,
): NotebookRead<T> {
  const notebook = useNotebook();
  const [result, setResult] = useState<{ key: string; read: NotebookRead<T> } | null>(null);
  const readRef = useRef(read);
  useEffect(() => {
    readRef.current = read;
  });

  useEffect(() => {
    if (!notebook) return undefined;
    let cancelled = false;
    let generation = 0;
    const load = () => {
      const mine = ++generation;
      readRef.current(notebook).then(
        (value) => {
          if (!cancelled && mine === generation) setResult({ key, read: { kind: 'value', value } });
        },
        (error: unknown) => {
          if (cancelled || mine !== generation) return;
          setResult({
            key,
            read:
              error instanceof NotebookLockedError
                ? { kind: 'locked' }
                : {
                    kind: 'error',
                    message: error instanceof Error ? error.message : String(error),
                  },
          });
        },
      );
    };
    load();
    const stop = notebook.subscribe(load);
    return () => {
      cancelled = true;
      stop();
    };
  }, [notebook, key]);

  return result && result.key === key ? result.read : { kind: 'loading' };
}
