import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { attendanceEntryFrom } from '../../lib/device/attendance';
import type { AttendanceEntry } from '../../lib/device/attendance';
import { NO_AT_REST } from '../../lib/device/at-rest';
import { createAttendanceStore } from '../../lib/device/attendance-store';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { decodeSummary } from '../../lib/shared-doc/meeting-end';
import type { MeetingSummary } from '../../lib/shared-doc/meeting-end';
import { useLastRead } from '../common/useLastRead';
import { useNotebook } from '../notes/NotebookContext';

/** The device's attendance record, newest first, and whether it is sealed and locked. */
export interface AttendanceRecordState {
  readonly entries: readonly AttendanceEntry[];
  readonly locked: boolean;
  /** The stored record has been read: until then an empty list says nothing. */
  readonly loaded: boolean;
}

function useAttendanceStore(store: KeyValueStore) {
  const notebook = useNotebook();
  const attendance = useMemo(
    () => createAttendanceStore(store, notebook ?? NO_AT_REST),
    [store, notebook],
  );
  useEffect(() => {
    void attendance.load();
    return attendance.watchKeys();
  }, [attendance]);
  return attendance;
}

/** The attendance record (`lib/device/attendance-store.ts`) for the record's view. */
export function useAttendanceRecord(store: KeyValueStore): AttendanceRecordState {
  const attendance = useAttendanceStore(store);
  const entries = useSyncExternalStore(attendance.subscribe, attendance.getSnapshot);
  const locked = useSyncExternalStore(attendance.subscribe, attendance.isLocked);
  const read = useSyncExternalStore(attendance.subscribe, attendance.isLoaded);
  // Made anew when the notebook's code arrives: what the last store read stays until it has read.
  const stored = useMemo(() => ({ entries, locked }), [entries, locked]);
  const current = useLastRead('attendance', stored, read);
  return useMemo(
    () => ({ entries: current.value.entries, locked: current.value.locked, loaded: current.read }),
    [current.value, current.read],
  );
}

/** What a group's view knows of the meeting it shows. */
export interface MeetingAttendance {
  readonly groupId: string;
  readonly groupName: string | null;
  readonly selfId: string;
  readonly meetingId: string | null;
  /** True while the meeting runs (started, not ended). */
  readonly running: boolean;
  readonly role: string | null;
  readonly memberNames: readonly string[];
  readonly ended: MeetingSummary | null;
}

/**
 * Records the meeting in the attendance record when it ends. The summary the group keeps has
 * no list of who was there (by design: it is what the group agreed to keep), so the names come
 * from this panel: everyone it saw in the meeting while it ran, and whoever is there at the end.
 * A member whose connection dropped for the last minutes still attended.
 */
export function useRecordAttendance(store: KeyValueStore, meeting: MeetingAttendance): void {
  const attendance = useAttendanceStore(store);
  const seen = useRef<Seen>({ meetingId: null, names: new Set(), role: null, ran: false });
  const { groupId, groupName, selfId, meetingId, running, role, ended } = meeting;
  // A string, so that a new but equal list of names does not run the effect again.
  const names = JSON.stringify(meeting.memberNames);
  const endedJson = ended ? JSON.stringify(ended) : null;

  useEffect(() => {
    // Names are kept per meeting: a new meeting starts a new list.
    if (seen.current.meetingId !== meetingId) {
      seen.current = { meetingId, names: new Set(), role: null, ran: false };
    }
    if (!meetingId || !(running || endedJson)) return;
    for (const name of JSON.parse(names) as string[]) seen.current.names.add(name);
    if (running) seen.current.ran = true;
    if (running && role) seen.current.role = role;
  }, [meetingId, running, role, names, endedJson]);

  // Once per ended meeting (the store adds a meeting once, across reloads and panels too).
  const endedId = ended?.meetingId ?? null;
  useEffect(() => {
    if (endedJson === null || seen.current.meetingId !== endedId) return;
    const summary = decodeSummary(JSON.parse(endedJson));
    if (!summary) return;
    // A register must see only meetings attended: a panel opened on a group whose last meeting
    // had already ended shows its summary, but this member was not there. Its chair and case
    // bringer were (a reload after the end, when the first record may not have been written).
    const named = summary.caseBringerId === selfId || role === 'chair';
    if (!seen.current.ran && !named) return;
    const entry = attendanceEntryFrom(summary, {
      groupId,
      groupName,
      selfId,
      role: seen.current.role ?? role,
      present: [...seen.current.names],
    });
    if (entry) void attendance.record(entry);
  }, [attendance, endedId, endedJson, groupId, groupName, selfId, role]);
}

interface Seen {
  meetingId: string | null;
  names: Set<string>;
  role: string | null;
  /** This panel saw the meeting running. */
  ran: boolean;
}
