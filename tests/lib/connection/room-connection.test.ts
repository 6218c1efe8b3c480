import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { closeAllRooms, openRoom, openRoomNames } from '../../../lib/connection/room-connection';
import { startSignalingServer } from '../../../server/signaling-server';
import type { RunningServer } from '../../../server/signaling-server';

/**
 * A room opened again through another server (the member changed the address) keeps what this
 * device held: in CI both members of a meeting changed the address at once, each got an empty
 * document from a new provider, and the meeting was gone for both.
 */
describe('openRoom through another server', () => {
  let serverA: RunningServer;
  let serverB: RunningServer;

  beforeAll(async () => {
    // y-webrtc's signaling uses the global WebSocket, which Node 20 lacks.
    Object.assign(globalThis, { WebSocket });
    [serverA, serverB] = await Promise.all([
      startSignalingServer({ port: 0, host: '127.0.0.1' }),
      startSignalingServer({ port: 0, host: '127.0.0.1' }),
    ]);
  });

  afterAll(async () => {
    closeAllRooms();
    await Promise.all([serverA.close(), serverB.close()]);
  });

  it('keeps the document when the room moves to another server', async () => {
    const keys = { roomName: 'kring-test-carry', password: 'p' };
    const first = openRoom(keys, { signalingUrls: [serverA.url] });
    first.doc.getMap('meeting').set('chairId', 'anna');
    first.release();

    const second = openRoom(keys, { signalingUrls: [serverB.url] });
    expect(second.doc.getMap('meeting').get('chairId')).toBe('anna');
    // The old provider left server A: the member is on B only.
    await expect.poll(() => serverA.stats().connections, { timeout: 5_000 }).toBe(0);
    await expect.poll(() => serverB.stats().connections, { timeout: 5_000 }).toBe(1);
    second.release();
    closeAllRooms();
    expect(openRoomNames()).toEqual([]);
  });

  it('shares, not replaces, a room opened again through the same server', () => {
    const keys = { roomName: 'kring-test-share', password: 'p' };
    const first = openRoom(keys, { signalingUrls: [serverA.url] });
    first.release();
    const second = openRoom(keys, { signalingUrls: [serverA.url] });
    expect(second.doc).toBe(first.doc);
    second.release();
    closeAllRooms();
  });
});
