import type * as Y from 'yjs';
import { finiteNumber, isRecord } from '../util/guards';
import { LOCAL_ORIGIN, meetingMap } from '../shared-doc/doc-schema';
import { settled } from '../shared-doc/last-valid';
import type { KeyRule } from '../shared-doc/last-valid';
import { readMeeting, roleOf } from '../shared-doc/meeting-state';
import type { CommandResult } from '../shared-doc/meeting-commands';
import { put } from '../shared-doc/signed';
import { byChair } from '../shared-doc/who-writes';

/**
 * A fresh room for the running meeting (issue 13, point 3): "the chair can start a fresh room
 * without them", a peer connected without showing who it is.
 *
 * Such a peer holds the meeting's room key (someone let in passed it on, or a panel kept an old
 * room open). The chair's panel makes a new room key and writes this marker into the meeting
 * (chair-only, signed): a number and a check of the new key, not the key. Each member's panel
 * that reads it asks again in the lobby, as when joining; the chair's panel lets in at once
 * whoever it sees present in the meeting by their card (regulars), and the key it seals for them
 * is accepted only when its check is the marker's. The meeting's content goes along (same
 * meeting id, so every signature still holds); the unseen peer stays behind in the old room.
 *
 * Kept out of MEETING_KEYS (like the second case) so that the seeded hostile fuzz keeps its
 * pinned streams.
 */
export const FRESH_ROOM_KEY = 'freshRoom';

/** The chair's last move of the meeting to a fresh room. */
export interface FreshRoom {
  /** How many times the meeting moved. */
  readonly n: number;
  /** `roomCheckOf` the new room's key (shared-doc/admission.ts). */
  readonly check: string;
}

export function decodeFreshRoom(value: unknown): FreshRoom | null {
  if (!isRecord(value) || typeof value.check !== 'string') return null;
  const n = finiteNumber(value.n);
  if (n === null || !Number.isInteger(n) || n < 1 || n > 1_000) return null;
  return /^[0-9a-f]{32}$/.test(value.check) ? { n, check: value.check } : null;
}

export const FRESH_ROOM_RULE: KeyRule = {
  valid: (value) => decodeFreshRoom(value) !== null,
  absent: 'keeps',
  who: (writer, value, map, n) => byChair(writer, value, map, n),
};

/** The marker of the meeting's latest fresh room; null while it never moved. */
export function readFreshRoom(doc: Y.Doc): FreshRoom | null {
  return decodeFreshRoom(settled(meetingMap(doc), FRESH_ROOM_KEY, FRESH_ROOM_RULE));
}

/** The chair marks the meeting as moved to a room whose key has this check. */
export function markFreshRoom(doc: Y.Doc, actorId: string, check: string): CommandResult {
  const meeting = readMeeting(doc);
  if (!meeting.started || meeting.ended) return { ok: false, reason: 'not-started' };
  if (roleOf(meeting, actorId) !== 'chair') return { ok: false, reason: 'not-chair' };
  const n = (readFreshRoom(doc)?.n ?? 0) + 1;
  doc.transact(() => put(meetingMap(doc), FRESH_ROOM_KEY, { n, check }), LOCAL_ORIGIN);
  return { ok: true };
}
