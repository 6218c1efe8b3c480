import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GroupSession, GroupSnapshot } from '../../../lib/connection/group-session';
import { FRESH_ROOM_LINGER_MS } from '../../../lib/connection/group-session';
import { FRESH_ROOM_KEY } from '../../../lib/connection/fresh-room';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { addPitch } from '../../../lib/shared-doc/board-commands';
import { meetingMap } from '../../../lib/shared-doc/doc-schema';
import { newSessionSigner, put } from '../../../lib/shared-doc/signed';
import type { DeviceSigner, SessionSigner } from '../../../lib/shared-doc/signed';
import { SignedGroup, admittedRoom } from '../helpers/signed-group';

/**
 * Issue 13, point 3: "a peer connected to a room without a valid, admitted identity is shown as
 * 'someone unknown is connected' to everyone, and the chair can start a fresh room without
 * them." Signed sessions on in-memory rooms; the unseen peer holds the meeting's key (it was let
 * in once, or a key was passed on) and sits in the room without presence.
 */

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 101);
let devices: DeviceSigner[];
let xander: SessionSigner;
beforeAll(async () => {
  devices = await Promise.all([1, 2, 3, 4].map(() => memoryDeviceKey()));
  xander = await newSessionSigner(await memoryDeviceKey(), 'Xander');
});

let group: SignedGroup;
afterEach(() => group?.dispose());

const eventually = (session: GroupSession, holds: (s: GroupSnapshot) => boolean) =>
  group.eventually(session, holds);

describe('a fresh room for the meeting (issue 13, point 3)', () => {
  it('takes the members along with the whole meeting and leaves the unseen peer behind', async () => {
    group = new SignedGroup(SECRET);
    const anna = await group.open('Anna', devices[0]!);
    const bram = await group.open('Bram', devices[1]!);
    const carla = await group.open('Carla', devices[2]!);
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    await group.letIn(anna, [bram, carla]);
    expect(bram.run((ctx) => addPitch(ctx, 'Voor de verhuizing', 'case')).ok).toBe(true);
    group.settle();
    // Xander was let in once; his raw seat shows no presence.
    const seat = await admittedRoom({
      secret: SECRET,
      open: group.rooms.openerFor('Xander'),
      chair: anna,
      signer: xander,
      now: group.clock.now(),
      settle: () => group.settle(),
    });
    seat.awareness.setLocalState(null);
    group.settle();
    // Xander opened the lobby, then the meeting's room.
    const oldRoom = group.rooms.openRooms('Xander')[1];
    expect(oldRoom).toBeDefined();

    // Only the chair may move the meeting.
    expect(bram.freshRoom()).toEqual({ ok: false, reason: 'not-chair' });
    expect(anna.freshRoom()).toEqual({ ok: true });
    group.clock.advance(FRESH_ROOM_LINGER_MS + 10);
    for (const s of [anna, bram, carla]) {
      await eventually(s, (x) => {
        const open = group.rooms.openRooms(nameOf(s));
        return open.length === 2 && !open.includes(oldRoom!) && x.meeting !== null;
      });
    }
    // Everyone is in the same new room, with the meeting as it was.
    const rooms = [anna, bram, carla].map((s) => group.rooms.openRooms(nameOf(s)).sort());
    expect(rooms[1]).toEqual(rooms[0]);
    expect(rooms[2]).toEqual(rooms[0]);
    for (const s of [anna, bram, carla]) {
      const seen = await eventually(s, (x) => x.board !== null && x.meeting !== null);
      expect(seen.board!.pitches.map((p) => p.text)).toEqual(['Voor de verhuizing']);
      expect(seen.meetingId).toBe(anna.snapshot().meetingId);
    }
    // What is written now never reaches the old room.
    expect(carla.run((ctx) => addPitch(ctx, 'Na de verhuizing', 'case')).ok).toBe(true);
    await eventually(anna, (s) => s.board!.pitches.length === 2);
    expect(JSON.stringify(seat.doc.toJSON())).not.toContain('Na de verhuizing');
    // A member who comes later is let into the fresh room: the key sealed for them comes with
    // the meeting's first key, which proves the meeting.
    const dirk = await group.open('Dirk', devices[3]!);
    await group.letIn(anna, [dirk]);
    const late = await eventually(dirk, (x) => x.board?.pitches.length === 2);
    expect(late.meetingId).toBe(anna.snapshot().meetingId);
    expect(group.rooms.openRooms('Dirk')).not.toContain(oldRoom);
  });

  it('ignores a fresh room marked by someone who is not the chair', async () => {
    group = new SignedGroup(SECRET);
    const anna = await group.open('Anna', devices[0]!);
    const bram = await group.open('Bram', devices[1]!);
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    await group.letIn(anna, [bram]);
    const before = group.rooms.openRooms('Anna').sort();
    bram.run((ctx) => {
      ctx.doc.transact(() =>
        put(meetingMap(ctx.doc), FRESH_ROOM_KEY, { n: 1, check: 'a'.repeat(32) }),
      );
      return { ok: true };
    });
    for (let i = 0; i < 20; i++) {
      group.settle();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(group.rooms.openRooms('Anna').sort()).toEqual(before);
    expect(group.rooms.openRooms('Bram').sort()).toEqual(before);
  });
});

function nameOf(session: GroupSession): string {
  return session.snapshot().members.find((m) => m.isSelf)?.name ?? '';
}
