import type { MeetingSummary } from '../shared-doc/meeting-summary';
import { defineStoredItem } from './stored-item';
import type { StoredItem } from './stored-item';

/**
 * The length of a group's series, on this device (issue 14, point 7: "The panel shows the
 * meeting's number in the series (e.g. 'meeting 3 of 10')"). A small item per group rather than
 * a field of the group record, so that the record's sealed entries need no new version.
 */
export const MAX_SERIES_LENGTH = 50;

/** A series length: a whole number from 1 to 50; null (no set length) for anything else. */
export function decodeSeriesLength(value: unknown): number | null {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 1 &&
    value <= MAX_SERIES_LENGTH
    ? value
    : null;
}

/**
 * What a member typed in the series field: `{ ok, length }` with null for an empty field, or
 * not ok for anything that is not a whole number from 1 to 50.
 */
export function parseSeriesLength(
  text: string,
): { readonly ok: true; readonly length: number | null } | { readonly ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, length: null };
  if (!/^\d{1,2}$/.test(trimmed)) return { ok: false };
  const length = decodeSeriesLength(Number(trimmed));
  return length === null ? { ok: false } : { ok: true, length };
}

/** The store key of a group's series length on this device. */
export function seriesKey(groupId: string): string {
  return `series:${groupId}`;
}

/** A group's series length. Version 1: the number, or null for none. */
export function seriesItem(groupId: string): StoredItem<number | null> {
  return defineStoredItem({
    key: seriesKey(groupId),
    version: 1,
    decode: decodeSeriesLength,
    migrations: {},
  });
}

/**
 * The number of the meeting that runs or is about to start: the meetings of the group this
 * device has kept, plus one. A device that joined the series late counts from when it joined.
 */
export function meetingNumber(history: readonly MeetingSummary[]): number {
  return history.length + 1;
}
