import { describe, expect, it } from 'vitest';
import {
  countViaServer,
  describeConnection,
  memberLinks,
} from '../../../lib/connection/connection-status';

describe('connection status', () => {
  it.each([
    [{ signalingConnected: false, signalingFailed: false, members: 0 }, { kind: 'connecting' }],
    [
      { signalingConnected: true, signalingFailed: false, members: 0 },
      { kind: 'connected', members: 0 },
    ],
    [
      { signalingConnected: true, signalingFailed: false, members: 3 },
      { kind: 'connected', members: 3 },
    ],
    [
      { signalingConnected: false, signalingFailed: true, members: 0 },
      { kind: 'unreachable', members: 0 },
    ],
    [
      { signalingConnected: false, signalingFailed: true, members: 2 },
      { kind: 'unreachable', members: 2 },
    ],
    [
      { signalingConnected: false, signalingFailed: false, members: 2 },
      { kind: 'connected', members: 2 },
    ],
  ])('describes %j as %j', (facts, status) => {
    expect(describeConnection(facts)).toEqual(status);
  });
});

describe('how members are reached', () => {
  const presence = (memberId: string) => ({ kring: { memberId, name: memberId } });

  it('counts members reached through the server while the server is reachable', () => {
    expect(
      describeConnection({
        signalingConnected: true,
        signalingFailed: false,
        members: 3,
        viaServer: 1,
      }),
    ).toEqual({ kind: 'connected', members: 3, viaServer: 1 });
    expect(
      describeConnection({
        signalingConnected: false,
        signalingFailed: true,
        members: 3,
        viaServer: 1,
      }),
    ).toEqual({ kind: 'unreachable', members: 3 });
  });

  it('maps each presence to its member, direct winning when a member has two panels', () => {
    const states = new Map<number, unknown>([
      [1, presence('self-00')],
      [2, presence('bram-00')],
      [3, presence('carla-0')],
      [4, presence('carla-0')],
      [5, presence('dirk-00')],
      [6, { junk: true }],
      [7, presence('__proto__')],
    ]);
    const peerLinks = new Map([
      [1, 'direct'],
      [2, 'server'],
      [3, 'server'],
      [4, 'direct'],
      [6, 'server'],
      [7, 'server'],
    ] as const);
    const links = memberLinks(states, peerLinks, 'self-00');
    expect(links).toEqual({ 'bram-00': 'server', 'carla-0': 'direct', ['__proto__']: 'server' });
    expect(Object.keys(links).sort()).toEqual(['__proto__', 'bram-00', 'carla-0']);
    expect(countViaServer(links)).toBe(2);
  });
});
