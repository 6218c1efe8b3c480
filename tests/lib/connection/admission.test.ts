import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CACHE_SETTLE_MS, CHAIR_GRACE_MS } from '../../../lib/connection/group-session';
import type {
  CachedGroupState,
  GroupSession,
  GroupSnapshot,
  MeetingCachePort,
} from '../../../lib/connection/group-session';
import type { RoomHandle } from '../../../lib/connection/room-connection';
import { createMeetingCache } from '../../../lib/device/meeting-cache';
import { memoryStore } from '../../../lib/device/key-value-store';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { deriveRoomKeys } from '../../../lib/invite/room-name';
import type { RoomKeys } from '../../../lib/invite/room-name';
import {
  admit,
  meetingIdOf,
  newBox,
  newMeetingKey,
  openAnswer,
  readAnswer,
  readKnocks,
  knock,
} from '../../../lib/shared-doc/admission';
import { addPitch } from '../../../lib/shared-doc/board-commands';
import { newSessionSigner } from '../../../lib/shared-doc/signed';
import type { DeviceSigner } from '../../../lib/shared-doc/signed';
import { admittedRoom, SignedGroup } from '../helpers/signed-group';

/**
 * Issue 13, point 1: "Joining today's meeting means asking: the chair sees who asks, by name and
 * a short fingerprint, and admits or refuses. The meeting's room and key are random per meeting
 * and reach only admitted members ... so the group invite alone no longer gets anyone into a
 * meeting. A member admitted once can be remembered by the group, so regulars enter without
 * waiting." Signed sessions on in-memory rooms.
 */

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 31);
const CASE = 'Een ouder die steeds boos belt';

let devices: Record<'anna' | 'bram' | 'carla' | 'xander', DeviceSigner>;

beforeAll(async () => {
  devices = {
    anna: await memoryDeviceKey(),
    bram: await memoryDeviceKey(),
    carla: await memoryDeviceKey(),
    xander: await memoryDeviceKey(),
  };
});

let group: SignedGroup;
afterEach(() => group?.dispose());

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

async function settleAsync(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    group.settle();
    await tick();
  }
}

const eventually = (session: GroupSession, holds: (s: GroupSnapshot) => boolean) =>
  group.eventually(session, holds);

/** Anna chairs a new meeting and Bram asks to join it: the chair sees his knock. */
async function bramAsksAnna(): Promise<{ anna: GroupSession; bram: GroupSession }> {
  group = new SignedGroup(SECRET);
  const anna = await group.open('Anna', devices.anna);
  expect(await anna.startMeeting('basic')).toEqual({ ok: true });
  const bram = await group.open('Bram', devices.bram);
  await eventually(anna, (s) => s.knocks.length === 1);
  return { anna, bram };
}

describe('admission', () => {
  it('a member asks, the chair sees name and fingerprint and lets them in; the meeting reaches only them', async () => {
    group = new SignedGroup(SECRET);
    const anna = await group.open('Anna', devices.anna);
    const bram = await group.open('Bram', devices.bram);
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    await eventually(anna, (s) => s.knocks.length === 1);
    // Bram is asking, with his fingerprint; he has no meeting.
    const asking = bram.snapshot();
    expect(asking.meeting).toBeNull();
    expect(asking.admission?.state).toBe('asking');
    expect(asking.admission?.fingerprint).toMatch(/^[0-9A-F]{4} [0-9A-F]{4}$/);
    // Anna sees him by name and the same fingerprint.
    const knocks = anna.snapshot().knocks;
    expect(knocks).toEqual([
      {
        meetingId: anna.snapshot().meetingId,
        memberId: bram.snapshot().selfId,
        name: 'Bram',
        fingerprint: asking.admission!.fingerprint,
      },
    ]);
    expect(await anna.admit(knocks[0]!.memberId)).toEqual({ ok: true });
    const inside = await eventually(bram, (s) => s.meeting !== null);
    expect(inside.admission).toBeNull();
    expect(inside.meetingId).toBe(anna.snapshot().meetingId);
    expect(anna.snapshot().knocks).toEqual([]);
    // The meeting's id is its key's; its room is not the one the invite would give.
    const byInvite = await deriveRoomKeys(SECRET, {
      kind: 'meeting',
      meetingId: inside.meetingId!,
    });
    expect(group.rooms.openRooms('Anna')).toHaveLength(2);
    expect(group.rooms.openRooms('Anna')).not.toContain(byInvite.roomName);
    expect(group.rooms.openRooms('Bram')).toEqual(group.rooms.openRooms('Anna'));
  });

  it('a member asking while the chair is gone is told so after a while, and when nobody is there at all', async () => {
    group = new SignedGroup(SECRET);
    const anna = await group.open('Anna', devices.anna);
    const carla = await group.open('Carla', devices.carla);
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    await group.letIn(anna, [carla]);
    // The chair's panel closes; Carla stays in the meeting (and so in the lobby).
    anna.dispose();
    await settleAsync();
    const bram = await group.open('Bram', devices.bram);
    const asking = await eventually(
      bram,
      (s) => s.admission?.state === 'asking' && s.members.some((m) => m.name === 'Carla'),
    );
    // Just asked: the lobby's presences may still be on their way, so nothing is said yet.
    expect(asking.admission).toMatchObject({ chairName: 'Anna', away: null });
    group.clock.advance(CHAIR_GRACE_MS + 100);
    const chairAway = await eventually(bram, (s) => s.admission?.away === 'chair');
    expect(chairAway.admission?.chairName).toBe('Anna');
    // Carla leaves too: nobody of the group is there to let Bram in.
    carla.dispose();
    await settleAsync();
    group.clock.advance(CHAIR_GRACE_MS + 100);
    const nobody = await eventually(bram, (s) => s.admission?.away === 'everyone');
    expect(nobody.admission?.state).toBe('asking');
    expect(nobody.members.filter((m) => !m.isSelf)).toEqual([]);
    // Anna's panel opens again: she is in the lobby, and the panel says the chair sees Bram.
    await group.open('Anna', devices.anna);
    const back = await eventually(bram, (s) => s.admission?.away === null);
    expect(back.admission?.state).toBe('asking');
  });

  it('two members asking while nobody else is there are both told that nobody is', async () => {
    const { anna, bram } = await bramAsksAnna();
    anna.dispose();
    await settleAsync();
    const xander = await group.open('Xander', devices.xander);
    // Each sees the other present, asking too: neither can let the other in.
    for (const [asker, other] of [
      [bram, 'Xander'],
      [xander, 'Bram'],
    ] as const) {
      await eventually(
        asker,
        (s) => s.admission?.state === 'asking' && s.members.some((m) => m.name === other),
      );
    }
    await eventually(xander, (s) => s.admission !== null);
    group.clock.advance(CHAIR_GRACE_MS + 100);
    for (const asker of [bram, xander]) {
      const seen = await eventually(asker, (s) => s.admission?.away === 'everyone');
      expect(seen.members.filter((m) => !m.isSelf)).toHaveLength(1);
    }
  });

  it('a member asking while the chair is there is never told the chair is gone', async () => {
    const { bram } = await bramAsksAnna();
    for (let i = 0; i < 4; i++) {
      group.clock.advance(CHAIR_GRACE_MS);
      await settleAsync();
      expect(bram.snapshot().admission).toMatchObject({ state: 'asking', away: null });
    }
  });

  it('a refused member gets no key and receives nothing of the meeting; asking again can be answered', async () => {
    group = new SignedGroup(SECRET);
    const anna = await group.open('Anna', devices.anna);
    const bram = await group.open('Bram', devices.bram);
    const xander = await group.open('Xander', devices.xander);
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    await eventually(anna, (s) => s.knocks.length === 2);
    const ids = Object.fromEntries(anna.snapshot().knocks.map((k) => [k.name, k.memberId]));
    expect(Object.keys(ids).sort()).toEqual(['Bram', 'Xander']);
    expect(anna.refuse(ids.Xander!)).toEqual({ ok: true });
    expect(await anna.admit(ids.Bram!)).toEqual({ ok: true });
    await eventually(bram, (s) => s.meeting !== null);
    const refused = await eventually(xander, (s) => s.admission?.state === 'refused');
    expect(refused.admission?.refusedBy).toBe('Anna');
    expect(refused.meeting).toBeNull();
    // The meeting goes on with a case; nothing of it reaches Xander's rooms.
    expect(bram.run((ctx) => addPitch(ctx, CASE, 'case')).ok).toBe(true);
    await settleAsync();
    expect(anna.snapshot().board?.pitches.map((p) => p.text)).toContain(CASE);
    expect(xander.snapshot().board).toBeNull();
    expect(JSON.stringify(xander.sharedState())).not.toContain(CASE);
    expect(xander.sharedState().meeting).toBeNull();
    // He holds the lobby only: the meeting's room was never opened by his panel.
    expect(group.rooms.openRooms('Xander')).toHaveLength(1);
    expect(group.rooms.openRooms('Bram')).toHaveLength(2);
    // He asks again; Anna now sees him again and may let him in.
    xander.askAgain();
    await eventually(anna, (s) => s.knocks.length === 1);
    expect(xander.snapshot().admission?.state).toBe('asking');
    expect(anna.snapshot().knocks.map((k) => k.name)).toEqual(['Xander']);
  });

  it('only the chair answers: a member who is not chair cannot let anyone in', async () => {
    group = new SignedGroup(SECRET);
    const anna = await group.open('Anna', devices.anna);
    const bram = await group.open('Bram', devices.bram);
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    await group.letIn(anna, [bram]);
    const carla = await group.open('Carla', devices.carla);
    await eventually(anna, (s) => s.knocks.length === 1);
    expect(bram.snapshot().knocks).toEqual([]);
    expect(await bram.admit(carla.snapshot().selfId)).toEqual({ ok: false, reason: 'not-chair' });
    expect(anna.snapshot().knocks.map((k) => k.name)).toEqual(['Carla']);
  });

  it('a member the chair names opens the door too; nobody else can name one', async () => {
    group = new SignedGroup(SECRET);
    const anna = await group.open('Anna', devices.anna);
    const bram = await group.open('Bram', devices.bram);
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    await group.letIn(anna, [bram]);
    const bramId = bram.snapshot().selfId;
    expect(bram.letOpenTheDoor(bramId)).toEqual({ ok: false, reason: 'not-chair' });
    expect(anna.letOpenTheDoor(bramId)).toEqual({ ok: true });
    await eventually(bram, (s) => s.doorkeeper === bramId);
    const carla = await group.open('Carla', devices.carla);
    const asked = await eventually(bram, (s) => s.knocks.length === 1);
    expect(asked.knocks[0]!.name).toBe('Carla');
    expect(await bram.admit(asked.knocks[0]!.memberId)).toEqual({ ok: true });
    await eventually(carla, (s) => s.meeting !== null);
    // Taken back: Bram no longer answers.
    expect(anna.letOpenTheDoor(null)).toEqual({ ok: true });
    await eventually(bram, (s) => s.doorkeeper === null);
    expect(await bram.admit(carla.snapshot().selfId)).toEqual({ ok: false, reason: 'not-chair' });
  });

  it('regulars enter the next meeting without waiting', async () => {
    group = new SignedGroup(SECRET);
    const anna = await group.open('Anna', devices.anna);
    const bram = await group.open('Bram', devices.bram);
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    await group.letIn(anna, [bram]);
    await settleAsync();
    expect(anna.endMeeting()).toEqual({ ok: true });
    await settleAsync();
    // The next meeting: Bram comes in without Anna answering.
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    const second = anna.snapshot().meetingId;
    await eventually(bram, (s) => s.meetingId === second && s.meeting !== null);
    expect(bram.snapshot().meeting).not.toBeNull();
    expect(anna.snapshot().knocks).toEqual([]);
  });

  it('a member the chair let in comes straight in again, though the chair never saw them present', async () => {
    group = new SignedGroup(SECRET);
    const anna = await group.open('Anna', devices.anna);
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    await settleAsync();
    // Bram is let in from a panel that closes before it shows itself in the meeting's room.
    const seat = await admittedRoom({
      secret: SECRET,
      open: group.rooms.openerFor('Bram'),
      chair: anna,
      signer: await newSessionSigner(devices.bram, 'Bram'),
      now: group.clock.now(),
      settle: () => group.settle(),
    });
    seat.awareness.setLocalState(null);
    await settleAsync();
    expect(anna.snapshot().members.map((m) => m.name)).toEqual(['Anna']);
    // He opens the group again on a device that kept nothing: a new ask, answered at once.
    const bram = await group.open('Bram', devices.bram);
    await eventually(bram, (s) => s.meeting !== null);
    expect(anna.snapshot().knocks).toEqual([]);
  });
});

describe('a member who reloads just after being let in', () => {
  it('keeps the key within a moment, though the meeting has not come yet: back in without asking', async () => {
    group = new SignedGroup(SECRET);
    const anna = await group.open('Anna', devices.anna);
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    const lobbyRoom = (await deriveRoomKeys(SECRET, { kind: 'lobby' })).roomName;
    // Bram's device keeps his cache; a crash is the panel gone, saving nothing more.
    const store = memoryStore();
    let crashed = false;
    const cache: MeetingCachePort = {
      load: () => createMeetingCache(store, SECRET).load(),
      save: async (record: CachedGroupState) => {
        if (!crashed) await createMeetingCache(store, SECRET).save(record);
      },
    };
    // The meeting takes its while to reach him: its room has not connected, and nothing comes
    // over the lobby's data channels (no head start from the chair's panel).
    group.rooms.cutOff('Bram', (roomName) => roomName !== lobbyRoom);
    const slowRooms = (keys: RoomKeys): RoomHandle => {
      const room = group.rooms.openerFor('Bram')(keys);
      const notes = room.notes && { ...room.notes, listen: () => () => undefined };
      return notes ? { ...room, notes } : room;
    };
    const bram = await group.open('Bram', devices.bram, {
      meetingCache: cache,
      openRoom: slowRooms,
    });
    await eventually(anna, (s) => s.knocks.length === 1);
    // His panel saved a moment ago (his knock): the next ordinary save waits a while.
    group.clock.advance(CACHE_SETTLE_MS);
    expect(await anna.admit(anna.snapshot().knocks[0]!.memberId)).toEqual({ ok: true });
    const meetingId = anna.snapshot().meetingId;
    await eventually(bram, (s) => s.admission === null && s.meetingId === meetingId);
    expect(bram.snapshot().meeting).toBeNull();

    group.clock.advance(CACHE_SETTLE_MS);
    await settleAsync();
    crashed = true;
    bram.dispose();

    // He opens the group again: into the meeting with the key he kept, never asking.
    group.rooms.connectRooms('Bram');
    const again = await group.open('Bram', devices.bram, {
      meetingCache: { ...cache, save: async () => undefined },
    });
    let asked = false;
    await eventually(again, (s) => {
      if (s.admission !== null) asked = true;
      return s.meeting !== null;
    });
    expect(asked, 'asked to be let in again').toBe(false);
    expect(again.snapshot().meetingId).toBe(meetingId);
  });
});

describe('the sealed key', () => {
  it('opens only for the box it was sealed for, and only as the meeting it names', async () => {
    const doc = new Y.Doc();
    const chair = await newSessionSigner(devices.anna, 'Anna');
    const asker = await newSessionSigner(devices.bram, 'Bram');
    const key = newMeetingKey();
    const meetingId = meetingIdOf(key);
    const box = newBox();
    knock(doc, meetingId, asker, box, 1);
    const [knocked] = readKnocks(doc, meetingId);
    expect(knocked?.name).toBe('Bram');
    expect(await admit(doc, key, knocked!, chair, 2)).toBe(true);
    const answer = readAnswer(doc, meetingId, asker.card.memberId, box);
    expect(answer?.kind).toBe('admitted');
    if (answer?.kind !== 'admitted') return;
    expect(await openAnswer(answer, box, meetingId, asker.card.memberId)).toEqual(key);
    // Another box (an eavesdropper's) opens nothing.
    expect(await openAnswer(answer, newBox(), meetingId, asker.card.memberId)).toBeNull();
    // A key for another meeting is not taken as this one's.
    expect(await admit(doc, newMeetingKey(), knocked!, chair, 3)).toBe(false);
  });

  it('a knock in someone else\u2019s name or with a bad signature is not listed', async () => {
    const doc = new Y.Doc();
    const asker = await newSessionSigner(devices.bram, 'Bram');
    const meetingId = meetingIdOf(newMeetingKey());
    knock(doc, meetingId, asker, newBox(), 1);
    const map = doc.getMap<unknown>('lobby');
    const [key] = [...map.keys()];
    const entry = map.get(key!) as Record<string, unknown>;
    // The same knock under Carla's id, and one with its name changed.
    map.set(`knock:${meetingId}:${devices.carla.memberId}`, entry);
    map.set(key!, { ...entry, at: 2 });
    expect(readKnocks(doc, meetingId)).toEqual([]);
  });
});
