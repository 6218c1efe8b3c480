import { describe, expect, it } from 'vitest';
import { byGroupAndMeeting, byMeetingThenCreated } from '../../../lib/notebook/note-order';
import type { Note } from '../../../lib/notebook/note-codec';
import { draft } from './fixtures';

/**
 * A note written as `group/meeting/id`, with its meeting on day `day` and written at `at`:
 * the tables below read as the notes a list holds.
 */
function note(spec: string, day = 1, at = 0, groupName = 'Groep'): Note {
  const [group = '', meeting = '', id = ''] = spec.split('/');
  return {
    ...draft(),
    id: `note-${id}`,
    groupId: `group-${group}`,
    groupName,
    meetingId: `meeting-${meeting}`,
    meetingDate: day,
    createdAt: at,
    updatedAt: at,
  };
}

/** The grouping as `group: meeting(ids) meeting(ids) | group: …`. */
function shape(notes: readonly Note[]): string {
  return byGroupAndMeeting(notes)
    .map(
      (group) =>
        `${group.groupId.slice(6)}: ${group.meetings
          .map((m) => `${m.meetingId.slice(8)}(${m.notes.map((n) => n.id.slice(5)).join(',')})`)
          .join(' ')}`,
    )
    .join(' | ');
}

describe('byGroupAndMeeting', () => {
  it.each<[string, Note[], string]>([
    ['nothing for no notes', [], ''],
    ['one group with one meeting', [note('a/1/x'), note('a/1/y')], 'a: 1(x,y)'],
    [
      'meetings of a group in the order listed',
      [note('a/2/x', 2), note('a/1/y', 1), note('a/1/z', 1)],
      'a: 2(x) 1(y,z)',
    ],
    [
      'groups in the order their first note is listed',
      [note('b/3/x', 3), note('a/2/y', 2), note('b/1/z', 1)],
      'b: 3(x) 1(z) | a: 2(y)',
    ],
    [
      'notes of one meeting together even when the list interleaves them',
      [note('a/1/x'), note('b/2/y'), note('a/1/z')],
      'a: 1(x,z) | b: 2(y)',
    ],
  ])('gives %s', (_, notes, expected) => {
    expect(shape(notes)).toBe(expected);
  });

  it.each<[string, string[], string]>([
    ['the newest name', ['Nieuw', 'Oud'], 'Nieuw'],
    ['the newest name that is not blank', ['  ', 'Oud'], 'Oud'],
    ['the name trimmed', ['  Team B3 ', 'Oud'], 'Team B3'],
    ['no name when none has one', ['', ' '], ''],
  ])('names a group by %s', (_, names, expected) => {
    const notes = names.map((name, i) => note(`a/${9 - i}/${i}`, 9 - i, 0, name));
    expect(byGroupAndMeeting(notes)[0]?.groupName).toBe(expected);
  });

  it("dates a meeting by its first note's meeting date", () => {
    const [group] = byGroupAndMeeting([note('a/1/x', 5), note('a/1/y', 6)]);
    expect(group?.meetings[0]?.meetingDate).toBe(5);
  });
});

describe('byMeetingThenCreated', () => {
  it('lists the newest meeting first, then each meeting in the order its notes were written', () => {
    const notes = [
      note('a/old/1', 1, 10),
      note('a/new/2', 2, 30),
      note('a/new/1', 2, 20),
      note('b/same-day/1', 2, 5),
    ];
    expect([...notes].sort(byMeetingThenCreated).map((n) => `${n.meetingId}/${n.id}`)).toEqual([
      'meeting-new/note-1',
      'meeting-new/note-2',
      'meeting-same-day/note-1',
      'meeting-old/note-1',
    ]);
  });

  it('orders notes written at the same moment by id, so the order never depends on storage', () => {
    const notes = [note('a/1/b'), note('a/1/a'), note('a/1/c')];
    expect([...notes].sort(byMeetingThenCreated).map((n) => n.id)).toEqual([
      'note-a',
      'note-b',
      'note-c',
    ]);
  });
});
