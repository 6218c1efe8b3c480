import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { Room } from 'y-webrtc';

/**
 * The y-webrtc patch's peer notes (`Room.notePeers`, `Room.sendPeerNote`, used by
 * lib/connection/meeting-handoff.ts) go to every connection whose data channel is open. The side
 * that answered an offer hears from its peer (a knock note) before simple-peer calls it
 * connected: it waits for the ICE state and a getStats call, in node-webrtc under load for
 * hundreds of ms. A note back to that peer must not fail meanwhile (seen in the late-join bench:
 * the chair's state for a member it let in was dropped, and the member waited for the meeting's
 * own room).
 */
function roomWith(
  conns: Record<
    string,
    { connected: boolean; channel: RTCDataChannelState | null; closed?: boolean }
  >,
) {
  const doc = new Y.Doc();
  const provider = { awareness: new Awareness(doc), framing: null, relay: null };
  const room = new Room(doc, provider as never, 'kring-test-room', null);
  const sent = new Map<string, number>();
  for (const [id, state] of Object.entries(conns)) {
    sent.set(id, 0);
    room.webrtcConns.set(id, {
      remotePeerId: id,
      framing: null,
      connected: state.connected,
      closed: state.closed ?? false,
      peer: {
        _channel: state.channel === null ? null : { readyState: state.channel },
        send: () => sent.set(id, sent.get(id)! + 1),
      },
    } as never);
  }
  return { room, sent };
}

describe('peer notes', () => {
  it('go to a peer whose channel is open before simple-peer says connected, not to one still connecting', () => {
    const { room, sent } = roomWith({
      anna: { connected: true, channel: 'open' },
      bram: { connected: false, channel: 'open' },
      carla: { connected: false, channel: 'connecting' },
      dirk: { connected: false, channel: null },
      eva: { connected: false, channel: 'open', closed: true },
    });
    expect(room.notePeers().sort()).toEqual(['anna', 'bram']);
    const note = Uint8Array.of(1, 2, 3);
    expect(room.sendPeerNote('anna', note)).toBe(true);
    expect(room.sendPeerNote('bram', note)).toBe(true);
    expect(room.sendPeerNote('carla', note)).toBe(false);
    expect(room.sendPeerNote('dirk', note)).toBe(false);
    expect(room.sendPeerNote('eva', note)).toBe(false);
    expect(room.sendPeerNote('nobody', note)).toBe(false);
    expect(Object.fromEntries(sent)).toEqual({ anna: 1, bram: 1, carla: 0, dirk: 0, eva: 0 });
  });
});
