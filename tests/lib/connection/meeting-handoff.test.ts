import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ANSWER_LIMITS,
  HANDOFF_BRIDGE_MS,
  HandoffAnswers,
  HandoffDesk,
  knockNote,
  readHandoff,
  sealHandoff,
} from '../../../lib/connection/meeting-handoff';
import type { HandoffNote, HandoffPort } from '../../../lib/connection/meeting-handoff';
import type { PeerNotes } from '../../../lib/connection/room-connection';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { deriveHandoffKey, deriveRoomKeys } from '../../../lib/invite/room-name';
import { addPitch } from '../../../lib/shared-doc/board-commands';
import type { DeviceSigner } from '../../../lib/shared-doc/signed';
import { FakeClock } from '../helpers/fake-clock';
import { SignedGroup } from '../helpers/signed-group';

/**
 * Issue 15, late join: a member just let into a meeting gets its first state over the lobby's
 * data channels from the panel that lets members in, sealed with a key derived from the meeting's
 * key, while the meeting's own room connects (lib/connection/meeting-handoff.ts).
 */

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 71);
const CASE = 'Een collega die steeds te laat komt';
const MEETING = 'meeting-0001';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** Two desks joined by notes that wait in a queue until `deliver()`. */
function deskPair(options: { chairLetsIn?: boolean; joinerKey?: Uint8Array } = {}) {
  const clock = new FakeClock();
  const meetingKey = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
  const chairDoc = new Y.Doc();
  chairDoc.getMap('meeting').set('phase', 'advies');
  const joinerDoc = new Y.Doc();
  const queue: Array<{ to: 'chair' | 'joiner'; from: string; note: Uint8Array }> = [];
  const sent = { chair: 0, joiner: 0 };
  /** The data channel between the two: closed, or open yet failing to send (closing). */
  const link = { open: true, sendFails: false };
  const notesOf = (self: 'chair' | 'joiner'): PeerNotes => ({
    peers: () => (link.open ? [self === 'chair' ? 'joiner-peer' : 'chair-peer'] : []),
    send: (_peer, note) => {
      if (!link.open || link.sendFails) return false;
      sent[self] += 1;
      queue.push({ to: self === 'chair' ? 'joiner' : 'chair', from: `${self}-peer`, note });
      return true;
    },
    listen: () => () => {},
  });
  const port = (self: 'chair' | 'joiner', doc: Y.Doc, key: Uint8Array): HandoffPort => ({
    clock,
    lobbyNotes: () => notesOf(self),
    heldMeeting: (meetingId) =>
      meetingId === MEETING
        ? { doc, key, letsIn: () => self === 'chair' && (options.chairLetsIn ?? true) }
        : null,
  });
  const chair = new HandoffDesk(port('chair', chairDoc, meetingKey));
  const joiner = new HandoffDesk(port('joiner', joinerDoc, options.joinerKey ?? meetingKey));
  const desks = { chair, joiner };
  /**
   * Delivers notes and lets WebCrypto's promises run: until `done` holds (bounded by rounds, a
   * loaded machine takes its while), or for a fixed number of rounds without one.
   */
  async function deliver(done?: () => boolean): Promise<void> {
    for (let round = 0; round < (done ? 400 : 30); round++) {
      for (const { to, from, note } of queue.splice(0)) desks[to].receive(from, note);
      await tick();
      if (done?.()) return;
    }
  }
  /** The data channel closes and a new connection opens: the joiner's desk hears of both. */
  function reconnect(): void {
    link.open = false;
    link.sendFails = false;
    joiner.askNewPeers();
    link.open = true;
    joiner.askNewPeers();
  }
  /** Delivers until the chair has sent its state and nothing is left on the way. */
  function deliverState(): Promise<void> {
    return deliver(() => sent.chair > 0 && queue.length === 0);
  }
  /** The joiner has its key: it applies the state it kept or asks for one; the phase it shows. */
  async function joinerReads(): Promise<unknown> {
    joiner.ask(MEETING);
    await deliver(() => joiner.counts.applied > 0);
    return joinerDoc.getMap('meeting').get('phase');
  }
  return {
    clock,
    chair,
    joiner,
    chairDoc,
    joinerDoc,
    meetingKey,
    sent,
    deliver,
    deliverState,
    queue,
    link,
    reconnect,
    joinerReads,
  };
}

describe('meeting handoff notes', () => {
  it('a note opens only with the meeting key, for its kind and meeting', async () => {
    const key = await deriveHandoffKey(Uint8Array.from({ length: 32 }, (_, i) => i));
    const other = await deriveHandoffKey(Uint8Array.from({ length: 32 }, (_, i) => i + 1));
    const note = await sealHandoff(key, 'state', MEETING, Uint8Array.of(1, 2, 3));
    const read = readHandoff(note) as HandoffNote;
    expect(read.kind).toBe('state');
    expect(read.meetingId).toBe(MEETING);
    const { openHandoff } = await import('../../../lib/connection/meeting-handoff');
    expect(await openHandoff(key, read)).toEqual(Uint8Array.of(1, 2, 3));
    expect(await openHandoff(other, read)).toBeNull();
    // The kind and the meeting are bound: a state cannot pass for an ask or another meeting.
    expect(await openHandoff(key, { ...read, kind: 'ask' })).toBeNull();
    expect(await openHandoff(key, { ...read, meetingId: 'meeting-0002' })).toBeNull();
  });

  it('reads anything else from a peer as nothing', async () => {
    const key = await deriveHandoffKey(new Uint8Array(32));
    const good = await sealHandoff(key, 'ask', MEETING, new Uint8Array(0));
    expect(readHandoff(new Uint8Array(0))).toBeNull();
    expect(readHandoff(Uint8Array.of(2, ...good.subarray(1)))).toBeNull(); // another version
    expect(readHandoff(Uint8Array.of(1, 7, ...good.subarray(2)))).toBeNull(); // no such kind
    expect(readHandoff(good.subarray(0, good.length - 1 - 16))).toBeNull(); // cut short
    const badId = Uint8Array.from(good);
    badId[3] = 0x2f; // '/' is not in a meeting id
    expect(readHandoff(badId)).toBeNull();
    const long = Uint8Array.from(good);
    long[2] = 200; // the id's length runs past the note
    expect(readHandoff(long)).toBeNull();
  });

  it('a knock note names the box of the ask, and only a box of 32 bytes', () => {
    const box = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i)));
    expect(readHandoff(knockNote(MEETING, box)!)).toEqual({
      kind: 'knock',
      meetingId: MEETING,
      box,
    });
    expect(knockNote(MEETING, btoa('short'))).toBeNull();
    const long = Uint8Array.from([...knockNote(MEETING, box)!, 0]);
    expect(readHandoff(long)).toBeNull();
  });

  it('an answering panel answers a peer once per gap and a bounded number a minute', () => {
    const answers = new HandoffAnswers();
    expect(answers.take('p1', MEETING, 0)).toBe(true);
    expect(answers.take('p1', MEETING, ANSWER_LIMITS.perPeerMs - 1)).toBe(false);
    expect(answers.take('p1', MEETING, ANSWER_LIMITS.perPeerMs)).toBe(true);
    let given = 2;
    for (let i = 0; i < 40; i++) if (answers.take(`peer-${i}`, MEETING, 10_000)) given += 1;
    expect(given).toBe(ANSWER_LIMITS.perMinute);
    expect(answers.take('late', MEETING, 70_000)).toBe(true);
  });
});

describe('meeting handoff desk', () => {
  it('the panel that lets members in answers an ask with the state the asker lacks', async () => {
    const pair = deskPair();
    expect(await pair.joinerReads()).toBe('advies');
    expect(pair.joiner.counts.applied).toBe(1);
    expect(pair.chair.counts.answered).toBe(1);
  });

  it('a panel that does not let members in does not answer', async () => {
    const pair = deskPair({ chairLetsIn: false });
    pair.joiner.ask(MEETING);
    await pair.deliver();
    expect(pair.sent.joiner).toBe(1);
    expect(pair.sent.chair).toBe(0);
    expect(pair.joinerDoc.getMap('meeting').size).toBe(0);
  });

  it('an ask sealed without the meeting key (the invite alone) gets no answer', async () => {
    const pair = deskPair({ joinerKey: new Uint8Array(32).fill(9) });
    pair.joiner.ask(MEETING);
    await pair.deliver();
    expect(pair.sent.joiner).toBe(1);
    expect(pair.sent.chair).toBe(0);
    expect(pair.joinerDoc.getMap('meeting').size).toBe(0);
  });

  it('a state nobody asked for is not applied, and garbage changes nothing', async () => {
    const pair = deskPair();
    const key = await deriveHandoffKey(pair.meetingKey);
    const update = Y.encodeStateAsUpdate(pair.chairDoc);
    pair.joiner.receive('chair-peer', await sealHandoff(key, 'state', MEETING, update));
    pair.joiner.receive('chair-peer', Uint8Array.of(1, 2, 3, 4));
    await pair.deliver();
    expect(pair.joinerDoc.getMap('meeting').size).toBe(0);
    // Asked (the ask lost on its way), then sealed with the key yet not an update: dropped, no
    // throw.
    pair.joiner.ask(MEETING);
    await pair.deliver(() => pair.queue.length > 0);
    pair.queue.splice(0);
    pair.joiner.receive(
      'chair-peer',
      await sealHandoff(key, 'state', MEETING, Uint8Array.of(255, 255, 255)),
    );
    await pair.deliver();
    expect(pair.joinerDoc.getMap('meeting').size).toBe(0);
    expect(pair.joiner.counts.applied).toBe(0);
  });
});

describe('meeting handoff after a knock', () => {
  const BOX = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 200 - i)));

  /** The joiner knocks and tells the chair, who lets it in: until the state has left. */
  async function knockedAndLetIn(pair: ReturnType<typeof deskPair>): Promise<void> {
    pair.joiner.knock(MEETING, BOX);
    await pair.deliver();
    pair.chair.admitted(MEETING, BOX);
    await pair.deliverState();
  }

  it('the state sent right after letting in is kept until the key opens it; no ask is needed', async () => {
    const pair = deskPair();
    await knockedAndLetIn(pair);
    // Kept, not applied: the joiner has no key yet.
    expect(pair.joinerDoc.getMap('meeting').size).toBe(0);
    expect(await pair.joinerReads()).toBe('advies');
    expect(pair.sent.joiner).toBe(1); // the knock note only
    expect(pair.sent.chair).toBe(1);
  });

  it('a knock note that comes after the answer still brings the state', async () => {
    const pair = deskPair();
    pair.chair.admitted(MEETING, BOX);
    await pair.deliver();
    expect(pair.sent.chair).toBe(0);
    pair.joiner.knock(MEETING, BOX);
    await pair.deliverState();
    expect(await pair.joinerReads()).toBe('advies');
    expect(pair.sent.joiner).toBe(1); // the knock note only
  });

  it('letting in a knock nobody told of sends nothing; the joiner then asks', async () => {
    const pair = deskPair();
    pair.chair.admitted(MEETING, BOX);
    await pair.deliver();
    expect(pair.sent.chair).toBe(0);
    expect(await pair.joinerReads()).toBe('advies');
  });

  it('a knock let in before its note came is sealed at once; the note and the ask find it sealed', async () => {
    const pair = deskPair();
    pair.chair.admitted(MEETING, BOX);
    expect(pair.chair.counts.sealed).toBe(1);
    pair.joiner.knock(MEETING, BOX);
    await pair.deliverState();
    expect(pair.chair.counts.sealed).toBe(1);
    expect(await pair.joinerReads()).toBe('advies');

    const asked = deskPair();
    asked.chair.admitted(MEETING, BOX);
    await asked.deliver();
    expect(await asked.joinerReads()).toBe('advies');
    expect(asked.chair.counts.sealed).toBe(1);
    expect(asked.chair.counts.answered).toBe(1);
  });

  it('the state is sealed when the knock note comes, and sealed again if the meeting changed', async () => {
    const pair = deskPair();
    pair.joiner.knock(MEETING, BOX);
    await pair.deliver();
    expect(pair.chair.counts.sealed).toBe(1);
    pair.chair.admitted(MEETING, BOX);
    await pair.deliverState();
    expect(pair.chair.counts.sealed).toBe(1);
    expect(await pair.joinerReads()).toBe('advies');

    // Something is written between the knock note and the answer: the state sent has it.
    const second = deskPair();
    second.joiner.knock(MEETING, BOX);
    await second.deliver();
    second.chairDoc.getMap('meeting').set('phase', 'afronding');
    second.chair.admitted(MEETING, BOX);
    await second.deliverState();
    expect(second.chair.counts.sealed).toBe(2);
    expect(await second.joinerReads()).toBe('afronding');
  });

  it('a panel that does not let members in seals nothing for a knock note', async () => {
    const pair = deskPair({ chairLetsIn: false });
    pair.joiner.knock(MEETING, BOX);
    await pair.deliver();
    expect(pair.chair.counts.sealed).toBe(0);
  });

  it('a state whose channel closed before it left goes once the knocker reconnects', async () => {
    const pair = deskPair();
    pair.joiner.knock(MEETING, BOX);
    await pair.deliver();
    // The channel the knock note came over is closing: the send fails.
    pair.link.sendFails = true;
    pair.chair.admitted(MEETING, BOX);
    await pair.deliver();
    expect(pair.sent.chair).toBe(0);
    // Closed, then a new connection: the joiner tells of its knock again, the state follows.
    pair.reconnect();
    await pair.deliverState();
    expect(pair.sent.chair).toBe(1);
    expect(await pair.joinerReads()).toBe('advies');
  });

  it('an ask lost with its channel is asked again when the peer reconnects', async () => {
    const pair = deskPair();
    pair.joiner.ask(MEETING);
    await pair.deliver(() => pair.queue.length > 0);
    pair.queue.splice(0); // lost: the channel closed under it
    pair.reconnect();
    await pair.deliver(() => pair.joiner.counts.applied > 0);
    expect(pair.joinerDoc.getMap('meeting').get('phase')).toBe('advies');
    expect(pair.sent.joiner).toBe(2);
  });

  it("passes the meeting's changes on to the member let in until their room connects", async () => {
    const pair = deskPair();
    await knockedAndLetIn(pair);
    expect(await pair.joinerReads()).toBe('advies');
    // The chair moves on before the joiner's meeting room has connected: it comes over the lobby.
    pair.chairDoc.getMap('meeting').set('phase', 'afronding');
    await pair.deliver(() => pair.joinerDoc.getMap('meeting').get('phase') === 'afronding');
    expect(pair.joinerDoc.getMap('meeting').get('phase')).toBe('afronding');
    expect(pair.chair.counts.passedOn).toBe(1);
  });

  it('keeps a change passed on before the key beside the state, not in its place', async () => {
    const pair = deskPair();
    pair.chairDoc.getMap('meeting').set('case', CASE);
    await knockedAndLetIn(pair);
    pair.chairDoc.getMap('meeting').set('phase', 'afronding');
    await pair.deliver(() => pair.chair.counts.passedOn > 0 && pair.queue.length === 0);
    // Both kept while the key is on its way; both applied once it opens them (each opens on its
    // own, so the read waits for the second, not the first).
    pair.joiner.ask(MEETING);
    await pair.deliver(() => pair.joiner.counts.applied >= 2);
    expect(pair.joinerDoc.getMap('meeting').get('phase')).toBe('afronding');
    await pair.deliver(() => pair.joinerDoc.getMap('meeting').get('case') === CASE);
    expect(pair.joinerDoc.getMap('meeting').get('case')).toBe(CASE);
  });

  it('passes nothing on after HANDOFF_BRIDGE_MS, and takes nothing then', async () => {
    const pair = deskPair();
    await knockedAndLetIn(pair);
    expect(await pair.joinerReads()).toBe('advies');
    pair.clock.advance(HANDOFF_BRIDGE_MS + 1);
    const sent = pair.sent.chair;
    pair.chairDoc.getMap('meeting').set('phase', 'afronding');
    await pair.deliver();
    expect(pair.sent.chair).toBe(sent);
    // A state sealed with the key that comes after the bridge is not taken either.
    const key = await deriveHandoffKey(pair.meetingKey);
    const late = Y.encodeStateAsUpdate(pair.chairDoc);
    pair.joiner.receive('chair-peer', await sealHandoff(key, 'state', MEETING, late));
    await pair.deliver();
    expect(pair.joinerDoc.getMap('meeting').get('phase')).toBe('advies');
  });

  it('a knock let into another meeting sends nothing', async () => {
    const pair = deskPair();
    pair.joiner.knock(MEETING, BOX);
    await pair.deliver();
    pair.chair.admitted('meeting-0002', BOX);
    await pair.deliver();
    expect(pair.sent.chair).toBe(0);
  });
});

describe('a member let in sees the meeting before its room connects', () => {
  let devices: Record<'anna' | 'bram' | 'carla', DeviceSigner>;
  let group: SignedGroup;
  beforeAll(async () => {
    devices = {
      anna: await memoryDeviceKey(),
      bram: await memoryDeviceKey(),
      carla: await memoryDeviceKey(),
    };
  });
  afterEach(() => group?.dispose());

  it('gets the board over the lobby from the chair, then the meeting room carries the rest', async () => {
    group = new SignedGroup(SECRET);
    const lobbyRoom = (await deriveRoomKeys(SECRET, { kind: 'lobby' })).roomName;
    const anna = await group.open('Anna', devices.anna);
    const carla = await group.open('Carla', devices.carla);
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    await group.letIn(anna, [carla]);
    expect(carla.run((ctx) => addPitch(ctx, CASE, 'case')).ok).toBe(true);
    await group.eventually(anna, (s) => s.board?.pitches.some((p) => p.text === CASE) ?? false);
    // Bram's panel reaches the lobby, but no connection of the meeting's room comes up.
    group.rooms.cutOff('Bram', (name) => name !== lobbyRoom);
    const bram = await group.open('Bram', devices.bram);
    await group.letIn(anna, [bram]);
    const seen = bram.snapshot();
    expect(seen.meetingId).toBe(anna.snapshot().meetingId);
    expect(seen.board?.pitches.map((p) => p.text)).toContain(CASE);
    expect(seen.meeting?.chairId).toBe(anna.snapshot().selfId);
    // Once the meeting's room connects, it carries what follows, both ways.
    group.rooms.connectRooms('Bram');
    expect(bram.run((ctx) => addPitch(ctx, 'Een tweede casus', 'case')).ok).toBe(true);
    await group.eventually(
      anna,
      (s) => s.board?.pitches.some((p) => p.text === 'Een tweede casus') ?? false,
    );
  });
});
