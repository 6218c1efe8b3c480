import type * as Y from 'yjs';
import { parseInvite } from '../invite/invite';
import { finiteNumber, isRecord } from '../util/guards';
import { LOCAL_ORIGIN, meetingMap } from '../shared-doc/doc-schema';
import { settled } from '../shared-doc/last-valid';
import type { KeyRule } from '../shared-doc/last-valid';
import { readMeeting, roleOf } from '../shared-doc/meeting-state';
import type { CommandResult } from '../shared-doc/meeting-commands';
import { put } from '../shared-doc/signed';
import { byChair } from '../shared-doc/who-writes';

/**
 * A new invite for the group (issue 13, point 2): "The chair can issue a new invite; present
 * members move along without retyping; anyone left out can no longer join the group's lobby."
 *
 * The chair writes the new invite's code into the running meeting's document (chair-only,
 * signed). Only members let into this meeting have that document (shared-doc/admission.ts), so only they
 * learn the code; each of their panels moves its lobby to the new secret and remembers the new
 * code (group-session.ts). The meeting itself goes on: its room derives from its own key, not from
 * the group's secret. The old invite then opens an old lobby where nobody is any more.
 *
 * Kept out of MEETING_KEYS (like the second case) so that the seeded hostile fuzz, which picks
 * from MEETING_KEYS, keeps its pinned streams.
 */
export const NEW_INVITE_KEY = 'newInvite';

/** The group's new invite as the chair issued it. */
export interface NewInvite {
  readonly code: string;
  readonly secret: Uint8Array;
  /** When the chair issued it, on the chair's clock. */
  readonly at: number;
}

/** Decodes the key: a valid invite code (checksum and all) and a time. */
export function decodeNewInvite(value: unknown): NewInvite | null {
  if (!isRecord(value) || typeof value.code !== 'string' || value.code.length > 100) return null;
  const at = finiteNumber(value.at);
  const parsed = parseInvite(value.code);
  if (at === null || !parsed.ok) return null;
  return { code: parsed.invite.code, secret: parsed.invite.secret, at };
}

/** Written by the chair only; a removal or garbage keeps the last valid one. */
export const NEW_INVITE_RULE: KeyRule = {
  valid: (value) => decodeNewInvite(value) !== null,
  absent: 'keeps',
  who: (writer, value, map, n) => byChair(writer, value, map, n),
};

/** The chair issues the group's new invite (its code, made by the caller) in this meeting. */
export function issueNewInvite(
  doc: Y.Doc,
  actorId: string,
  code: string,
  now: number,
): CommandResult {
  const meeting = readMeeting(doc);
  if (!meeting.started || meeting.ended) return { ok: false, reason: 'not-started' };
  if (roleOf(meeting, actorId) !== 'chair') return { ok: false, reason: 'not-chair' };
  if (!parseInvite(code).ok) return { ok: false, reason: 'not-allowed' };
  doc.transact(() => put(meetingMap(doc), NEW_INVITE_KEY, { code, at: now }), LOCAL_ORIGIN);
  return { ok: true };
}

/** The newest invite the chair issued in this meeting; null when none. */
export function readNewInvite(doc: Y.Doc): NewInvite | null {
  return decodeNewInvite(settled(meetingMap(doc), NEW_INVITE_KEY, NEW_INVITE_RULE));
}
