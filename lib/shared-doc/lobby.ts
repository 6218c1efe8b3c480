import type * as Y from 'yjs';
import { LOCAL_ORIGIN, lobbyMap } from './doc-schema';
import { boundedString, finiteNumber, isRecord, safeId } from '../util/guards';
import { LIMITS } from '../util/limits';
import { randomId } from '../util/random-id';
import { forgetAdmissions } from './admission';

/**
 * The lobby records every meeting the group starts, each entry written once by its chair:
 * `started:<meeting id>` holds `{ startedAt, chairName, chairId }`, and `ended:<meeting id>` holds
 * `{ endedAt }` once the meeting ended. The meeting the group is in is chosen from these by one
 * rule (`chooseMeetings`), so two meetings started at the same moment, on both sides of a
 * partition or by a member who had not heard the others yet, resolve the same way on every panel
 * and neither is lost: the other one stays listed until its chair ends it.
 *
 * One pointer (`meeting`) used to hold the running meeting, last writer wins: a member who
 * started a meeting while cut off moved the whole group into his empty meeting when the network
 * healed. It is still written and read, so that panels of the earlier build follow along.
 */

/** A meeting the lobby says was started. */
export interface MeetingPointer {
  readonly meetingId: string;
  readonly startedAt: number;
}

/** A started meeting as the lobby records it. */
export interface StartedMeeting extends MeetingPointer {
  /** Null when the meeting was announced by an earlier build (the pointer has no name). */
  readonly chairName: string | null;
  /**
   * The member id of who started it; null from an earlier build. A member asking to join tells
   * by it whether that chair's panel is in the lobby to let them in.
   */
  readonly chairId: string | null;
}

/** What the lobby says about the group's meetings, as plain values. */
export interface LobbyState {
  /** The meeting the group is in now; null while none runs. */
  readonly current: StartedMeeting | null;
  /** Every started meeting not ended, the current one first, in the order of the choice. */
  readonly running: readonly StartedMeeting[];
  /** Ids of the meetings the lobby knows to have ended. */
  readonly ended: ReadonlySet<string>;
}

const STARTED = 'started:';
const ENDED = 'ended:';
const POINTER = 'meeting';

/**
 * Lobby entries read at most: an honest lobby holds two per meeting and is pruned to the last
 * KEEP_ENDED ended ones, so a lobby with more holds junk, and reading it must stay cheap.
 */
export const MAX_LOBBY_ENTRIES = 500;

/** Ended meetings the lobby remembers; older ones are pruned when a meeting ends. */
export const KEEP_ENDED = 20;

/**
 * The rule every panel applies to the same entries: the current meeting is the one started
 * first (ties broken by id) among those not ended. First, not last: a member who starts a
 * meeting because he has not heard the group yet starts it later than the one already running.
 */
export function chooseMeetings(
  started: readonly StartedMeeting[],
  ended: ReadonlySet<string>,
): { readonly current: StartedMeeting | null; readonly running: readonly StartedMeeting[] } {
  const running = started.filter((m) => !ended.has(m.meetingId)).sort(compareMeetings);
  return { current: running[0] ?? null, running };
}

function compareMeetings(a: StartedMeeting, b: StartedMeeting): number {
  if (a.startedAt !== b.startedAt) return a.startedAt - b.startedAt;
  return a.meetingId < b.meetingId ? -1 : a.meetingId > b.meetingId ? 1 : 0;
}

/** Reads the lobby's meetings; malformed entries are ignored, never read as a meeting. */
export function readLobby(doc: Y.Doc): LobbyState {
  const started = new Map<string, StartedMeeting>();
  const ended = new Set<string>();
  let pointer: StartedMeeting | null = null;
  let examined = 0;
  for (const [key, value] of lobbyMap(doc).entries()) {
    if (++examined > MAX_LOBBY_ENTRIES) break;
    if (key === POINTER) {
      const read = decodePointer(value);
      if (read) pointer = { ...read, chairName: null, chairId: null };
    } else if (key.startsWith(STARTED)) {
      const meetingId = safeId(key.slice(STARTED.length));
      const entry = meetingId ? decodeStarted(meetingId, value) : null;
      if (entry) started.set(entry.meetingId, entry);
    } else if (key.startsWith(ENDED)) {
      const meetingId = safeId(key.slice(ENDED.length));
      if (meetingId && decodeEndedAt(value) !== null) ended.add(meetingId);
    }
  }
  // A pointer written by an earlier build stands for a started meeting; one written by this
  // build names a meeting that also has its own entry, which says more (the chair's name).
  if (pointer && !started.has(pointer.meetingId)) started.set(pointer.meetingId, pointer);
  const { current, running } = chooseMeetings([...started.values()], ended);
  return { current, running, ended };
}

/** The meeting the group is in now, or null when none runs. */
export function readCurrentMeeting(doc: Y.Doc): MeetingPointer | null {
  const current = readLobby(doc).current;
  return current && { meetingId: current.meetingId, startedAt: current.startedAt };
}

/**
 * Records a meeting this member just started. Its entry is written once; the pointer of the
 * earlier build is set as well, for panels that read only that.
 */
export function announceMeeting(
  doc: Y.Doc,
  meeting: MeetingPointer & { readonly chairName?: string | null; readonly chairId?: string },
): void {
  const map = lobbyMap(doc);
  const key = STARTED + meeting.meetingId;
  doc.transact(() => {
    if (!map.has(key)) {
      map.set(key, {
        startedAt: meeting.startedAt,
        chairName: meeting.chairName ?? null,
        ...(meeting.chairId ? { chairId: meeting.chairId } : {}),
      });
    }
    map.set(POINTER, { meetingId: meeting.meetingId, startedAt: meeting.startedAt });
  }, LOCAL_ORIGIN);
}

/**
 * Records that a meeting ended (by its chair, or by any panel that saw its document end), once;
 * clears the earlier build's pointer when it names that meeting, and forgets all but the last
 * KEEP_ENDED ended meetings, so that the lobby stays small over a group's life.
 */
export function markMeetingEnded(doc: Y.Doc, meetingId: string, endedAt: number): void {
  const map = lobbyMap(doc);
  const key = ENDED + meetingId;
  const pointer = decodePointer(map.get(POINTER));
  const alreadyEnded = decodeEndedAt(map.get(key)) !== null;
  if (alreadyEnded && pointer?.meetingId !== meetingId) return;
  doc.transact(() => {
    if (!alreadyEnded) map.set(key, { endedAt });
    // Who asked to join and the keys sealed for them are of no use once the meeting ended.
    forgetAdmissions(map, meetingId);
    if (pointer?.meetingId === meetingId) map.delete(POINTER);
    const endedEntries: Array<{ meetingId: string; endedAt: number }> = [];
    let examined = 0;
    for (const [entryKey, value] of map.entries()) {
      if (++examined > MAX_LOBBY_ENTRIES) break;
      if (!entryKey.startsWith(ENDED)) continue;
      const id = safeId(entryKey.slice(ENDED.length));
      const at = decodeEndedAt(value);
      if (id && at !== null) endedEntries.push({ meetingId: id, endedAt: at });
    }
    endedEntries.sort((a, b) => b.endedAt - a.endedAt);
    for (const old of endedEntries.slice(KEEP_ENDED)) {
      map.delete(ENDED + old.meetingId);
      map.delete(STARTED + old.meetingId);
    }
  }, LOCAL_ORIGIN);
}

/** A new random meeting id (96 bits, url-safe). */
export function newMeetingId(): string {
  return randomId(12);
}

function decodePointer(value: unknown): MeetingPointer | null {
  if (!isRecord(value)) return null;
  const meetingId = safeId(value.meetingId);
  const startedAt = finiteNumber(value.startedAt);
  if (meetingId === null || startedAt === null) return null;
  return { meetingId, startedAt };
}

function decodeStarted(meetingId: string, value: unknown): StartedMeeting | null {
  if (!isRecord(value)) return null;
  const startedAt = finiteNumber(value.startedAt);
  if (startedAt === null) return null;
  return {
    meetingId,
    startedAt,
    chairName: boundedString(value.chairName, LIMITS.memberName),
    chairId: safeId(value.chairId),
  };
}

function decodeEndedAt(value: unknown): number | null {
  return isRecord(value) ? finiteNumber(value.endedAt) : null;
}
