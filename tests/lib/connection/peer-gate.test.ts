import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import wrtc from '@roamhq/wrtc';
import * as encoding from 'lib0/encoding';
import { Awareness } from 'y-protocols/awareness';
import { writeUpdate } from 'y-protocols/sync';
import { Room, WebrtcConn } from 'y-webrtc';
import { syncedUpdateIn } from '../../../lib/connection/sync-message';

/**
 * The y-webrtc patch's `gate` (patches/y-webrtc+10.3.0.patch): a message from a peer may wait
 * until a promise settles (room-connection.ts: its signatures verified natively first), and the
 * messages after it from that peer wait behind it, in order. Here with y-webrtc's own Room and
 * WebrtcConn, on a real (never connected) node-webrtc peer whose data events the test emits.
 */
const conns: WebrtcConn[] = [];

afterEach(() => {
  for (const conn of conns.splice(0)) conn.destroy();
});

function connWithGate(gate: ((message: Uint8Array) => PromiseLike<unknown> | null) | null) {
  const doc = new Y.Doc();
  const provider = {
    awareness: new Awareness(doc),
    framing: null,
    relay: null,
    peerOpts: { wrtc },
    gate,
    maxConns: 20,
    emit: () => undefined,
  };
  const room = new Room(doc, provider as never, 'kring-gate-room', null);
  const conn = new WebrtcConn({} as never, false, 'anna', room);
  room.webrtcConns.set('anna', conn);
  conns.push(conn);
  const receive = (message: Uint8Array) =>
    (conn.peer as { emit: (event: string, data: Uint8Array) => void }).emit('data', message);
  return { doc, conn, receive };
}

/** y-webrtc's sync message (kind 0) carrying an update that sets `meeting.phase`. */
function phaseMessage(phase: string): Uint8Array {
  const writer = new Y.Doc();
  writer.getMap('meeting').set('phase', phase);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  writeUpdate(encoder, Y.encodeStateAsUpdate(writer));
  return encoding.toUint8Array(encoder);
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The same message, setting `key` (each from a writer of its own, independent of the others). */
function keyMessage(key: string): Uint8Array {
  const writer = new Y.Doc();
  writer.getMap('meeting').set(key, true);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  writeUpdate(encoder, Y.encodeStateAsUpdate(writer));
  return encoding.toUint8Array(encoder);
}

const phaseOf = (doc: Y.Doc) => doc.getMap('meeting').get('phase');

describe('holding a peer’s message back', () => {
  it('reads a message at once when the gate answers null', () => {
    const { doc, receive } = connWithGate(() => null);
    receive(phaseMessage('Inventarisatie'));
    expect(phaseOf(doc)).toBe('Inventarisatie');
  });

  it('reads a held message once its promise settles, and the later ones after it in order', async () => {
    const hold = deferred();
    const first = keyMessage('a');
    const { doc, receive } = connWithGate((message) => (message === first ? hold.promise : null));
    const read: string[][] = [];
    doc.getMap('meeting').observe((event) => read.push([...event.keysChanged]));
    receive(first);
    // Not held itself, but it came after: it waits its turn.
    receive(keyMessage('b'));
    expect(read).toEqual([]);
    hold.resolve();
    await hold.promise;
    await Promise.resolve();
    expect(read).toEqual([['a'], ['b']]);
  });

  it('reads a held message even when its promise fails: the gate only delays', async () => {
    const hold = deferred();
    const { doc, receive } = connWithGate(() => hold.promise);
    receive(phaseMessage('Advies'));
    expect(phaseOf(doc)).toBeUndefined();
    hold.reject(new Error('the browser could not verify'));
    await hold.promise.catch(() => undefined);
    await Promise.resolve();
    expect(phaseOf(doc)).toBe('Advies');
  });

  it('reads nothing more from a connection that closed while a message waited', async () => {
    const hold = deferred();
    const { doc, conn, receive } = connWithGate(() => hold.promise);
    receive(phaseMessage('Advies'));
    (conn.peer as { emit: (event: string) => void }).emit('close');
    hold.resolve();
    await hold.promise;
    await Promise.resolve();
    expect(phaseOf(doc)).toBeUndefined();
  });
});

describe('syncedUpdateIn', () => {
  it('finds the update in a sync message and nothing in any other', () => {
    const writer = new Y.Doc();
    writer.getMap('meeting').set('phase', 'Analyse');
    const update = Y.encodeStateAsUpdate(writer);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    writeUpdate(encoder, update);
    expect(syncedUpdateIn(encoding.toUint8Array(encoder))).toEqual(update);
    // An awareness message (kind 1), a sync step 1 (a state vector), garbage.
    expect(syncedUpdateIn(Uint8Array.of(1, 3, 0, 0, 0))).toBeNull();
    expect(syncedUpdateIn(Uint8Array.of(0, 0, 1, 0))).toBeNull();
    expect(syncedUpdateIn(Uint8Array.of(0, 2, 200))).toBeNull();
  });
});
