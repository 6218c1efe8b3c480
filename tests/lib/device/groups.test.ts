import { describe, expect, it } from 'vitest';
import {
  decodeGroups,
  forgetGroup,
  groupsItem,
  learnGroupName,
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
    signalingUrl: null,
    iceServers: [],
  };
}

describe('remembered groups', () => {
  it('keeps the most recently used group first and updates a known group in place', () => {
    let groups = rememberGroup([], group(1));
    groups = rememberGroup(groups, group(2));
    groups = rememberGroup(groups, { ...group(1), lastUsedAt: 10, name: 'Hernoemd' });
    expect(groups.map((g) => g.name)).toEqual(['Hernoemd', 'Groep 2']);
  });

  it('learns the name of a group joined by invite, once, and never renames a known group', () => {
    const joined: RememberedGroup = { ...group(1), name: null };
    expect(learnGroupName(joined, 'Team Oost')).toEqual({ ...joined, name: 'Team Oost' });
    expect(learnGroupName(joined, '  Team Oost  ')?.name).toBe('Team Oost');
    expect(learnGroupName(joined, null)).toBeNull();
    expect(learnGroupName(joined, '   ')).toBeNull();
    expect(learnGroupName(joined, 'x'.repeat(61))).toBeNull();
    expect(learnGroupName(group(2), 'Iets anders')).toBeNull();
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
  /** A group as version 1 stored it: no server address of its own. */
  const v1 = ({
    signalingUrl: _,
    ...rest
  }: RememberedGroup): Omit<RememberedGroup, 'signalingUrl'> => rest;
  const onServer = (g: RememberedGroup, url: string): RememberedGroup => ({
    ...g,
    signalingUrl: url,
  });
  // What builds before versioned items stored: the plain list, most recently used first.
  const storedToday: unknown = JSON.parse(JSON.stringify([v1(b), v1(a)]));

  it.each([
    ['nothing', undefined, { status: 'missing', value: [] }],
    [
      "the list as stored before versions, each group on the settings' server",
      storedToday,
      { status: 'stored', version: 1, value: [b, a] },
    ],
    [
      'the list before versions, least recently used first',
      [v1(a), v1(c), v1(b)],
      { status: 'stored', version: 1, value: [c, b, a] },
    ],
    [
      'a version 1 envelope',
      { v: 1, value: [v1(a)] },
      { status: 'stored', version: 1, value: [a] },
    ],
    [
      'a version 1 group that named a server, which version 1 never used',
      { v: 1, value: [{ ...v1(a), signalingUrl: 'wss://elsewhere.example' }] },
      { status: 'stored', version: 1, value: [a] },
    ],
    [
      'a list with damaged groups',
      [v1(a), { ...v1(b), code: 'KR1-broken' }, 'junk', null, { ...c, memberId: 'x' }, v1(c)],
      { status: 'stored', version: 1, value: [c, a] },
    ],
    [
      'an envelope with damaged groups',
      { v: 1, value: [{ ...v1(a), lastUsedAt: 'yesterday' }, v1(b)] },
      { status: 'stored', version: 1, value: [b] },
    ],
    [
      'a version 2 envelope with servers',
      { v: 2, value: [onServer(b, 'wss://kring.example.org'), a] },
      { status: 'stored', version: 2, value: [onServer(b, 'wss://kring.example.org'), a] },
    ],
    [
      "a version 2 group whose server is unusable, on the settings' server",
      {
        v: 2,
        value: [
          { ...a, signalingUrl: 'javascript:alert(1)' },
          { ...b, signalingUrl: 42 },
          { ...c, signalingUrl: 'wss://user:pw@kring.example.org' },
        ],
      },
      { status: 'stored', version: 2, value: [c, b, a] },
    ],
    [
      'a version 2 group without a server field',
      { v: 2, value: [v1(a)] },
      { status: 'stored', version: 2, value: [a] },
    ],
    ['text', 'groups', { status: 'stored', version: 1, value: [] }],
    ['an object', { groups: [a] }, { status: 'stored', version: 1, value: [] }],
    [
      'an envelope holding no list',
      { v: 1, value: null },
      { status: 'stored', version: 1, value: [] },
    ],
    [
      'the placeholder names of version 2 (the name field and part of the code), as unknown',
      {
        v: 2,
        value: [
          { ...a, name: `Naam van de groep ${a.code.slice(4, 8)}` },
          { ...b, name: `Group name ${b.code.slice(4, 8)}` },
          // Another group's code in the name: a name somebody chose, however odd.
          { ...c, name: `Group name ${a.code.slice(4, 8)}` },
        ],
      },
      {
        status: 'stored',
        version: 2,
        value: [
          { ...c, name: `Group name ${a.code.slice(4, 8)}` },
          { ...b, name: null },
          { ...a, name: null },
        ],
      },
    ],
    [
      'a placeholder name of a list from before versions, as unknown',
      [{ ...v1(a), name: `Naam van de groep ${a.code.slice(4, 8)}` }],
      { status: 'stored', version: 1, value: [{ ...a, name: null }] },
    ],
    [
      'a version 3 group whose name is not known yet, and one whose name is damaged',
      {
        v: 3,
        value: [
          { ...a, name: null },
          { ...b, name: 42 },
          { ...c, name: '  ' },
        ],
      },
      { status: 'stored', version: 3, value: [{ ...a, name: null }] },
    ],
    [
      'a version 3 group, which had no connection servers of its own',
      { v: 3, value: [{ ...a, iceServers: undefined }] },
      { status: 'stored', version: 3, value: [a] },
    ],
    [
      "a version 4 group's connection servers, dropping those that do not pass",
      {
        v: 4,
        value: [
          {
            ...a,
            iceServers: [
              { urls: 'turn:t.example.org', username: 'g', credential: 'w' },
              { urls: 'turn:nocreds.example.org' },
              { urls: 'http://not.example.org' },
            ],
          },
          { ...b, iceServers: 'stun:x' },
        ],
      },
      {
        status: 'stored',
        version: 4,
        value: [
          { ...b, iceServers: [] },
          { ...a, iceServers: [{ urls: 'turn:t.example.org', username: 'g', credential: 'w' }] },
        ],
      },
    ],
    [
      'a version 5 plain list',
      { v: 5, value: { plain: [a] } },
      { status: 'stored', version: 5, value: [a] },
    ],
    [
      'a later version',
      { v: 6, value: { byId: {} } },
      { status: 'unknown', version: 6, value: [] },
    ],
  ])('reads %s', (_, raw, expected) => {
    // Version 5 wraps the list as { plain } (or { sealed }, tests/lib/device/groups-at-rest).
    const read = groupsItem.decodeStored(raw);
    expect('plain' in read.value).toBe(true);
    expect({ ...read, value: 'plain' in read.value ? read.value.plain : null }).toEqual(expected);
  });

  it("round-trips through a store, with a group's own server", async () => {
    const store = memoryStore();
    const list = [onServer(b, 'ws://127.0.0.1:4444'), a];
    await groupsItem.write(store, { plain: list });
    expect(await store.get(groupsItem.key)).toEqual({ v: 5, value: { plain: list } });
    expect((await groupsItem.read(store)).value).toEqual({ plain: list });
  });

  it('leaves a list from a later build in storage', async () => {
    const store = memoryStore();
    const later = { v: 6, value: { byId: { [a.groupId]: a } } };
    await store.set(groupsItem.key, later);
    expect(await groupsItem.write(store, { plain: [b] })).toBe(false);
    expect(await store.get(groupsItem.key)).toEqual(later);
  });
});
