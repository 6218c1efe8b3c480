import type { MouseEvent } from 'react';

/*
 * Many people double-click buttons out of habit. A double click is two clicks, the second with
 * `detail` 2: on a button that moves the meeting or submits a form, the second acts again on
 * what the first just changed (the group skips a phase; an emptied form answers "Write
 * something first."). These let the first click act and ignore the rest of the same double
 * click. Clicks apart, and key presses (`detail` 0), each act.
 */

/** A click handler that runs `action` for a click, not for the second of a double click. */
export function once(action: () => void): (event: MouseEvent) => void {
  return (event) => {
    if (event.detail > 1) return;
    action();
  };
}

/** Spread on a form's submit button: `<button type="submit" {...SUBMIT_ONCE}>`. */
export const SUBMIT_ONCE = {
  onClick: (event: MouseEvent) => {
    if (event.detail > 1) event.preventDefault();
  },
} as const;
