import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { useAnnounce } from './Announcer';

/** Input types that take typed text; the others (buttons, boxes, radios) are not typing. */
const TEXT_INPUTS = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'time',
  'datetime-local',
  'month',
  'week',
]);

/** Whether the member is typing or choosing in a field, where moving focus would lose their place. */
export function isTypingIn(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) return TEXT_INPUTS.has(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}

/**
 * Focus for the heading of a view that has just replaced another (a phase, the ended meeting, a
 * group, the notes). Without it focus falls back to the page when the control that was pressed
 * vanishes, and a keyboard or screen reader user starts again at the top. Give the heading
 * `tabIndex={-1}` and this ref; `viewKey` names what is shown. When it changes (and when the
 * view mounts, unless `onMount` is false) the heading takes focus, except from a member who is
 * typing in a field: a peer may change the phase at any moment, so they hear `announcement` (or
 * the heading's text) instead and keep their place.
 */
export function useFocusOnChange<T extends HTMLElement = HTMLHeadingElement>(
  viewKey: string,
  { onMount = true, announcement }: { onMount?: boolean; announcement?: string } = {},
): RefObject<T | null> {
  const heading = useRef<T>(null);
  const shown = useRef<string | null>(null);
  const announce = useAnnounce();
  useEffect(() => {
    const before = shown.current;
    shown.current = viewKey;
    if (before === viewKey || (before === null && !onMount)) return;
    const target = heading.current;
    if (!target) return;
    if (isTypingIn(document.activeElement)) announce(announcement ?? target.textContent ?? '');
    else target.focus();
    // A new announcement alone is no new view: `before === viewKey` returns at once.
  }, [viewKey, onMount, announcement, announce]);
  return heading;
}
