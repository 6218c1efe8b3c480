import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/** How long an announcement stays in the region: long enough to be read, then out of the way. */
const KEEP_MS = 10_000;

/** At most this many announcements at once; older ones go first. */
const MAX_SHOWN = 5;

type Announce = (text: string) => void;

const AnnounceContext = createContext<Announce>(() => {});

/**
 * The panel's one polite live region for what happens without the member's doing (a new question
 * from someone else, the phase a peer moved to while the member was typing). It is in the page
 * from the first render, empty, so that screen readers know it before anything is said in it;
 * each announcement is a paragraph of its own, added and later removed, so that the same words
 * twice are read twice.
 */
export function Announcer({ children }: { children: ReactNode }) {
  const [said, setSaid] = useState<readonly { id: number; text: string }[]>([]);
  const counter = useRef(0);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    };
  }, []);
  const announce = useCallback<Announce>((text) => {
    if (text.trim() === '') return;
    const id = ++counter.current;
    setSaid((shown) => [...shown.slice(1 - MAX_SHOWN), { id, text }]);
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setSaid((shown) => shown.filter((s) => s.id !== id));
    }, KEEP_MS);
    timers.current.add(timer);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div
        aria-live="polite"
        aria-relevant="additions"
        className="visually-hidden"
        data-testid="announcer"
      >
        {said.map((s) => (
          <p key={s.id}>{s.text}</p>
        ))}
      </div>
    </AnnounceContext.Provider>
  );
}

/** Says something politely to screen readers through the panel's announcer. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
