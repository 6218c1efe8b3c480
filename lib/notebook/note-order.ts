/**
 * How notes are arranged for reading, in the panel and in an export alike: newest meeting
 * first, then by group and meeting.
 */

import type { Note } from './note-codec';
import { byCodeUnits } from '../util/order';

export interface MeetingNotes {
  readonly meetingId: string;
  readonly meetingDate: number;
  readonly notes: readonly Note[];
}

export interface GroupNotes {
  readonly groupId: string;
  /** The newest non-blank name the group's notes carry, trimmed; '' when none has one. */
  readonly groupName: string;
  readonly meetings: readonly MeetingNotes[];
}

/** Newest meeting first; within a meeting in the order the notes were written. */
export function byMeetingThenCreated(a: Note, b: Note): number {
  return (
    b.meetingDate - a.meetingDate ||
    byCodeUnits(a.meetingId, b.meetingId) ||
    a.createdAt - b.createdAt ||
    byCodeUnits(a.id, b.id)
  );
}

/**
 * Groups notes by group, then meeting, keeping the order they come in (the notebook lists the
 * newest meeting first), so the first group is the one met most recently.
 */
export function byGroupAndMeeting(notes: readonly Note[]): GroupNotes[] {
  type Meeting = { meetingId: string; meetingDate: number; notes: Note[] };
  const groups = new Map<string, { groupName: string; meetings: Map<string, Meeting> }>();
  for (const note of notes) {
    let group = groups.get(note.groupId);
    if (!group) {
      group = { groupName: '', meetings: new Map() };
      groups.set(note.groupId, group);
    }
    // The newest meeting's name wins: a group may have been renamed since.
    if (!group.groupName) group.groupName = note.groupName.trim();
    let meeting = group.meetings.get(note.meetingId);
    if (!meeting) {
      meeting = { meetingId: note.meetingId, meetingDate: note.meetingDate, notes: [] };
      group.meetings.set(note.meetingId, meeting);
    }
    meeting.notes.push(note);
  }
  return [...groups].map(([groupId, group]) => ({
    groupId,
    groupName: group.groupName,
    meetings: [...group.meetings.values()],
  }));
}
