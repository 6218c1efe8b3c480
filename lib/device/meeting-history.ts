import { decodeSummary } from '../shared-doc/meeting-end';
import type { MeetingSummary } from '../shared-doc/meeting-end';
import { decodeAtRest } from './at-rest';
import type { AtRestValue } from './at-rest';
import { defineStoredItem } from './stored-item';
import type { StoredItem } from './stored-item';
import { byName } from '../util/order';

/** How many past meetings a device keeps per group. */
export const MAX_HISTORY = 30;

/** Decodes a group's stored history, newest first, dropping malformed entries. */
export function decodeHistory(value: unknown): MeetingSummary[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: MeetingSummary[] = [];
  for (const raw of value.slice(0, MAX_HISTORY * 2)) {
    const summary = decodeSummary(raw);
    if (!summary || seen.has(summary.meetingId)) continue;
    seen.add(summary.meetingId);
    out.push(summary);
  }
  return out.sort((a, b) => b.endedAt - a.endedAt).slice(0, MAX_HISTORY);
}

/** The store key of a group's history of meetings on this device. */
export function historyKey(groupId: string): string {
  return `history:${groupId}`;
}

/**
 * A group's stored history. Version 1 is the list of summaries stored before versioned items;
 * version 2 is `{ plain: list }` or, with a passphrase, `{ sealed: [entries] }` (`at-rest.ts`),
 * each entry a sealed list; builds that know only version 1 leave version 2 alone. A change of
 * `MeetingSummary` adds a version with `migrateEach` inside `plain`, and in the opened lists.
 */
export function historyItem(groupId: string): StoredItem<AtRestValue<MeetingSummary[]>> {
  return defineStoredItem({
    key: historyKey(groupId),
    version: 2,
    decode: (value) => decodeAtRest(value, decodeHistory),
    migrations: { 2: (list) => ({ plain: list }) },
  });
}

/** Merges an opened entry (a list of summaries) into a history. */
export function mergeHistory(
  history: readonly MeetingSummary[],
  opened: unknown,
): MeetingSummary[] {
  return decodeHistory(opened).reduce(addToHistory, [...history]);
}

/** Adds a meeting's summary once (every panel sees the end; reloading must not add it twice). */
export function addToHistory(
  history: readonly MeetingSummary[],
  summary: MeetingSummary,
): MeetingSummary[] {
  if (history.some((h) => h.meetingId === summary.meetingId)) return [...history];
  return [summary, ...history].sort((a, b) => b.endedAt - a.endedAt).slice(0, MAX_HISTORY);
}

/**
 * Suggests who chairs next, per the group's rota: of the names given (members present), the one
 * who chaired longest ago or never (never first, then by name); null when nobody is given, and on
 * a group that has not met yet: there is no rota then, and naming whoever is alphabetically
 * first told the group's founder it was their own turn.
 */
export function suggestNextChair(
  history: readonly MeetingSummary[],
  names: readonly string[],
): string | null {
  if (names.length === 0 || history.length === 0) return null;
  const lastChaired = new Map<string, number>();
  for (const meeting of history) {
    if (meeting.chairName && !lastChaired.has(meeting.chairName)) {
      lastChaired.set(meeting.chairName, meeting.endedAt);
    }
  }
  const ranked = [...new Set(names)].sort((a, b) => {
    const ta = lastChaired.get(a) ?? -Infinity;
    const tb = lastChaired.get(b) ?? -Infinity;
    return ta - tb || byName(a, b);
  });
  return ranked[0] ?? null;
}
