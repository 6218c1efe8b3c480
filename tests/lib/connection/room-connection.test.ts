import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  closeAllRooms,
  openRoom,
  openRoomNames,
  openSignalingEarly,
  retargetRoom,
} from '../../../lib/connection/room-connection';
import { startSignalingServer } from '../../../server/signaling-server';
import type { RunningServer } from '../../../server/signaling-server';
import { openPayload, startFrameTap } from '../../helpers/frame-tap';
import { roomCryptoKey } from '../../../lib/invite/room-name';

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

  it('reaches nobody until pointed at a server, while in use, and keeps what it held', async () => {
    const keys = { roomName: 'kring-test-later', password: 'p' };
    const room = openRoom(keys, { signalingUrls: [] });
    room.doc.getMap('meeting').set('phase', 'analysis');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(serverA.stats().connections).toBe(0);
    // Opened with no server: the room is in use, so another opening with a server would throw
    // (two ways of reaching in one room); pointing it is what the group's view does instead.
    expect(() => openRoom(keys, { signalingUrls: [serverA.url] })).toThrow(/in use/);
    retargetRoom(keys.roomName, { signalingUrls: [serverA.url] });
    await expect.poll(() => serverA.stats().connections, { timeout: 5_000 }).toBe(1);
    expect(room.doc.getMap('meeting').get('phase')).toBe('analysis');
    // Pointed the same way again: nothing changes, no second socket.
    retargetRoom(keys.roomName, { signalingUrls: [serverA.url] });
    retargetRoom('kring-test-not-open', { signalingUrls: [serverB.url] });
    expect(openRoomNames()).toEqual([keys.roomName]);
    expect(serverA.stats().connections).toBe(1);
    expect(serverB.stats().connections).toBe(0);
    room.release();
    closeAllRooms();
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

/**
 * Issue 15, late join: a member with a valid invite in the join form has the signaling socket
 * opened before Join, so that the room finds it open.
 */
describe('the signaling socket opened early', () => {
  let server: RunningServer;

  beforeAll(async () => {
    Object.assign(globalThis, { WebSocket });
    server = await startSignalingServer({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    closeAllRooms();
    await server.close();
  });

  it('is the one socket the room then uses', async () => {
    openSignalingEarly(server.url);
    await expect.poll(() => server.stats().connections, { timeout: 5_000 }).toBe(1);
    const room = openRoom(
      { roomName: 'kring-test-early', password: 'p' },
      { signalingUrls: [server.url] },
    );
    // Subscribed on the socket that was open already, not a second one.
    await expect.poll(() => server.stats().topics, { timeout: 5_000 }).toBe(1);
    expect(server.stats().connections).toBe(1);
    room.release();
    closeAllRooms();
    await expect.poll(() => server.stats().connections, { timeout: 5_000 }).toBe(0);
  });

  it('closes when no room takes it up in time', async () => {
    openSignalingEarly(server.url, 300);
    await expect.poll(() => server.stats().connections, { timeout: 5_000 }).toBe(1);
    await expect.poll(() => server.stats().connections, { timeout: 5_000 }).toBe(0);
  });
});

/**
 * A room's key comes from its password by HKDF (lib/invite/room-name.ts roomCryptoKey), not
 * y-webrtc's PBKDF2 with 100,000 rounds, which cost 20 to 180 ms on every room a panel opened
 * (issue 15): what the room announces through the server opens with that key only.
 */
describe("a room's key", () => {
  it('encrypts what the room announces through the server with the HKDF key of its password', async () => {
    Object.assign(globalThis, { WebSocket });
    const server = await startSignalingServer({ port: 0, host: '127.0.0.1' });
    const tap = await startFrameTap(server.url);
    const keys = { roomName: 'kring-test-key', password: 'a'.repeat(64) };
    const room = openRoom(keys, { signalingUrls: [tap.url] });
    try {
      const announced = async (): Promise<string | null> => {
        for (const frame of tap.frames) {
          if (!frame.toServer) continue;
          const message = JSON.parse(frame.text) as { type?: string; data?: unknown };
          if (message.type === 'publish' && typeof message.data === 'string') return message.data;
        }
        return null;
      };
      await expect.poll(announced, { timeout: 5_000 }).not.toBeNull();
      const data = (await announced())!;
      expect(
        await openPayload(data, await roomCryptoKey(keys.password, keys.roomName)),
      ).toMatchObject({
        type: 'announce',
      });
      const pbkdf2 = await pbkdf2Key(keys.password, keys.roomName);
      expect(await openPayload(data, pbkdf2)).toBeNull();
    } finally {
      room.release();
      closeAllRooms();
      await tap.close();
      await server.close();
    }
  });
});

/** y-webrtc's own derivation, which the rooms no longer use. */
async function pbkdf2Key(password: string, roomName: string): Promise<CryptoKey> {
  const encoder = new TextEncoder();
  const material = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: encoder.encode(roomName), iterations: 100_000, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['decrypt'],
  );
}
