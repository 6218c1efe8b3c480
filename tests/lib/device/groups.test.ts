import { describe, expect, it } from 'vitest';
import {
  decodeGroups,
  forgetGroup,
  groupsItem,
  MAX_GROUPS,
  rememberGroup,
} from '../../../lib/device/groups';
import { memoryStore } from '../../../lib/device/key-value-store';
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

describe('the stored list of groups', () => {
  const [a, b, c] = [group(1), group(2), group(3)];
  // What builds before versioned items stored: the plain list, most recently used first.
  const storedToday: unknown = JSON.parse(JSON.stringify([b, a]));

  it.each([
    ['nothing', undefined, { status: 'missing', value: [] }],
    [
      'the list as stored before versions',
      storedToday,
      { status: 'stored', version: 1, value: [b, a] },
    ],
    [
      'the list before versions, least recently used first',
      [a, c, b],
      { status: 'stored', version: 1, value: [c, b, a] },
    ],
    ['a version 1 envelope', { v: 1, value: [a] }, { status: 'stored', version: 1, value: [a] }],
    [
      'a list with damaged groups',
      [a, { ...b, code: 'KR1-broken' }, 'junk', null, { ...c, memberId: 'x' }, c],
      { status: 'stored', version: 1, value: [c, a] },
    ],
    [
      'an envelope with damaged groups',
      { v: 1, value: [{ ...a, lastUsedAt: 'yesterday' }, b] },
      { status: 'stored', version: 1, value: [b] },
    ],
    ['text', 'groups', { status: 'stored', version: 1, value: [] }],
    ['an object', { groups: [a] }, { status: 'stored', version: 1, value: [] }],
    [
      'an envelope holding no list',
      { v: 1, value: null },
      { status: 'stored', version: 1, value: [] },
    ],
    [
      'a later version',
      { v: 2, value: { byId: {} } },
      { status: 'unknown', version: 2, value: [] },
    ],
  ])('reads %s', (_, raw, expected) => {
    expect(groupsItem.decodeStored(raw)).toEqual(expected);
  });

  it('round-trips through a store', async () => {
    const store = memoryStore();
    await groupsItem.write(store, [b, a]);
    expect(await store.get(groupsItem.key)).toEqual({ v: 1, value: [b, a] });
    expect((await groupsItem.read(store)).value).toEqual([b, a]);
  });

  it('leaves a list from a later build in storage', async () => {
    const store = memoryStore();
    const later = { v: 2, value: { byId: { [a.groupId]: a } } };
    await store.set(groupsItem.key, later);
    expect(await groupsItem.write(store, [b])).toBe(false);
    expect(await store.get(groupsItem.key)).toEqual(later);
  });
});
