import wrtc from '@roamhq/wrtc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';
import { startSignalingServer } from '../../../server/signaling-server';
import type { RunningServer } from '../../../server/signaling-server';
import { startFrameTap } from '../../helpers/frame-tap';
import type { FrameTap } from '../../helpers/frame-tap';
import { BarePeer } from '../../../bench/bare-peer';

/**
 * A page that is going leaves its rooms in y-webrtc's `beforeunload` handler: each room
 * disconnects and closes its connections, while its provider still wants to connect. The
 * y-webrtc patch announced a room again whenever one of its connections closed, unless the
 * provider had stopped; so a reloading panel subscribed its rooms again and told every peer it was
 * there, just as it left, and every peer offered it a new connection in the moment before the
 * page went (traced in the returning member's reload, issue 15). A room that left now stays gone.
 */
const ROOM = 'kring-test-leaving';
const PASSWORD = 'a-room-password';

let server: RunningServer;
let tap: FrameTap;
let peer: BarePeer;

beforeAll(async () => {
  // y-webrtc's signaling uses the global WebSocket, which Node 20 lacks.
  Object.assign(globalThis, { WebSocket });
  server = await startSignalingServer({ port: 0, host: '127.0.0.1' });
  tap = await startFrameTap(server.url);
  peer = BarePeer.start();
  expect(
    await peer.command({ type: 'open', room: ROOM, password: PASSWORD, signalingUrl: server.url }),
  ).toMatchObject({ ok: true });
});

afterAll(async () => {
  if (peer.running) await peer.command({ type: 'close' });
  await tap.close();
  await server.close();
});

describe('a room that left on beforeunload', () => {
  it('announces itself no more and ends with no connection, though its provider still wants one', async () => {
    const doc = new Y.Doc();
    const provider = new WebrtcProvider(ROOM, doc, {
      signaling: [tap.url],
      password: PASSWORD,
      peerOpts: { wrtc, config: { iceServers: [] } },
    });
    try {
      const connected = () =>
        [...(provider.room?.webrtcConns.values() ?? [])].filter((conn) => conn.connected).length;
      await expect.poll(connected, { timeout: 15_000 }).toBe(1);

      const before = tap.frames.length;
      // What the page's `beforeunload` runs (in Node y-webrtc runs it on `exit`).
      (provider.room as unknown as { _beforeUnloadHandler: () => void })._beforeUnloadHandler();
      expect(provider.shouldConnect).toBe(true);

      // The peer sees the connection close; then give both sides time to try again.
      await expect
        .poll(async () => (await peer.command({ type: 'peers' })).peers, { timeout: 10_000 })
        .toBe(0);
      await new Promise((r) => setTimeout(r, 1_500));

      const sentSince = tap.frames
        .slice(before)
        .filter((frame) => frame.toServer)
        .map((frame) => (JSON.parse(frame.text) as { type?: string }).type);
      // It said it left (unsubscribe) and nothing after: no subscribe, no announce, no answer.
      expect(sentSince).toEqual(['unsubscribe']);
      expect(provider.room?.webrtcConns.size).toBe(0);
      expect((await peer.command({ type: 'peers' })).peers).toBe(0);
    } finally {
      provider.destroy();
      doc.destroy();
    }
  });
});
