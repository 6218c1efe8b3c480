import { describe, expect, it } from 'vitest';
import { decodeGroups, forgetGroup, MAX_GROUPS, rememberGroup } from '../../../lib/device/groups';
import type { RememberedGroup } from '../../../lib/device/groups';
import { createInvite } from '../../../lib/invite/invite';

function group(n: number, lastUsedAt = n): RememberedGroup {
  return {
    groupId: `group-${String(n).padStart(4, '0')}`,
    code: createInvite().code,
    name: `Groep ${n}`,
    memberName: 'Anna',
    memberId: `member-${String(n).padStart(4, '0')}`,
    lastUsedAt,
  };
}

describe('remembered groups', () => {
  it('keeps the most recently used group first and updates a known group in place', () => {
    let groups = rememberGroup([], group(1));
    groups = rememberGroup(groups, group(2));
    groups = rememberGroup(groups, { ...group(1), lastUsedAt: 10, name: 'Hernoemd' });
    expect(groups.map((g) => g.name)).toEqual(['Hernoemd', 'Groep 2']);
  });

  it('forgets a group', () => {
    expect(forgetGroup([group(1), group(2)], 'group-0001').map((g) => g.groupId)).toEqual([
      'group-0002',
    ]);
  });

  it(`remembers at most ${MAX_GROUPS} groups`, () => {
    let groups: RememberedGroup[] = [];
    for (let i = 0; i < MAX_GROUPS + 5; i++) groups = rememberGroup(groups, group(i));
    expect(groups).toHaveLength(MAX_GROUPS);
    expect(groups[0]?.groupId).toBe(`group-${String(MAX_GROUPS + 4).padStart(4, '0')}`);
  });

  it('round-trips through storage and drops damaged entries', () => {
    const good = group(1);
    const stored: unknown = JSON.parse(
      JSON.stringify([
        good,
        { ...good, groupId: 'x' },
        { ...group(2), code: 'KR1-broken' },
        'junk',
        null,
      ]),
    );
    expect(decodeGroups(stored)).toEqual([good]);
    expect(decodeGroups('not a list')).toEqual([]);
    expect(decodeGroups(undefined)).toEqual([]);
  });
});
