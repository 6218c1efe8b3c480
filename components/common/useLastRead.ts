import { useState } from 'react';

/**
 * What a device store read, held over while another store for the same thing reads again.
 *
 * The panel's stores of what the device keeps (a group's history, the attendance record) are
 * made anew when the notebook's code arrives: it loads after the first screen, and only it can
 * open what a passphrase sealed. A new store has read nothing yet. Showing that as "nothing
 * here" took a group without a running meeting back to its opening line for a moment (its open
 * sections closed, the focus lost), and would show an attendance record as empty. So until the
 * new store has read, this hands back what the last store of the same `scope` read.
 *
 * `value` must keep its identity while it does not change (a snapshot, or a memo of them).
 * Returns the value to show and whether it is a read one: false only before any store of this
 * scope has read.
 */
export function useLastRead<T>(
  scope: string,
  value: T,
  read: boolean,
): { readonly value: T; readonly read: boolean } {
  const [shown, setShown] = useState<{ scope: string; value: T } | null>(null);
  // React's way of keeping what an earlier render saw: set during render, re-rendered at once.
  if (read && (shown?.value !== value || shown.scope !== scope)) setShown({ scope, value });
  if (read) return { value, read };
  if (shown?.scope === scope) return { value: shown.value, read: true };
  return { value, read: false };
}
