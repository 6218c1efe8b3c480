import { useEffect, useRef } from 'react';
import { isTypingIn } from './useFocusOnChange';

/**
 * A key with Alt and Shift held, as `aria-keyshortcuts` names it ("Alt+Shift+ArrowRight"). Alt
 * and Shift together with an arrow is in none of the published shortcut lists of Chrome and
 * Firefox, and the screen readers' own keys add Insert or Caps Lock (NVDA, JAWS) or
 * Control+Option (VoiceOver); either alone is taken (Alt+Arrow is back and forward in the
 * browser, Shift+Arrow selects text).
 */
export interface Shortcut {
  readonly key: 'ArrowRight' | 'ArrowLeft';
  readonly aria: string;
  /** As the panel shows it to a member ("Alt+Shift+→"). */
  readonly label: string;
}

const ARROWS: Readonly<Record<Shortcut['key'], string>> = { ArrowRight: '→', ArrowLeft: '←' };

/** Builds the Alt+Shift shortcut for a key. */
export function altShift(key: Shortcut['key']): Shortcut {
  return { key, aria: `Alt+Shift+${key}`, label: `Alt+Shift+${ARROWS[key]}` };
}

/** Whether a key press is this shortcut. */
export function matchesShortcut(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>,
  shortcut: Pick<Shortcut, 'key'>,
): boolean {
  return (
    event.key === shortcut.key && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey
  );
}

/**
 * Runs `action` when the shortcut is pressed anywhere in the page, unless the member is typing
 * in a field (there the keys belong to the text), is in a dialog (the page behind it waits for
 * its answer) or `enabled` is false. The listener lives as long as the component.
 */
export function useShortcut(shortcut: Shortcut, action: () => void, enabled = true): void {
  // The latest action without re-registering the listener on every render.
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  }, [action]);
  const { key } = shortcut;
  useEffect(() => {
    if (!enabled) return;
    const stop = new AbortController();
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.defaultPrevented || event.repeat) return;
        if (!matchesShortcut(event, { key })) return;
        const focused = document.activeElement;
        if (isTypingIn(focused) || focused?.closest('dialog')) return;
        event.preventDefault();
        latest.current();
      },
      { signal: stop.signal },
    );
    return () => stop.abort();
  }, [key, enabled]);
}
