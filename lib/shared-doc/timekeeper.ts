import type * as Y from 'yjs';
import { meetingMap } from './doc-schema';
import { settled } from './last-valid';
import type { KeyRule } from './last-valid';
import { byChair } from './who-writes';
import { decodeNamedMember } from './named-member';

/**
 * The timekeeper (domain.md: "tijdbewaker ... some groups split these off from the chair"): a
 * member the chair names keeps the phase timer too, pausing it and giving a minute more, while
 * the chair keeps the phases, the plan of minutes and the reset. The chair names one member, or
 * nobody; chair-only and signed, like the chair's other keys (the doorkeeper's pattern,
 * connection/doorkeeper.ts); the command is meeting-commands.ts's `setTimekeeper`.
 *
 * Kept out of MEETING_KEYS (like the second case and the doorkeeper) so that the seeded hostile
 * fuzz keeps its pinned streams. Cleared at the end with everything the end does not keep.
 */
export const TIMEKEEPER_KEY = 'timekeeper';

export const TIMEKEEPER_RULE: KeyRule = {
  valid: (value) => decodeNamedMember(value) !== null,
  absent: 'clears',
  who: byChair,
};

/** The member who keeps the time beside the chair; null: the chair alone. */
export function readTimekeeper(doc: Y.Doc): string | null {
  return timekeeperIn(meetingMap(doc));
}

/** The same, from the meeting's progress map (for the timer's rule, who-writes.ts style). */
export function timekeeperIn(map: Y.Map<unknown>): string | null {
  return decodeNamedMember(settled(map, TIMEKEEPER_KEY, TIMEKEEPER_RULE))?.memberId ?? null;
}
