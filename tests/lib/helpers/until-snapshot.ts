import type { GroupSession, GroupSnapshot } from '../../../lib/connection/group-session';

/** Resolves with the first snapshot of `session` for which `holds` is true (now or later). */
export function until(
  session: GroupSession,
  holds: (snapshot: GroupSnapshot) => boolean,
): Promise<GroupSnapshot> {
  return new Promise((resolve) => {
    const off = session.subscribe(check);
    function check(): void {
      const snapshot = session.snapshot();
      if (!holds(snapshot)) return;
      off();
      resolve(snapshot);
    }
    check();
  });
}
