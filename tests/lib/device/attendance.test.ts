import { describe, expect, it } from 'vitest';
import {
  ATTENDANCE_KEY,
  MAX_ATTENDANCE,
  MAX_PRESENT,
  addAttendance,
  attendanceEntryFrom,
  attendanceItem,
  decodeAttendance,
  decodeAttendanceEntry,
  mergeAttendance,
} from '../../../lib/device/attendance';
import type { AttendanceEntry } from '../../../lib/device/attendance';
import { memoryStore } from '../../../lib/device/key-value-store';
import type { MeetingSummary } from '../../../lib/shared-doc/meeting-end';

const CASE = 'Mijn cliënt dreigt met een klacht';

function entry(n: number, over: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return {
    meetingId: `meeting-${String(n).padStart(4, '0')}`,
    groupId: 'group-0001',
    groupName: 'Jeugdzorg Noord',
    startedAt: n * 10_000_000,
    endedAt: n * 10_000_000 + 90 * 60_000,
    methodId: 'basic',
    role: 'member',
    present: ['Anna', 'Bram'],
    ...over,
  };
}

const summary: MeetingSummary = {
  meetingId: 'meeting-0042',
  startedAt: 1_700_000_000_000,
  endedAt: 1_700_000_000_000 + 95 * 60_000,
  methodId: 'incident',
  chairName: 'Anna',
  caseBringerName: 'Chris',
  caseBringerId: 'chris-00001',
  caseTitle: CASE,
  agreements: [`${CASE}: bellen`],
  followUp: ['Over twee weken terugkijken'],
};

describe('an attendance entry', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'meeting'],
    ['an array', [1, 2]],
    ['no meeting id', { ...entry(1), meetingId: undefined }],
    ['a meeting id with spaces', { ...entry(1), meetingId: 'a b' }],
    ['no group id', { ...entry(1), groupId: 7 }],
    ['an unknown method', { ...entry(1), methodId: 'séance' }],
    ['a start that is not a number', { ...entry(1), startedAt: '10:00' }],
    ['an end before the start', { ...entry(1), endedAt: 0 }],
    ['an infinite end', { ...entry(1), endedAt: Infinity }],
  ])('reads %s as no entry', (_, raw) => {
    expect(decodeAttendanceEntry(raw)).toBeNull();
  });

  it('reads an unknown role as member, and keeps the facilitator (issue 14, point 8)', () => {
    expect(decodeAttendanceEntry({ ...entry(1), role: 'admin' })?.role).toBe('member');
    expect(decodeAttendanceEntry({ ...entry(1), role: 'facilitator' })?.role).toBe('facilitator');
  });

  it('cleans names from peers: no control characters, bounded, unique, sorted, at most 30', () => {
    const many = Array.from({ length: 200 }, (_, i) => `Lid ${String(i).padStart(3, '0')}`);
    const read = decodeAttendanceEntry({
      ...entry(1),
      present: ['Bram\u0000\n', 'Anna', 'Anna', 7, null, 'x'.repeat(500), '   ', ...many],
    });
    expect(read?.present.length).toBe(MAX_PRESENT);
    expect(read?.present.slice(0, 2)).toEqual(['Anna', 'Bram']);
    expect(
      read?.present.every((n) => n.length <= 40 && [...n].every((c) => c.charCodeAt(0) >= 0x20)),
    ).toBe(true);
  });

  it('reads a missing or empty group name as unnamed', () => {
    expect(decodeAttendanceEntry({ ...entry(1), groupName: 5 })?.groupName).toBeNull();
    expect(decodeAttendanceEntry({ ...entry(1), groupName: '\u0007' })?.groupName).toBeNull();
  });
});

describe('the record of an ended meeting', () => {
  const context = {
    groupId: 'group-0001',
    groupName: 'Jeugdzorg Noord',
    selfId: 'bram-000001',
    role: 'member',
    present: ['Bram', 'Dirk'],
  };

  it('keeps times, method, role and names, and no case title, agreement or follow-up', () => {
    const made = attendanceEntryFrom(summary, context);
    expect(made).toEqual({
      meetingId: 'meeting-0042',
      groupId: 'group-0001',
      groupName: 'Jeugdzorg Noord',
      startedAt: summary.startedAt,
      endedAt: summary.endedAt,
      methodId: 'incident',
      role: 'member',
      // The chair and the case bringer were there even if their panel had gone at the end.
      present: ['Anna', 'Bram', 'Chris', 'Dirk'],
    });
    const text = JSON.stringify(made);
    for (const said of [CASE, 'bellen', 'terugkijken']) expect(text).not.toContain(said);
  });

  it('names the case bringer from the summary: the end clears it from the meeting', () => {
    const made = attendanceEntryFrom(summary, { ...context, selfId: 'chris-00001', role: null });
    expect(made?.role).toBe('bringer');
  });

  it('keeps the chair', () => {
    expect(attendanceEntryFrom(summary, { ...context, role: 'chair' })?.role).toBe('chair');
  });
});

describe('the stored record', () => {
  it('adds a meeting once, newest first', () => {
    const record = [entry(1)].reduce(addAttendance, [] as AttendanceEntry[]);
    const again = addAttendance(addAttendance(record, entry(2)), entry(2));
    expect(again.map((e) => e.meetingId)).toEqual(['meeting-0002', 'meeting-0001']);
  });

  it(`keeps ${MAX_ATTENDANCE} meetings across groups, not 30 per group like the history`, () => {
    const many = Array.from({ length: MAX_ATTENDANCE + 5 }, (_, i) => entry(i + 1));
    const record = decodeAttendance(many);
    expect(record.length).toBe(MAX_ATTENDANCE);
    expect(record[0]?.meetingId).toBe(`meeting-${MAX_ATTENDANCE + 5}`);
    expect(decodeAttendance(many.slice(0, 40)).length).toBe(40);
  });

  it('drops malformed and repeated entries of a list, keeps the rest', () => {
    const record = decodeAttendance([entry(1), 'junk', { meetingId: 'x' }, entry(1), entry(3)]);
    expect(record.map((e) => e.meetingId)).toEqual(['meeting-0003', 'meeting-0001']);
    expect(decodeAttendance({ not: 'a list' })).toEqual([]);
  });

  it('merges an opened sealed entry without duplicates, and ignores garbage', () => {
    expect(mergeAttendance([entry(1)], [entry(1), entry(2)]).length).toBe(2);
    expect(mergeAttendance([entry(1)], 'garbage')).toEqual([entry(1)]);
  });

  it('is a versioned item under its own key, plain until a passphrase seals it', async () => {
    const store = memoryStore();
    expect((await attendanceItem.read(store)).value).toEqual({ plain: [] });
    await attendanceItem.write(store, { plain: [entry(1)] });
    expect(await store.get(ATTENDANCE_KEY)).toEqual({ v: 1, value: { plain: [entry(1)] } });
    await store.set(ATTENDANCE_KEY, { v: 1, value: 'garbage' });
    expect((await attendanceItem.read(store)).value).toEqual({ plain: [] });
    await store.set(ATTENDANCE_KEY, { v: 1, value: { sealed: [{ iv: 1 }, 'x'] } });
    expect((await attendanceItem.read(store)).value).toEqual({ sealed: [] });
  });

  it('leaves a record written by a later build alone', async () => {
    const store = memoryStore();
    const later = { v: 9, value: { something: 'new' } };
    await store.set(ATTENDANCE_KEY, later);
    expect((await attendanceItem.read(store)).status).toBe('unknown');
    expect(await attendanceItem.write(store, { plain: [] })).toBe(false);
    expect(await store.get(ATTENDANCE_KEY)).toEqual(later);
  });
});
