import type * as Y from 'yjs';
import { LOCAL_ORIGIN, lobbyMap } from './doc-schema';
import { finiteNumber, isRecord, safeId } from '../util/guards';
import { randomId } from '../util/random-id';

/** The lobby's pointer to the meeting that is running now. */
export interface MeetingPointer {
  readonly meetingId: string;
  readonly startedAt: number;
}

/** Reads the running meeting from the lobby document, or null when none is running. */
export function readCurrentMeeting(doc: Y.Doc): MeetingPointer | null {
  const value = lobbyMap(doc).get('meeting');
  if (!isRecord(value)) return null;
  const meetingId = safeId(value.meetingId);
  const startedAt = finiteNumber(value.startedAt);
  if (meetingId === null || startedAt === null) return null;
  return { meetingId, startedAt };
}

/**
 * Announces a new meeting in the lobby. The pointer is one value, so two chairs starting at
 * the same moment converge on one meeting (last writer wins) and the other follows it.
 */
export function announceMeeting(doc: Y.Doc, pointer: MeetingPointer): void {
  doc.transact(() => {
    lobbyMap(doc).set('meeting', { meetingId: pointer.meetingId, startedAt: pointer.startedAt });
  }, LOCAL_ORIGIN);
}

/** Clears the pointer when the chair ends the meeting. */
export function clearCurrentMeeting(doc: Y.Doc): void {
  doc.transact(() => lobbyMap(doc).delete('meeting'), LOCAL_ORIGIN);
}

/** A new random meeting id (96 bits, url-safe). */
export function newMeetingId(): string {
  return randomId(12);
}
