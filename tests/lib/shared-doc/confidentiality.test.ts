import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GroupSession } from '../../../lib/connection/group-session';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { METHODS } from '../../../lib/method/method-list';
import { readBoard } from '../../../lib/shared-doc/board-state';
import {
  confirmConfidentiality,
  readConfidentiality,
} from '../../../lib/shared-doc/confidentiality';
import { BOARD_ROOTS } from '../../../lib/shared-doc/doc-schema';
import { clearAfterEnd, endMeeting } from '../../../lib/shared-doc/meeting-end';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { newSessionSigner, ROSTER_ROOT } from '../../../lib/shared-doc/signed';
import type { DeviceSigner, SessionSigner } from '../../../lib/shared-doc/signed';
import { signedBy } from '../../helpers/attacks';
import { FakeClock } from '../helpers/fake-clock';
import { InMemoryRooms } from '../helpers/in-memory-rooms';
import { goTo, member, start } from '../helpers/meeting';
import { InMemoryNetwork } from '../helpers/in-memory-network';
import { admittedRoom } from '../helpers/signed-group';

/**
 * Issue 14, point 9: "Wat er in de groep gezegd wordt, blijft vertrouwelijk." The first phase
 * of every method opens with the agreement; each member confirms it for themselves; the chair
 * sees who has. A confirmation is its member's own: nobody confirms in another's name.
 */

const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');

const ids = (doc: Y.Doc) => [...readConfidentiality(doc)].sort();

describe('confirming the agreement (plain documents)', () => {
  it.each(METHODS.map((m) => [m.id]))(
    'lets the chair and a member confirm in the first phase of %s',
    (methodId) => {
      const doc = new Y.Doc();
      start(doc, anna, methodId);
      expect(readMeeting(doc).phaseIndex).toBe(0);
      expect(confirmConfidentiality(anna.ctx(doc))).toEqual({ ok: true });
      expect(confirmConfidentiality(bram.ctx(doc))).toEqual({ ok: true });
      expect(ids(doc)).toEqual([anna.id, bram.id].sort());
      expect([...readBoard(doc, readMeeting(doc).method, carla.id).confidentiality].sort()).toEqual(
        [anna.id, bram.id].sort(),
      );
    },
  );

  it('lets a member who comes late confirm in a later phase', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    goTo(doc, anna, 'asking');
    expect(confirmConfidentiality(carla.ctx(doc))).toEqual({ ok: true });
    expect(ids(doc)).toEqual([carla.id]);
  });

  it('refuses before the start and after the end', () => {
    const doc = new Y.Doc();
    expect(confirmConfidentiality(anna.ctx(doc))).toEqual({ ok: false, reason: 'not-started' });
    start(doc, anna);
    expect(endMeeting(doc, anna.id, 'meeting-0001', 5)).toEqual({ ok: true });
    expect(confirmConfidentiality(bram.ctx(doc))).toEqual({ ok: false, reason: 'not-started' });
    expect(ids(doc)).toEqual([]);
  });

  it('lets a member take their confirmation back', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    confirmConfidentiality(bram.ctx(doc));
    confirmConfidentiality(carla.ctx(doc));
    expect(confirmConfidentiality(bram.ctx(doc), false)).toEqual({ ok: true });
    expect(ids(doc)).toEqual([carla.id]);
  });

  it('ignores entries whose key is no member id, and garbled values', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    const map = doc.getMap<unknown>(BOARD_ROOTS.confidentiality);
    map.set('x', { at: 1 });
    map.set('not an id!', { at: 1 });
    map.set('../../../etc', { at: 1 });
    map.set(bram.id, { at: 'yesterday' });
    map.set(carla.id, 'yes');
    map.set('dirk-000000', { at: 3 });
    expect(ids(doc)).toEqual(['dirk-000000']);
  });

  it('keeps both confirmations made offline at the same time', () => {
    const net = new InMemoryNetwork(2);
    const [a, b] = net.docs as [Y.Doc, Y.Doc];
    start(a, anna);
    net.flush();
    net.disconnect(1);
    confirmConfidentiality(anna.ctx(a));
    confirmConfidentiality(bram.ctx(b));
    net.reconnect(1);
    net.flush();
    expect(ids(a)).toEqual([anna.id, bram.id].sort());
    expect(ids(b)).toEqual(ids(a));
  });

  it('is cleared for everyone at the end, and a late confirmation too', () => {
    const net = new InMemoryNetwork(2);
    const [a, b] = net.docs as [Y.Doc, Y.Doc];
    start(a, anna);
    net.flush();
    confirmConfidentiality(anna.ctx(a));
    confirmConfidentiality(bram.ctx(b));
    net.flush();
    expect(endMeeting(a, anna.id, 'meeting-0001', 9)).toEqual({ ok: true });
    net.flush();
    for (const doc of net.docs) {
      expect(doc.getMap(BOARD_ROOTS.confidentiality).size).toBe(0);
      expect(ids(doc)).toEqual([]);
    }
    // A member's offline write arrives after the end: the clean-up removes it.
    b.getMap<unknown>(BOARD_ROOTS.confidentiality).set(bram.id, { at: 10 });
    net.flush();
    expect(clearAfterEnd(a)).toBe(true);
    net.flush();
    expect(b.getMap(BOARD_ROOTS.confidentiality).size).toBe(0);
  });
});

// Signed documents: GroupSession panels with device keys on in-memory rooms, as in
// tests/lib/connection/signed-meeting.test.ts, and a member let in who writes raw Yjs.

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 3);

interface Honest {
  readonly name: string;
  readonly device: DeviceSigner;
}

let honest: Honest[];
let xander: SessionSigner;

beforeAll(async () => {
  honest = await Promise.all(
    ['Anna', 'Bram', 'Carla'].map(async (name) => ({ name, device: await memoryDeviceKey() })),
  );
  xander = await newSessionSigner(await memoryDeviceKey(), 'Xander');
});

let sessions: GroupSession[] = [];
afterEach(() => {
  for (const s of sessions) s.dispose();
  sessions = [];
});

describe('confirming the agreement (signed meeting)', () => {
  it('ignores a confirmation written in another member’s name, and shows every honest one', async () => {
    const rooms = new InMemoryRooms();
    const clock = new FakeClock();
    const settle = () => {
      for (let round = 0; round < 3; round++) {
        rooms.flush();
        clock.nextFrame();
      }
    };
    sessions = await Promise.all(
      honest.map((who) =>
        GroupSession.open(
          { secret: SECRET, memberId: 'ignored-0001', memberName: who.name, groupName: 'B3' },
          { openRoom: rooms.openerFor(who.name), clock, device: who.device },
        ),
      ),
    );
    const [chair, bram, carla] = sessions as [GroupSession, GroupSession, GroupSession];
    expect(await chair.startMeeting('basic')).toEqual({ ok: true });
    rooms.flush();
    // Admission: the chair lets both in.
    for (let round = 0; round < 400; round++) {
      settle();
      for (const knock of chair.snapshot().knocks) await chair.admit(knock.memberId);
      if ([bram, carla].every((x) => x.snapshot().meeting !== null)) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    settle();
    expect(bram.run((ctx) => confirmConfidentiality(ctx))).toEqual({ ok: true });
    expect(chair.run((ctx) => confirmConfidentiality(ctx))).toEqual({ ok: true });
    settle();

    const meetingId = chair.snapshot().meetingId!;
    const room = await admittedRoom({
      secret: SECRET,
      open: rooms.openerFor('Xander'),
      chair,
      signer: xander,
      now: clock.now(),
      settle,
    });
    const doc = room.doc;
    const carlaId = carla.snapshot().selfId;
    const map = doc.getMap<unknown>(BOARD_ROOTS.confidentiality);
    doc.getMap<unknown>(ROSTER_ROOT).set(xander.card.session, { ...xander.card });
    // Signed by Xander, in Carla's name: the key is not the writer.
    map.set(carlaId, signedBy(xander, meetingId, BOARD_ROOTS.confidentiality, carlaId, { at: 1 }));
    // Claiming to be Carla as the writer, with Xander's session key: forged.
    map.set(
      carlaId,
      signedBy(xander, meetingId, BOARD_ROOTS.confidentiality, carlaId, { at: 2 }, carlaId),
    );
    // Unsigned, as a plain document would hold it.
    map.set(carlaId, { at: 3 });
    // Bram's confirmation taken back by someone else.
    map.set(
      bram.snapshot().selfId,
      signedBy(xander, meetingId, BOARD_ROOTS.confidentiality, bram.snapshot().selfId, null),
    );
    // His own confirmation, in his own name: that one counts.
    const own = xander.card.memberId;
    map.set(own, signedBy(xander, meetingId, BOARD_ROOTS.confidentiality, own, { at: 4 }));
    settle();

    const expected = [chair.snapshot().selfId, bram.snapshot().selfId, own].sort();
    for (const s of sessions) {
      expect([...s.snapshot().board!.confidentiality].sort()).toEqual(expected);
    }
    expect(chair.snapshot().rejected.length).toBeGreaterThan(0);

    // Carla confirms for herself: now she counts, on every panel.
    expect(carla.run((ctx) => confirmConfidentiality(ctx))).toEqual({ ok: true });
    settle();
    for (const s of sessions) {
      expect(s.snapshot().board!.confidentiality).toContain(carlaId);
    }
    room.release();
  });
});
