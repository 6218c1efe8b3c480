import type * as Y from 'yjs';
import { isRecord, safeId } from '../util/guards';
import { LOCAL_ORIGIN, meetingMap } from '../shared-doc/doc-schema';
import { settled } from '../shared-doc/last-valid';
import type { KeyRule } from '../shared-doc/last-valid';
import { readMeeting, roleOf } from '../shared-doc/meeting-state';
import type { CommandResult } from '../shared-doc/meeting-commands';
import { put } from '../shared-doc/signed';
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

function decodeDoorkeeper(value: unknown): { memberId: string | null } | null {
  if (!isRecord(value)) return null;
  if (value.memberId === null) return { memberId: null };
  const memberId = safeId(value.memberId);
  return memberId ? { memberId } : null;
}

export const DOORKEEPER_RULE: KeyRule = {
  valid: (value) => decodeDoorkeeper(value) !== null,
  absent: 'keeps',
  who: (writer, value, map, n) => byChair(writer, value, map, n),
};

/** The member the chair lets answer who asks to join; null: the chair alone. */
export function readDoorkeeper(doc: Y.Doc): string | null {
  return (
    decodeDoorkeeper(settled(meetingMap(doc), DOORKEEPER_KEY, DOORKEEPER_RULE))?.memberId ?? null
  );
}

/** The chair names the member who may let others in too, or nobody (null). */
export function setDoorkeeper(doc: Y.Doc, actorId: string, memberId: string | null): CommandResult {
  const meeting = readMeeting(doc);
  if (!meeting.started || meeting.ended) return { ok: false, reason: 'not-started' };
  if (roleOf(meeting, actorId) !== 'chair') return { ok: false, reason: 'not-chair' };
  if (memberId !== null && (safeId(memberId) === null || memberId === actorId)) {
    return { ok: false, reason: 'not-allowed' };
  }
  doc.transact(() => put(meetingMap(doc), DOORKEEPER_KEY, { memberId }), LOCAL_ORIGIN);
  return { ok: true };
}
