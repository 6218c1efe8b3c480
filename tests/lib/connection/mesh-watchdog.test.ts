import { describe, expect, it } from 'vitest';
import {
  MAX_PENDING_MS,
  REANNOUNCE_MS,
  shouldAnnounceAgain,
  staleConnections,
} from '../../../lib/connection/mesh-watchdog';
import type { PendingConnection } from '../../../lib/connection/mesh-watchdog';

type Conn = { connected: boolean; closed: boolean; name: string };
const conn = (name: string, connected = false, closed = false): Conn => ({
  name,
  connected,
  closed,
});

describe('the mesh watchdog', () => {
  it('closes a connection that stays unconnected for the whole pending time, once', () => {
    const hung = conn('hung');
    const seen = new Map<PendingConnection, number>();
    expect(staleConnections([hung], seen, 0)).toEqual([]);
    expect(staleConnections([hung], seen, MAX_PENDING_MS - 1)).toEqual([]);
    expect(staleConnections([hung], seen, MAX_PENDING_MS)).toEqual([hung]);
    // Closing it is the caller's job; meanwhile it is not reported twice in a row.
    expect(seen.size).toBe(0);
  });

  it('leaves connected and closed connections alone, and forgets those that connected', () => {
    const slow = conn('slow');
    const seen = new Map<PendingConnection, number>();
    staleConnections([slow, conn('up', true), conn('gone', false, true)], seen, 0);
    expect([...seen.keys()]).toEqual([slow]);
    slow.connected = true;
    expect(staleConnections([slow], seen, MAX_PENDING_MS * 2)).toEqual([]);
    expect(seen.size).toBe(0);
  });

  it('gives a connection that was replaced a fresh pending time', () => {
    const first = conn('first');
    const seen = new Map<PendingConnection, number>();
    staleConnections([first], seen, 0);
    const second = conn('second');
    expect(staleConnections([second], seen, MAX_PENDING_MS)).toEqual([]);
    expect(staleConnections([second], seen, MAX_PENDING_MS * 2)).toEqual([second]);
  });
});

describe('announcing again while presence knows more members than are connected directly', () => {
  it.each([
    // directPeers, knownPeers, lastAnnounce, now, announce?
    [2, 2, null, 0, false, 'every member is connected directly'],
    [3, 2, null, 0, false, 'more connections than presence shows (presence arriving)'],
    [1, 2, null, 0, true, 'one member is heard only through a relay, never announced'],
    [0, 1, null, 0, true, 'alone with a member known only from relayed presence'],
    [1, 2, 10_000, 10_000 + REANNOUNCE_MS - 1, false, 'announced a moment ago'],
    [1, 2, 10_000, 10_000 + REANNOUNCE_MS, true, 'the last announce was long enough ago'],
    [0, 0, null, 0, false, 'nobody else is there'],
  ] as const)(
    'with %i direct and %i known peers (last %j, now %i): %j — %s',
    (directPeers, knownPeers, lastAnnounce, now, announce, _why) => {
      expect(shouldAnnounceAgain({ directPeers, knownPeers, lastAnnounce }, now)).toBe(announce);
    },
  );
});
