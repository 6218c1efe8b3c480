import { describe, expect, it } from 'vitest';
import {
  decodeSeriesLength,
  meetingNumber,
  parseSeriesLength,
  seriesItem,
} from '../../../lib/device/series';
import { memoryStore } from '../../../lib/device/key-value-store';
import { decodeSummary } from '../../../lib/shared-doc/meeting-summary';
import type { MeetingSummary } from '../../../lib/shared-doc/meeting-summary';

/** Issue 14, point 7: "The panel shows the meeting's number in the series (e.g. 'meeting 3 of 10')." */

describe("a group's series length on the device", () => {
  it.each([
    [1, 1],
    [10, 10],
    [50, 50],
    [0, null],
    [51, null],
    [2.5, null],
    ['10', null],
    [null, null],
    [undefined, null],
    [Number.NaN, null],
  ])('decodes %s as %s', (value, expected) => {
    expect(decodeSeriesLength(value)).toBe(expected);
  });

  it.each([
    ['10', { ok: true, length: 10 }],
    [' 3 ', { ok: true, length: 3 }],
    ['', { ok: true, length: null }],
    ['0', { ok: false }],
    ['51', { ok: false }],
    ['1e1', { ok: false }],
    ['-2', { ok: false }],
    ['tien', { ok: false }],
  ])('reads what a member typed, %j, as %j', (text, expected) => {
    expect(parseSeriesLength(text)).toEqual(expected);
  });

  it('stores a length per group, versioned, and reads a missing one as none', async () => {
    const store = memoryStore();
    const item = seriesItem('group-0001');
    expect((await item.read(store)).value).toBeNull();
    expect(await item.write(store, 10)).toBe(true);
    expect(await item.read(store)).toEqual({ status: 'stored', value: 10, version: 1 });
    expect((await seriesItem('group-0002').read(store)).value).toBeNull();
  });

  it('reads a garbled stored value as none, and leaves a later version alone', async () => {
    const item = seriesItem('group-0001');
    expect(item.decodeStored({ v: 1, value: 'ten' }).value).toBeNull();
    expect(item.decodeStored(7).value).toBe(7); // no envelope: version 1
    const store = memoryStore();
    await store.set(item.key, { v: 2, value: { length: 10 } });
    expect((await item.read(store)).status).toBe('unknown');
    expect(await item.write(store, 3)).toBe(false);
    expect(await store.get(item.key)).toEqual({ v: 2, value: { length: 10 } });
  });
});

describe('the meeting number', () => {
  const past = (n: number): MeetingSummary[] =>
    Array.from({ length: n }, (_, i) =>
      decodeSummary({
        meetingId: `meeting-000${i}`,
        startedAt: i,
        endedAt: i + 1,
        methodId: 'basic',
      }),
    ).filter((s): s is MeetingSummary => s !== null);

  it('is the meetings this device kept of the group, plus one', () => {
    expect(meetingNumber([])).toBe(1);
    expect(meetingNumber(past(2))).toBe(3);
  });
});
