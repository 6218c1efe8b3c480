import { describe, expect, it } from 'vitest';
import { heardGroupName } from '../../../lib/shared-doc/group-name';
import { PRESENCE_FIELD } from '../../../lib/shared-doc/presence';

/** An awareness state as a panel sets it; `groupName` undefined for a panel that does not know. */
const says = (memberId: string, groupName?: unknown) => ({
  [PRESENCE_FIELD]: { memberId, name: 'Lid', ...(groupName !== undefined ? { groupName } : {}) },
});

describe("the group's name as the others say it", () => {
  it.each([
    ['nobody says it', null, [says('member-a1'), says('member-b2')], null],
    ['one panel says it', null, [says('member-a1', 'Team Oost'), says('member-b2')], 'Team Oost'],
    [
      'most panels say one name',
      null,
      [
        says('member-a1', 'Team West'),
        says('member-b2', 'Team Oost'),
        says('member-c3', 'Team Oost'),
      ],
      'Team Oost',
    ],
    [
      'as many say each name: the first in alphabetical order, on every panel',
      null,
      [says('member-a1', 'Team West'), says('member-b2', 'Team Oost')],
      'Team Oost',
    ],
    ['the meeting names the group', 'Team Noord', [says('member-a1', 'Team Oost')], 'Team Noord'],
    [
      'junk in presence',
      null,
      [
        says('member-a1', 42),
        says('member-b2', '   '),
        says('member-c3', 'x'.repeat(61)),
        null,
        'x',
      ],
      null,
    ],
    ['a name with control characters', null, [says('member-a1', 'Team\u0000 Oost\n')], 'Team Oost'],
  ] as const)('gives the name when %s', (_, meetingName, presences, expected) => {
    expect(heardGroupName(meetingName, presences)).toBe(expected);
  });
});
