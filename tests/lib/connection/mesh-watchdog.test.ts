import { describe, expect, it } from 'vitest';
import { MAX_PENDING_MS, staleConnections } from '../../../lib/connection/mesh-watchdog';
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
