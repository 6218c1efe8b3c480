import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import { Room } from 'y-webrtc';

/**
 * The y-webrtc patch (patches/y-webrtc+10.3.0.patch) passes an update that came from a peer on
 * to the room's other peers, for those not connected to its sender, after the task that read it
 * (issue 15: the panel shows the change first) and never back to its sender. This member's own
 * updates still go to every peer at once. Here with y-webrtc's own Room and data channels that
 * record what is sent to them.
 */
function roomWithPeers(...peerIds: string[]) {
  const doc = new Y.Doc();
  const provider = { awareness: new Awareness(doc), framing: null, relay: null };
  const room = new Room(doc, provider as never, 'kring-test-room', null);
  const sent = new Map<string, number>(peerIds.map((id) => [id, 0]));
  for (const id of peerIds) {
    const conn = {
      remotePeerId: id,
      framing: null,
      peer: { send: () => sent.set(id, sent.get(id)! + 1) },
    };
    room.webrtcConns.set(id, conn as never);
  }
  doc.on(
    'update',
    (room as unknown as { _docUpdateHandler: (...a: unknown[]) => void })._docUpdateHandler,
  );
  provider.awareness.on(
    'update',
    (room as unknown as { _awarenessUpdateHandler: (...a: unknown[]) => void })
      ._awarenessUpdateHandler,
  );
  return { doc, room, sent, awareness: provider.awareness };
}

function updateFromElsewhere(text: string): Uint8Array {
  const other = new Y.Doc();
  other.getMap('meeting').set('phase', text);
  return Y.encodeStateAsUpdate(other);
}

/** Runs `read` as the room does for a message from `peerId` (the patch's `readingFrom`). */
function readFrom(room: Room, peerId: string, read: () => void): void {
  const reading = room as unknown as { readingFrom: string | null };
  reading.readingFrom = peerId;
  try {
    read();
  } finally {
    reading.readingFrom = null;
  }
}

const afterThisTask = () => new Promise((resolve) => setImmediate(resolve));

describe('passing on what a peer sent', () => {
  it('passes a peer’s update on after the task that read it, to everyone but its sender', async () => {
    const { doc, room, sent } = roomWithPeers('anna', 'bram', 'carla');
    readFrom(room, 'anna', () => Y.applyUpdate(doc, updateFromElsewhere('Analyse'), room));
    expect(doc.getMap('meeting').get('phase')).toBe('Analyse');
    expect([...sent.values()]).toEqual([0, 0, 0]);
    await afterThisTask();
    expect(Object.fromEntries(sent)).toEqual({ anna: 0, bram: 1, carla: 1 });
  });

  it('sends this member’s own update to every peer at once', () => {
    const { doc, sent } = roomWithPeers('anna', 'bram', 'carla');
    doc.getMap('meeting').set('phase', 'Inventarisatie');
    expect(Object.fromEntries(sent)).toEqual({ anna: 1, bram: 1, carla: 1 });
  });

  // A presence goes the same way, at once: a peer that leaves clears its presence and closes
  // right after; sending it back its own goodbye raced that close (node-webrtc crashed on it).
  it('passes a peer’s presence on to everyone but that peer, and sends its own to all', () => {
    const { room, sent, awareness } = roomWithPeers('anna', 'bram', 'carla');
    const annas = new Awareness(new Y.Doc());
    annas.setLocalState({ name: 'Anna' });
    const fromAnna = () =>
      readFrom(room, 'anna', () =>
        applyAwarenessUpdate(awareness, encodeAwarenessUpdate(annas, [annas.clientID]), room),
      );
    fromAnna();
    expect(Object.fromEntries(sent)).toEqual({ anna: 0, bram: 1, carla: 1 });
    // Anna leaves: her presence cleared, passed on to the others only.
    removeAwarenessStates(annas, [annas.clientID], 'leaving');
    fromAnna();
    expect(awareness.getStates().has(annas.clientID)).toBe(false);
    expect(Object.fromEntries(sent)).toEqual({ anna: 0, bram: 2, carla: 2 });
    awareness.setLocalState({ name: 'Bram' });
    expect(Object.fromEntries(sent)).toEqual({ anna: 1, bram: 3, carla: 3 });
  });
});
