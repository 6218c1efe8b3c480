import type * as Y from 'yjs';
import { meetingMap } from '../shared-doc/doc-schema';
import { settled } from '../shared-doc/last-valid';
import type { KeyRule } from '../shared-doc/last-valid';
import { nameMember } from '../shared-doc/meeting-commands';
import type { CommandResult } from '../shared-doc/meeting-commands';
import { decodeNamedMember } from '../shared-doc/named-member';
import { byChair } from '../shared-doc/who-writes';

/**
 * Who lets members in besides the chair (issue 13, point 1: "the chair (or a member the chair
 * delegates) sees who asks ... and admits or refuses"). The chair names one member present in
 * the meeting, or nobody; chair-only and signed, like the chair's other keys. That member's
 * panel then lists who asks and answers with the meeting's key it already holds.
 *
 * Kept out of MEETING_KEYS (like the second case) so that the seeded hostile fuzz keeps its
 * pinned streams.
 */
export const DOORKEEPER_KEY = 'doorkeeper';

export const DOORKEEPER_RULE: KeyRule = {
  valid: (value) => decodeNamedMember(value) !== null,
  absent: 'keeps',
  who: (writer, value, map, n) => byChair(writer, value, map, n),
};

/** The member the chair lets answer who asks to join; null: the chair alone. */
export function readDoorkeeper(doc: Y.Doc): string | null {
  return (
    decodeNamedMember(settled(meetingMap(doc), DOORKEEPER_KEY, DOORKEEPER_RULE))?.memberId ?? null
  );
}

/** The chair names the member who may let others in too, or nobody (null). */
export function setDoorkeeper(doc: Y.Doc, actorId: string, memberId: string | null): CommandResult {
  return nameMember(doc, actorId, DOORKEEPER_KEY, memberId);
}
