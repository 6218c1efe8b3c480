import { describe, expect, it } from 'vitest';
import { roomReuse, sameRoomOptions } from '../../../lib/connection/room-reuse';
import type { RoomReach } from '../../../lib/connection/room-reuse';

const A = 'wss://a.example';
const B = 'wss://b.example';
// Stands in for the `wrtc` module a Node member passes: compared by identity, not by value.
class Wrtc {}
const wrtc = new Wrtc();

describe('which open rooms a new opener may share', () => {
  it.each<[string, RoomReach, RoomReach, boolean]>([
    ['the same server', { signalingUrls: [A] }, { signalingUrls: [A] }, true],
    ['another server', { signalingUrls: [A] }, { signalingUrls: [B] }, false],
    [
      'the same servers in another order',
      { signalingUrls: [A, B] },
      { signalingUrls: [B, A] },
      true,
    ],
    ['a server repeated', { signalingUrls: [A, A] }, { signalingUrls: [A] }, true],
    ['one server more', { signalingUrls: [A] }, { signalingUrls: [A, B] }, false],
    ['no servers against one', { signalingUrls: [] }, { signalingUrls: [A] }, false],
    [
      'no peer options and empty ones',
      { signalingUrls: [A] },
      { signalingUrls: [A], peerOpts: {} },
      true,
    ],
    [
      'equal ICE servers in fresh objects',
      { signalingUrls: [A], peerOpts: { config: { iceServers: [{ urls: 'stun:x' }] } } },
      { signalingUrls: [A], peerOpts: { config: { iceServers: [{ urls: 'stun:x' }] } } },
      true,
    ],
    [
      'other ICE servers',
      { signalingUrls: [A], peerOpts: { config: { iceServers: [{ urls: 'stun:x' }] } } },
      { signalingUrls: [A], peerOpts: { config: { iceServers: [{ urls: 'stun:y' }] } } },
      false,
    ],
    [
      'ICE servers against none',
      { signalingUrls: [A], peerOpts: { config: { iceServers: [] } } },
      { signalingUrls: [A], peerOpts: { config: {} } },
      false,
    ],
    [
      'the same wrtc module',
      { signalingUrls: [A], peerOpts: { wrtc } },
      { signalingUrls: [A], peerOpts: { wrtc } },
      true,
    ],
    [
      'another wrtc object of the same shape',
      { signalingUrls: [A], peerOpts: { wrtc } },
      { signalingUrls: [A], peerOpts: { wrtc: new Wrtc() } },
      false,
    ],
  ])('treats %s as the same way to reach the others: %s', (_, a, b, same) => {
    expect(sameRoomOptions(a, b)).toBe(same);
    expect(sameRoomOptions(b, a)).toBe(same);
  });

  it('compares a cyclic option by identity below a fixed depth instead of looping', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const other: Record<string, unknown> = {};
    other.self = other;
    expect(
      sameRoomOptions(
        { signalingUrls: [A], peerOpts: cyclic },
        { signalingUrls: [A], peerOpts: cyclic },
      ),
    ).toBe(true);
    expect(
      sameRoomOptions(
        { signalingUrls: [A], peerOpts: cyclic },
        { signalingUrls: [A], peerOpts: other },
      ),
    ).toBe(false);
  });

  it.each<[string, number, RoomReach, string]>([
    ['shares a held room with the same options', 2, { signalingUrls: [A] }, 'share'],
    ['shares a room in its close grace with the same options', 0, { signalingUrls: [A] }, 'share'],
    [
      'retargets a room in its close grace when the server changed',
      0,
      { signalingUrls: [B] },
      'retarget',
    ],
    ['refuses a held room when another server is wanted', 1, { signalingUrls: [B] }, 'conflict'],
  ])('%s', (_, refs, wanted, reuse) => {
    expect(roomReuse({ refs, options: { signalingUrls: [A] } }, wanted)).toBe(reuse);
  });
});
