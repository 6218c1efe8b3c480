import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import wrtc from '@roamhq/wrtc';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { writeUpdate } from 'y-protocols/sync';
import { Room, WebrtcConn } from 'y-webrtc';
import { syncedUpdateIn } from '../../../lib/connection/sync-message';

/**
 * The y-webrtc patch's covered messages (patches/y-webrtc+10.3.0.patch, provider option
 * `covered`): y-webrtc passes every change a peer sends on to all its other peers, so that a
 * peer without a direct connection to the writer still gets it; in a full mesh of 8 that is 42
 * copies of every change that nobody needs. With the option, a change goes out naming the peers
 * that get it directly, and a peer passes it on only to peers not named. Here with y-webrtc's
 * own Room and WebrtcConn; each connection is a real (never connected) node-webrtc peer whose
 * sends the test records and whose data events it emits.
 */
const MESSAGE_SYNC = 0;
const MESSAGE_COVERED = 10;
const MESSAGE_READS_COVERED = 11;

const conns: WebrtcConn[] = [];

afterEach(() => {
  for (const conn of conns.splice(0)) conn.destroy();
});

interface Link {
  readonly conn: WebrtcConn;
  readonly sent: Uint8Array[];
  receive(message: Uint8Array): void;
}

/** A member (`peerId`) whose room follows its document and presence as a connected room does. */
function member(peerId: string, covered = true) {
  const doc = new Y.Doc();
  const provider = {
    doc,
    awareness: new Awareness(doc),
    framing: null,
    relay: null,
    peerOpts: { wrtc },
    gate: null,
    covered,
    maxConns: 20,
    emit: () => undefined,
  };
  const room = new Room(doc, provider as never, `kring-covered-${peerId}`, null);
  room.peerId = peerId;
  const internals = room as unknown as {
    _docUpdateHandler: (update: Uint8Array, origin: unknown) => void;
    _awarenessUpdateHandler: (changed: unknown, origin: unknown) => void;
  };
  doc.on('update', internals._docUpdateHandler);
  provider.awareness.on('update', internals._awarenessUpdateHandler);
  /** A connection to `remote`: open or not yet, of this build (reads covered messages) or earlier. */
  const link = (remote: string, { open = true, reads = true } = {}): Link => {
    const conn = new WebrtcConn({} as never, false, remote, room);
    room.webrtcConns.set(remote, conn);
    conns.push(conn);
    const sent: Uint8Array[] = [];
    (conn.peer as { send: (m: Uint8Array) => void }).send = (m) => sent.push(m);
    conn.connected = open;
    conn.readsCovered = reads;
    const receive = (message: Uint8Array) =>
      (conn.peer as { emit: (event: string, data: Uint8Array) => void }).emit('data', message);
    return { conn, sent, receive };
  };
  return { doc, room, awareness: provider.awareness, link };
}

/** y-webrtc's sync message carrying a change that sets `key` in the map `meeting`. */
function change(key: string, value: string): { update: Uint8Array; message: Uint8Array } {
  const writer = new Y.Doc();
  writer.getMap('meeting').set(key, value);
  const update = Y.encodeStateAsUpdate(writer);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  writeUpdate(encoder, update);
  return { update, message: encoding.toUint8Array(encoder) };
}

function covered(names: readonly string[], inner: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_COVERED);
  encoding.writeVarUint(encoder, names.length);
  for (const name of names) encoding.writeVarString(encoder, name);
  encoding.writeVarUint8Array(encoder, inner);
  return encoding.toUint8Array(encoder);
}

/** A sent message read back: the peers it names (null for a plain one) and what it carries. */
function opened(message: Uint8Array): { names: string[] | null; inner: Uint8Array } {
  if (message[0] !== MESSAGE_COVERED) return { names: null, inner: message };
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  const count = decoding.readVarUint(decoder);
  const names: string[] = [];
  for (let i = 0; i < count; i++) names.push(decoding.readVarString(decoder));
  return { names: names.sort(), inner: decoding.readVarUint8Array(decoder) };
}

/** A change from a peer is passed on after the task that read it (setImmediate in Node). */
const afterTask = () => new Promise<void>((resolve) => setImmediate(resolve));

const phaseOf = (doc: Y.Doc) => doc.getMap('meeting').get('phase');

describe('a member’s own change', () => {
  it('names the peers it goes to directly, for the peers that read that', () => {
    const bert = member('bert');
    const anna = bert.link('anna');
    const carl = bert.link('carl');
    const dora = bert.link('dora', { reads: false });
    const eve = bert.link('eve', { open: false });
    bert.doc.getMap('meeting').set('phase', 'Analyse');
    for (const link of [anna, carl]) {
      expect(link.sent).toHaveLength(1);
      expect(opened(link.sent[0]!).names).toEqual(['anna', 'bert', 'carl', 'dora']);
    }
    // An earlier build gets it as before; so does a peer whose channel is not open yet (its
    // send fails and the sync of its new connection brings the change), and nobody counts on it.
    expect(opened(dora.sent[0]!).names).toBeNull();
    expect(opened(dora.sent[0]!).inner).toEqual(opened(anna.sent[0]!).inner);
    expect(eve.sent).toHaveLength(1);
  });

  it('goes plain to everyone without the option, as y-webrtc sends it', () => {
    const bert = member('bert', false);
    const anna = bert.link('anna');
    const carl = bert.link('carl');
    bert.doc.getMap('meeting').set('phase', 'Analyse');
    expect([...anna.sent, ...carl.sent].map((m) => opened(m).names)).toEqual([null, null]);
  });
});

describe('passing a peer’s change on', () => {
  it('skips the peers its sender named, and reads the change', async () => {
    const bert = member('bert');
    const anna = bert.link('anna');
    const carl = bert.link('carl');
    const dora = bert.link('dora');
    anna.receive(covered(['anna', 'bert', 'carl', 'dora'], change('phase', 'Analyse').message));
    expect(phaseOf(bert.doc)).toBe('Analyse');
    await afterTask();
    expect([...anna.sent, ...carl.sent, ...dora.sent]).toEqual([]);
  });

  it('passes it to a peer its sender could not reach, naming everyone who has it', async () => {
    const bert = member('bert');
    const anna = bert.link('anna');
    const carl = bert.link('carl');
    const dora = bert.link('dora');
    const { update, message } = change('phase', 'Advies');
    // Anna has no connection to Dora: only Bert can bring her the change.
    anna.receive(covered(['anna', 'bert', 'carl'], message));
    await afterTask();
    expect(anna.sent).toEqual([]);
    expect(carl.sent).toEqual([]);
    expect(dora.sent).toHaveLength(1);
    const passed = opened(dora.sent[0]!);
    expect(passed.names).toEqual(['anna', 'bert', 'carl', 'dora']);
    expect(syncedUpdateIn(passed.inner)).not.toBeNull();
    const doras = new Y.Doc();
    Y.applyUpdate(doras, syncedUpdateIn(passed.inner)!);
    Y.applyUpdate(doras, update);
    expect(phaseOf(doras)).toBe('Advies');
  });

  it('passes a plain change (an earlier build’s) to everyone but its sender', async () => {
    const bert = member('bert');
    const anna = bert.link('anna', { reads: false });
    const carl = bert.link('carl');
    const dora = bert.link('dora', { reads: false });
    anna.receive(change('phase', 'Analyse').message);
    await afterTask();
    expect(anna.sent).toEqual([]);
    expect(opened(carl.sent[0]!).names).toEqual(['anna', 'bert', 'carl', 'dora']);
    expect(opened(dora.sent[0]!).names).toBeNull();
  });

  it('passes every change on to everyone but its sender without the option', async () => {
    const bert = member('bert', false);
    const anna = bert.link('anna');
    const carl = bert.link('carl');
    anna.receive(covered(['anna', 'bert', 'carl'], change('phase', 'Analyse').message));
    expect(phaseOf(bert.doc)).toBe('Analyse');
    await afterTask();
    expect(anna.sent).toEqual([]);
    expect(carl.sent.map((m) => opened(m).names)).toEqual([null]);
  });

  it('skips the named peers for a presence too', () => {
    const bert = member('bert');
    const anna = bert.link('anna');
    const carl = bert.link('carl');
    const dora = bert.link('dora');
    const annas = new Awareness(new Y.Doc());
    annas.setLocalState({ name: 'Anna' });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(annas, [annas.clientID]));
    anna.receive(covered(['anna', 'bert', 'carl'], encoding.toUint8Array(encoder)));
    expect(bert.awareness.getStates().get(annas.clientID)).toEqual({ name: 'Anna' });
    expect(anna.sent).toEqual([]);
    expect(carl.sent).toEqual([]);
    expect(opened(dora.sent[0]!).names).toEqual(['anna', 'bert', 'carl', 'dora']);
  });
});

describe('saying so, and what does not read', () => {
  it('tells a new connection first that this member reads covered messages', () => {
    const bert = member('bert');
    const anna = bert.link('anna', { open: false, reads: false });
    (anna.conn.peer as { emit: (event: string) => void }).emit('connect');
    expect(anna.sent[0]).toEqual(Uint8Array.of(MESSAGE_READS_COVERED));
    // Then y-webrtc's sync step 1, as always.
    expect(anna.sent[1]![0]).toBe(MESSAGE_SYNC);
    const earlier = member('bert-earlier', false);
    const carl = earlier.link('carl', { open: false, reads: false });
    (carl.conn.peer as { emit: (event: string) => void }).emit('connect');
    expect(carl.sent[0]![0]).toBe(MESSAGE_SYNC);
  });

  it('sends covered messages to a peer once it said it reads them', () => {
    const bert = member('bert');
    const anna = bert.link('anna', { reads: false });
    bert.doc.getMap('meeting').set('phase', 'Analyse');
    anna.receive(Uint8Array.of(MESSAGE_READS_COVERED));
    expect(anna.conn.readsCovered).toBe(true);
    bert.doc.getMap('meeting').set('phase', 'Advies');
    expect(anna.sent.map((m) => opened(m).names)).toEqual([null, ['anna', 'bert']]);
  });

  it('drops a covered message that names too many peers, nests, or is cut short', async () => {
    const bert = member('bert');
    const anna = bert.link('anna');
    const carl = bert.link('carl');
    const { message } = change('phase', 'Analyse');
    const many = Array.from({ length: 65 }, (_, i) => `peer-${i}`);
    anna.receive(covered(many, message));
    anna.receive(covered(['anna'], covered(['anna'], message)));
    const whole = covered(['anna', 'bert'], message);
    anna.receive(whole.subarray(0, whole.length - 4));
    // An earlier build's answer to a message it could not read is an empty message.
    anna.receive(new Uint8Array(0));
    await afterTask();
    expect(phaseOf(bert.doc)).toBeUndefined();
    expect([...anna.sent, ...carl.sent]).toEqual([]);
  });
});

describe('syncedUpdateIn, inside a covered message', () => {
  it('finds the update a covered message carries', () => {
    const { update, message } = change('phase', 'Analyse');
    expect(syncedUpdateIn(covered(['anna', 'bert'], message))).toEqual(update);
    expect(syncedUpdateIn(covered(['anna'], Uint8Array.of(1, 3, 0, 0, 0)))).toBeNull();
    expect(syncedUpdateIn(covered(['anna'], covered(['anna'], message)))).toBeNull();
    expect(syncedUpdateIn(Uint8Array.of(MESSAGE_COVERED, 200, 1))).toBeNull();
  });
});

describe('asking a peer for a change lost on its one path (syncWith, pull-sync.ts)', () => {
  it('brings what this member lacks, and nothing it has', async () => {
    const bert = member('bert');
    const anna = member('anna');
    const toAnna = bert.link('anna');
    const toBert = anna.link('bert');
    // Anna has a change that Bert never got (it was sent to him and lost) and one he has.
    const both = change('case', 'Een ouder die steeds boos belt');
    Y.applyUpdate(anna.doc, both.update);
    Y.applyUpdate(bert.doc, both.update);
    toAnna.sent.length = 0;
    anna.doc.getMap('meeting').set('phase', 'Analyse');
    toBert.sent.length = 0;
    expect(phaseOf(bert.doc)).toBeUndefined();

    expect(bert.room.syncWith('anna')).toBe(true);
    expect(toAnna.sent).toHaveLength(1);
    toBert.receive(toAnna.sent[0]!);
    // Anna answers with what Bert's state lacks: the phase, not the case again.
    expect(toBert.sent).toHaveLength(1);
    const answer = toBert.sent[0]!;
    toAnna.receive(answer);
    await afterTask();
    expect(phaseOf(bert.doc)).toBe('Analyse');
    expect(Buffer.from(answer).includes('Analyse')).toBe(true);
    expect(Buffer.from(answer).includes('Een ouder')).toBe(false);

    // Asked again, nothing is missing: the answer changes nothing and is passed on to nobody.
    const other = bert.link('carl');
    toAnna.sent.length = 0;
    toBert.sent.length = 0;
    const updates: Uint8Array[] = [];
    bert.doc.on('update', (u: Uint8Array) => updates.push(u));
    expect(bert.room.syncWith('anna')).toBe(true);
    toBert.receive(toAnna.sent[0]!);
    toAnna.receive(toBert.sent[0]!);
    await afterTask();
    expect(updates).toEqual([]);
    expect(other.sent).toEqual([]);
  });

  it('reaches no peer that is not connected, relayed or known', () => {
    const bert = member('bert');
    const pending = bert.link('eve', { open: false });
    expect(bert.room.syncWith('eve')).toBe(false);
    expect(bert.room.syncWith('nobody')).toBe(false);
    expect(pending.sent).toEqual([]);
  });
});
