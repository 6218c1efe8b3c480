import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CHAIR_GRACE_MS, GroupSession } from '../../../lib/connection/group-session';
import type { GroupSnapshot } from '../../../lib/connection/group-session';
import type { Clock } from '../../../lib/connection/clock';
import { addPitch, confirmCase } from '../../../lib/shared-doc/board-commands';
import { deriveRoomKeys } from '../../../lib/invite/room-name';
import { readCurrentMeeting } from '../../../lib/shared-doc/lobby';
import { MEETING_KEYS, meetingMap } from '../../../lib/shared-doc/doc-schema';
import { remainingMs } from '../../../lib/shared-doc/timer';
import { FakeClock } from '../helpers/fake-clock';
import { InMemoryRooms } from '../helpers/in-memory-rooms';
import { member } from '../helpers/meeting';
import type { TestMember } from '../helpers/meeting';
import { until } from '../helpers/until-snapshot';

/** How often a panel refreshes the clock reading in its presence (CLOCK_REFRESH_MS). */
const PRESENCE_REFRESH_MS = 10_000;
const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');
const dirk = member('Dirk');

/** Members of one group on in-memory rooms, with one clock that moves only when told. */
class Group {
  readonly rooms = new InMemoryRooms();
  readonly clock = new FakeClock();
  private readonly sessions: GroupSession[] = [];

  /** `groupName` '' for a member who joined with an invite and does not know it yet. */
  async open(
    who: TestMember,
    clock: Clock = this.clock,
    groupName = 'Intervisie B3',
  ): Promise<GroupSession> {
    const session = await GroupSession.open(
      { secret: SECRET, memberId: who.id, memberName: who.name, groupName },
      { openRoom: this.rooms.openerFor(who.name), clock },
    );
    this.sessions.push(session);
    return session;
  }

  /**
   * Delivers everything queued and draws the frames that follow (a panel refreshes once per
   * frame), until every panel shows what arrived; a refresh may write (meeting-upkeep.ts), so
   * twice.
   */
  settle(): void {
    for (let round = 0; round < 2; round++) {
      this.rooms.flush();
      this.clock.nextFrame();
    }
  }

  /** The first member starts a meeting; the others follow it and everyone's presence arrives. */
  async meeting(...members: TestMember[]): Promise<GroupSession[]> {
    const sessions = await Promise.all(members.map((who) => this.open(who)));
    const [chair, ...others] = sessions;
    expect(await chair!.startMeeting('basic')).toEqual({ ok: true });
    this.rooms.flush();
    await Promise.all(others.map((session) => until(session, (s) => s.meeting !== null)));
    this.settle();
    return sessions;
  }

  dispose(): void {
    for (const session of this.sessions) session.dispose();
  }
}

/** The meeting the group's lobby points at, as this member's copy of the lobby says. */
function lobbyPointer(session: GroupSession): string | null {
  const lobby = session.sharedState().lobby;
  if (!lobby) throw new Error('no lobby');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, lobby);
  return readCurrentMeeting(doc)?.meetingId ?? null;
}

/** The name of the room of the meeting this member is in. */
async function meetingRoom(session: GroupSession): Promise<string> {
  const meetingId = session.snapshot().meetingId;
  if (!meetingId) throw new Error('no meeting');
  return (await deriveRoomKeys(SECRET, { kind: 'meeting', meetingId })).roomName;
}

const names = (snapshot: GroupSnapshot): string[] => snapshot.members.map((m) => m.name).sort();

let group: Group;
afterEach(() => group.dispose());

describe('following the lobby', () => {
  it('brings a member who joins later into the running meeting, with its meeting state and board', async () => {
    group = new Group();
    const [chair, pitcher] = await group.meeting(anna, bram);
    expect(pitcher!.run((ctx) => addPitch(ctx, 'Een ouder die steeds boos belt', 'case'))).toEqual({
      ok: true,
    });
    group.settle();

    const late = await group.open(carla);
    const seen = await until(late, (s) => s.meeting !== null);
    expect(seen.meetingId).toBe(chair!.snapshot().meetingId);
    expect(seen.meeting).toMatchObject({ chairId: anna.id, chairName: 'Anna' });
    expect(seen.meeting!.phase.id).toBe('inventory');
    expect(seen.role).toBe('member');
    expect(seen.board!.pitches.map((p) => p.text)).toEqual(['Een ouder die steeds boos belt']);
    expect(seen.timer).not.toBeNull();
  });

  it('brings a meeting one member starts to every member already in the lobby', async () => {
    group = new Group();
    const [first, second, third] = await Promise.all([anna, bram, carla].map((m) => group.open(m)));
    expect(second!.snapshot().meetingId).toBeNull();

    expect(await second!.startMeeting('basic')).toEqual({ ok: true });
    group.clock.nextFrame();
    expect(second!.snapshot().role).toBe('chair');
    group.settle();
    for (const other of [first!, third!]) {
      const seen = await until(other, (s) => s.meeting !== null);
      expect(seen.meetingId).toBe(second!.snapshot().meetingId);
      expect(seen.meeting!.chairName).toBe('Bram');
      expect(seen.role).toBe('member');
    }
  });

  it('moves every member on to the next meeting, in a fresh document', async () => {
    group = new Group();
    const [chair, other] = await group.meeting(anna, bram);
    other!.run((ctx) => addPitch(ctx, 'Een lastig gesprek', 'case'));
    group.settle();
    const first = chair!.snapshot().meetingId;
    expect(chair!.endMeeting()).toEqual({ ok: true });
    group.settle();

    expect(await chair!.startMeeting('basic')).toEqual({ ok: true });
    group.settle();
    const seen = await until(other!, (s) => s.meetingId !== first && s.meeting !== null);
    expect(seen.meetingId).toBe(chair!.snapshot().meetingId);
    expect(seen.ended).toBeNull();
    expect(seen.board!.pitches).toEqual([]);
  });
});

describe('snapshots', () => {
  it('updates the snapshot when another member changes the meeting', async () => {
    group = new Group();
    const [chair, other] = await group.meeting(anna, bram);
    let heard = 0;
    chair!.subscribe(() => heard++);

    other!.run((ctx) => addPitch(ctx, 'Een lastig gesprek', 'case'));
    expect(chair!.snapshot().board!.pitches).toEqual([]);
    group.settle();
    expect(chair!.snapshot().board!.pitches.map((p) => p.text)).toEqual(['Een lastig gesprek']);
    expect(heard).toBeGreaterThan(0);

    expect(chair!.nextPhase()).toEqual({ ok: true });
    group.settle();
    expect(other!.snapshot().meeting!.phase.id).toBe('analysis');
  });

  it('lists the members present, and drops one whose panel closes', async () => {
    group = new Group();
    const [chair, second, third] = await group.meeting(anna, bram, carla);
    expect(names(chair!.snapshot())).toEqual(['Anna', 'Bram', 'Carla']);
    expect(chair!.snapshot().connection).toEqual({ kind: 'connected', members: 2 });

    third!.dispose();
    group.settle();
    expect(names(chair!.snapshot())).toEqual(['Anna', 'Bram']);
    expect(names(second!.snapshot())).toEqual(['Anna', 'Bram']);
  });

  it('keeps the same snapshot object when a refresh changes nothing it shows', async () => {
    group = new Group();
    const [chair] = await group.meeting(anna, bram);
    const before = chair!.snapshot();
    let heard = 0;
    chair!.subscribe(() => heard++);
    // Everyone's clock reading in presence changes; nothing in the snapshot does.
    group.clock.advance(PRESENCE_REFRESH_MS);
    group.settle();
    expect(chair!.snapshot()).toBe(before);
    expect(heard).toBe(0);
  });

  it("reads the chair's timer on the chair's clock, from the clock readings refreshed in presence", async () => {
    group = new Group();
    const chair = await group.open(anna);
    // Bram's clock runs a minute ahead of Anna's.
    const other = await group.open(bram, group.clock.skewed(60_000));
    expect(await chair.startMeeting('basic')).toEqual({ ok: true });
    group.rooms.flush();
    await until(other, (s) => s.timer !== null);

    group.clock.advance(PRESENCE_REFRESH_MS);
    group.rooms.flush();
    const seen = other.snapshot();
    expect(seen.timerOffset).toBe(-60_000);
    const onBramsClock = remainingMs(seen.timer!, group.clock.now() + 60_000, seen.timerOffset);
    expect(onBramsClock).toBe(seen.meeting!.phase.minutes * 60_000 - PRESENCE_REFRESH_MS);
  });
});

describe('the case bringer', () => {
  it('counts the case bringer missing once their panel has been gone for CHAIR_GRACE_MS, and back at once', async () => {
    group = new Group();
    const [chair, bringer, other] = await group.meeting(anna, bram, carla);
    expect(other!.snapshot().bringerPresent).toBe(true); // no case yet
    bringer!.run((ctx) => addPitch(ctx, 'Een ouder die steeds boos belt', 'case'));
    group.settle();
    const pitch = chair!.snapshot().board!.pitches[0]!;
    expect(chair!.run((ctx) => confirmCase(ctx, pitch.id))).toEqual({ ok: true });
    group.settle();
    expect(other!.snapshot().meeting!.caseBringerId).toBe(bram.id);
    expect(other!.snapshot().bringerPresent).toBe(true);

    group.rooms.disconnect('Bram');
    group.clock.nextFrame();
    expect(names(other!.snapshot())).toEqual(['Anna', 'Carla']);
    // A reconnect takes a moment: not said at once.
    expect(other!.snapshot().bringerPresent).toBe(true);
    group.clock.advance(CHAIR_GRACE_MS + 100);
    // No event but the clock: the session reads again when the grace ends.
    expect(other!.snapshot().bringerPresent).toBe(false);
    expect(chair!.snapshot().bringerPresent).toBe(false);

    group.rooms.reconnect('Bram');
    group.settle();
    expect(other!.snapshot().bringerPresent).toBe(true);
  });
});

describe('the chair', () => {
  it('counts the chair present while they are in presence, so no one may take the chair', async () => {
    group = new Group();
    const [, , other] = await group.meeting(anna, bram, carla);
    expect(other!.snapshot().chairPresent).toBe(true);
    expect(other!.takeChair()).toEqual({ ok: false, reason: 'chair-present' });
  });

  it('still counts the chair present while gone from presence for less than CHAIR_GRACE_MS', async () => {
    group = new Group();
    const [, , other] = await group.meeting(anna, bram, carla);
    // Long after the last change, the chair's connection in the meeting's room drops (nothing
    // else refreshes the snapshot first): the grace runs from the moment the chair is missed.
    group.clock.advance(CHAIR_GRACE_MS + 3000);
    group.rooms.disconnect('Anna', await meetingRoom(other!));
    group.clock.nextFrame();
    expect(names(other!.snapshot())).toEqual(['Bram', 'Carla']);
    expect(other!.snapshot().chairPresent).toBe(true);
    group.clock.advance(CHAIR_GRACE_MS - 1);
    expect(other!.snapshot().chairPresent).toBe(true);
    expect(other!.takeChair()).toEqual({ ok: false, reason: 'chair-present' });
  });

  it('counts a chair who comes back within the grace as present, with a fresh grace next time', async () => {
    group = new Group();
    const [, , other] = await group.meeting(anna, bram, carla);
    group.rooms.disconnect('Anna');
    group.clock.advance(CHAIR_GRACE_MS - 1000);
    group.rooms.reconnect('Anna');
    group.settle();
    expect(names(other!.snapshot())).toEqual(['Anna', 'Bram', 'Carla']);

    group.rooms.disconnect('Anna');
    group.clock.advance(CHAIR_GRACE_MS - 1000);
    expect(other!.snapshot().chairPresent).toBe(true);
  });

  it('lets a member take the chair after CHAIR_GRACE_MS without the chair, and the old chair sees who did', async () => {
    group = new Group();
    const [oldChair, bringer, other] = await group.meeting(anna, bram, carla);
    group.rooms.disconnect('Anna');
    group.clock.advance(CHAIR_GRACE_MS + 100);
    // No event but the clock: the session re-checks when the grace ends.
    expect(other!.snapshot().chairPresent).toBe(false);

    expect(other!.takeChair()).toEqual({ ok: true });
    group.clock.nextFrame();
    expect(other!.snapshot().role).toBe('chair');
    group.settle();
    expect(bringer!.snapshot().meeting!.chairTakenOver).toMatchObject({ name: 'Carla' });

    group.rooms.reconnect('Anna');
    group.settle();
    const seen = oldChair!.snapshot();
    expect(seen.meeting).toMatchObject({ chairId: carla.id, chairName: 'Carla' });
    expect(seen.meeting!.chairTakenOver).toMatchObject({ memberId: carla.id, name: 'Carla' });
    expect(seen.role).toBe('member');
    expect(seen.chairPresent).toBe(true);
  });
});

describe('garbage from a peer (issue 10, point 4)', () => {
  it('refreshes once per frame, however many updates arrive in it', async () => {
    group = new Group();
    const [chair, other] = await group.meeting(anna, bram);
    let heard = 0;
    chair!.subscribe(() => heard++);
    for (let i = 0; i < 20; i++) {
      expect(other!.run((ctx) => addPitch(ctx, `Casus ${i}`, 'case'))).toEqual({ ok: true });
    }
    group.rooms.flush();
    expect(heard).toBe(0);
    group.clock.nextFrame();
    expect(heard).toBe(1);
    expect(chair!.snapshot().board!.pitches).toHaveLength(20);
  });

  it("shows this member's own command at once, without waiting for a frame", async () => {
    // A controlled checkbox or field re-renders from the snapshot: if a member's own write waited
    // a frame, the input would snap back in between (and a click would seem not to take).
    group = new Group();
    const [, other] = await group.meeting(anna, bram);
    let heard = 0;
    other!.subscribe(() => heard++);
    expect(other!.run((ctx) => addPitch(ctx, 'Mijn eigen casus', 'case'))).toEqual({ ok: true });
    expect(heard).toBe(1);
    expect(other!.snapshot().board!.pitches.map((p) => p.text)).toEqual(['Mijn eigen casus']);
  });

  it("has the chair's panel write back a phase a peer garbled, so a member who joins reads it", async () => {
    group = new Group();
    const [chair, other] = await group.meeting(anna, bram);
    expect(chair!.goToPhase(2)).toEqual({ ok: true });
    group.settle();
    other!.run((ctx) => {
      meetingMap(ctx.doc).set(MEETING_KEYS.phaseIndex, 'back to the start');
      return { ok: true };
    });
    group.settle();
    expect(other!.snapshot().meeting!.phaseIndex).toBe(2);
    const late = await group.open(carla);
    const seen = await until(late, (s) => s.meeting !== null);
    expect(seen.meeting!.phaseIndex).toBe(2);
  });
});

describe('ending the meeting', () => {
  it('gives every member the summary and clears the lobby', async () => {
    group = new Group();
    const [chair, bringer, other] = await group.meeting(anna, bram, carla);
    bringer!.run((ctx) => addPitch(ctx, 'Een collega die afspraken niet nakomt', 'case'));
    group.settle();
    const pitchId = chair!.snapshot().board!.pitches[0]!.id;
    expect(chair!.run((ctx) => confirmCase(ctx, pitchId))).toEqual({ ok: true });
    group.settle();
    const meetingId = chair!.snapshot().meetingId;
    expect(lobbyPointer(other!)).toBe(meetingId);

    expect(other!.endMeeting()).toEqual({ ok: false, reason: 'not-chair' });
    expect(chair!.endMeeting()).toEqual({ ok: true });
    group.settle();
    for (const session of [chair!, bringer!, other!]) {
      const seen = session.snapshot();
      expect(seen.ended).toMatchObject({ meetingId, chairName: 'Anna', caseBringerName: 'Bram' });
      expect(seen.board!.pitches).toEqual([]);
      expect(lobbyPointer(session)).toBeNull();
    }
    const late = await group.open(dirk);
    expect(lobbyPointer(late)).toBeNull();
  });
});

describe('disposing', () => {
  it('releases its rooms and stops its timers', async () => {
    group = new Group();
    const [chair, other] = await group.meeting(anna, bram);
    expect(group.rooms.openRooms('Anna')).toHaveLength(2);
    group.rooms.disconnect('Anna');
    expect(group.clock.pending).toBeGreaterThan(0);

    chair!.dispose();
    other!.dispose();
    expect(group.rooms.openRooms('Anna')).toEqual([]);
    expect(group.rooms.openRooms('Bram')).toEqual([]);
    expect(group.clock.pending).toBe(0);
    chair!.dispose();
  });

  it('says goodbye in presence, so the others see the member leave', async () => {
    group = new Group();
    const [chair, other] = await group.meeting(anna, bram);
    other!.dispose();
    group.settle();
    expect(names(chair!.snapshot())).toEqual(['Anna']);
    expect(chair!.snapshot().connection).toEqual({ kind: 'connected', members: 0 });
  });
});

describe("the group's name (an invite carries none)", () => {
  it('reaches a member who joined with an invite from a member present, before any meeting', async () => {
    group = new Group();
    const founder = await group.open(anna);
    const joiner = await group.open(bram, group.clock, '');
    expect(joiner.snapshot().groupName).toBeNull();
    group.settle();
    expect(joiner.snapshot().groupName).toBe('Intervisie B3');
    expect(founder.snapshot().groupName).toBe('Intervisie B3');
  });

  it('is passed on by a member who learnt it, with the founder gone', async () => {
    group = new Group();
    const founder = await group.open(anna);
    const first = await group.open(bram, group.clock, '');
    group.settle();
    founder.dispose();
    group.settle();
    const later = await group.open(carla, group.clock, '');
    group.settle();
    expect(names(later.snapshot())).toEqual(['Bram', 'Carla']);
    expect(later.snapshot().groupName).toBe('Intervisie B3');
    expect(first.snapshot().groupName).toBe('Intervisie B3');
  });

  it('is carried by a meeting that a member who learnt it starts', async () => {
    group = new Group();
    await group.open(anna);
    const joiner = await group.open(bram, group.clock, '');
    group.settle();
    expect(await joiner.startMeeting('basic')).toEqual({ ok: true });
    group.settle();
    expect(joiner.snapshot().meeting?.groupName).toBe('Intervisie B3');
  });

  it("takes the running meeting's name over what most panels present say", async () => {
    group = new Group();
    await group.meeting(anna);
    await group.open(carla, group.clock, 'Onze eigen naam');
    await group.open(dirk, group.clock, 'Onze eigen naam');
    const joiner = await group.open(bram, group.clock, '');
    await until(joiner, (s) => s.meeting !== null);
    group.settle();
    expect(joiner.snapshot().groupName).toBe('Intervisie B3');
  });

  it("never replaces a name the member knew, whatever the others' panels say", async () => {
    group = new Group();
    await group.open(anna);
    const other = await group.open(dirk, group.clock, 'Onze eigen naam');
    group.settle();
    expect(other.snapshot().groupName).toBe('Onze eigen naam');
  });
});
