import { useCallback, useEffect, useRef, useState } from 'react';

/** How long an action waits to be undone: long enough to notice, read the status and press Undo. */
export const UNDO_MS = 10_000;

/** An action that is shown as done but runs only when its time to be undone is over. */
export interface Undoable<T> {
  /** What waits, if anything: the panel shows it as gone already. */
  readonly pending: T | null;
  /** Starts the wait for `item`; one still waiting runs at once. */
  readonly start: (item: T) => void;
  /** Takes back what waits: nothing runs. */
  readonly undo: () => void;
}

/**
 * Undo for an action that cannot be taken back once it ran (forgetting a group wipes what the
 * device kept of its meeting): the panel shows it done at once and runs `commit` UNDO_MS later,
 * unless the member pressed Undo. The member moving on (the component unmounts) runs it then.
 */
export function useUndo<T>(commit: (item: T) => void, waitMs = UNDO_MS): Undoable<T> {
  const [pending, setPending] = useState<T | null>(null);
  const waiting = useRef<{ item: T; timer: ReturnType<typeof setTimeout> } | null>(null);
  const latestCommit = useRef(commit);
  useEffect(() => {
    latestCommit.current = commit;
  }, [commit]);

  const finish = useCallback(() => {
    const current = waiting.current;
    if (!current) return;
    clearTimeout(current.timer);
    waiting.current = null;
    setPending(null);
    latestCommit.current(current.item);
  }, []);

  const start = useCallback(
    (item: T) => {
      finish();
      waiting.current = { item, timer: setTimeout(finish, waitMs) };
      setPending(item);
    },
    [finish, waitMs],
  );

  const undo = useCallback(() => {
    const current = waiting.current;
    if (!current) return;
    clearTimeout(current.timer);
    waiting.current = null;
    setPending(null);
  }, []);

  useEffect(() => finish, [finish]);

  return { pending, start, undo };
}
