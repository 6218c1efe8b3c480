import { afterEach, describe, expect, it } from 'vitest';
import {
  ALONE_AFTER_MS,
  ALONE_DESPITE_PEERS_MS,
  PRESENCE_SETTLE_MS,
  CACHE_SAVE_DELAY_MS,
  CACHE_SETTLE_MS,
  GroupSession,
} from '../../../lib/connection/group-session';
import { KEPT_MEETING_MAX_AGE_MS } from '../../../lib/util/limits';
import type {
  CachedGroupState,
  GroupSnapshot,
  MeetingCachePort,
} from '../../../lib/connection/group-session';
import { createMeetingCache } from '../../../lib/device/meeting-cache';
import { memoryStore } from '../../../lib/device/key-value-store';
import type { KeyValueStore } from '../../../lib/device/key-value-store';
import { addPitch, addQuestion, shareLookBack } from '../../../lib/shared-doc/board-commands';
import { FakeClock } from '../helpers/fake-clock';
import { InMemoryRooms } from '../helpers/in-memory-rooms';
import { member } from '../helpers/meeting';
import type { TestMember } from '../helpers/meeting';

/**
 * Issue 10, point 2: no meeting is lost to a reload, a crash or an outage, and no split brain.
 * Members on in-memory rooms and a fake clock; each member's device has its own store, in which
 * the real meeting cache (sealed with the group's key) keeps what the panel needs to rejoin.
 */

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => 100 + i);
const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');
const dirk = member('Dirk');
const CASE = 'Een ouder die steeds boos belt';

/**
 * One member's device: its store outlives the panel. A crash is the process gone: nothing the
 * panel would still have saved reaches the store any more.
 */
class Device {
  readonly store: KeyValueStore = memoryStore();
  crashed = false;
  saves = 0;

  cache(): MeetingCachePort {
    const inner = createMeetingCache(this.store, SECRET);
    return {
      load: () => inner.load(),
      save: async (record: CachedGroupState) => {
        if (this.crashed) return;
        this.saves++;
        await inner.save(record);
      },
    };
  }
}

class Group {
  readonly rooms = new InMemoryRooms();
  readonly clock = new FakeClock();
  readonly devices = new Map<string, Device>();
  private readonly sessions: GroupSession[] = [];

  device(who: TestMember): Device {
    let device = this.devices.get(who.name);
    if (!device) {
      device = new Device();
      this.devices.set(who.name, device);
    }
    return device;
  }

  /** Opens (or reopens, after a reload) the member's panel with the cache on their device. */
  async open(who: TestMember, options: { cache?: boolean } = {}): Promise<GroupSession> {
    const device = this.device(who);
    device.crashed = false;
    const session = await GroupSession.open(
      { secret: SECRET, memberId: who.id, memberName: who.name, groupName: 'Intervisie B3' },
      {
        openRoom: this.rooms.openerFor(who.name),
        clock: this.clock,
        ...(options.cache === false ? {} : { meetingCache: device.cache() }),
      },
    );
    this.sessions.push(session);
    return session;
  }

  /** A reload: the page saves on its way out (pagehide), then the panel opens again. */
  async reload(session: GroupSession, who: TestMember): Promise<GroupSession> {
    await session.saveNow();
    session.dispose();
    return this.open(who);
  }

  /** The browser crashes: what was saved before stays, nothing more is written. */
  crash(session: GroupSession, who: TestMember): void {
    this.device(who).crashed = true;
    session.dispose();
  }

  /** Lets the debounced saves run and finish. */
  async saveAll(...sessions: GroupSession[]): Promise<void> {
    this.clock.advance(CACHE_SAVE_DELAY_MS);
    await Promise.all(sessions.map((s) => s.saveNow()));
  }

  /** Delivers messages and lets time and WebCrypto move on until `holds`, or fails. */
  async until(
    session: GroupSession,
    holds: (snapshot: GroupSnapshot) => boolean,
    what = 'the snapshot',
  ): Promise<GroupSnapshot> {
    for (let i = 0; i < 400; i++) {
      this.rooms.flush();
      if (holds(session.snapshot())) return session.snapshot();
      this.clock.advance(4);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    throw new Error(`${what} never came: ${JSON.stringify(session.snapshot())}`);
  }

  /** The first member starts a meeting; the others are in it; the case is pitched. */
  async meeting(...members: TestMember[]): Promise<GroupSession[]> {
    const sessions = await Promise.all(members.map((who) => this.open(who)));
    const [chair, ...others] = sessions;
    expect(await chair!.startMeeting('basic')).toEqual({ ok: true });
    for (const session of others) await this.until(session, (s) => s.meeting !== null);
    const pitcher = others[0] ?? chair!;
    expect(pitcher.run((ctx) => addPitch(ctx, CASE, 'case'))).toEqual({ ok: true });
    for (const session of sessions) {
      await this.until(
        session,
        (s) => s.board?.pitches.length === 1 && s.members.length === members.length,
      );
    }
    return sessions;
  }

  dispose(): void {
    for (const session of this.sessions) session.dispose();
  }
}

const pitches = (snapshot: GroupSnapshot) => snapshot.board?.pitches.map((p) => p.text) ?? [];
const shared = (snapshot: GroupSnapshot) => snapshot.board?.sharedLookBack.map((l) => l.text) ?? [];

/** True for a snapshot in which the panel would offer to start a meeting as if none ran. */
const offersStart = (snapshot: GroupSnapshot) =>
  snapshot.meetingId === null && snapshot.lobby !== 'looking';

/** Waits (real time: WebCrypto and the store) until `holds`, or fails. */
async function waitFor(holds: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !holds(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(holds()).toBe(true);
}

let group: Group;
afterEach(() => group.dispose());

describe('a member who reloads', () => {
  it('comes back into the running meeting with its content while the others cannot be reached', async () => {
    group = new Group();
    const [chair, other] = await group.meeting(anna, bram);
    const meetingId = chair!.snapshot().meetingId;
    await group.saveAll(chair!, other!);

    // The signaling server goes down and Bram reloads: nobody can reach him.
    group.rooms.goOffline('Bram');
    const reloaded = await group.reload(other!, bram);
    const seen: GroupSnapshot[] = [reloaded.snapshot()];
    reloaded.subscribe(() => seen.push(reloaded.snapshot()));
    expect(reloaded.snapshot()).toMatchObject({ meetingId, lobby: 'looking', role: 'member' });
    expect(pitches(reloaded.snapshot())).toEqual([CASE]);

    // Minutes without the server: still looking, never offered to start.
    group.clock.advance(ALONE_AFTER_MS * 10);
    expect(reloaded.snapshot().lobby).toBe('looking');

    // The server is back: he hears the group again and they write on together.
    group.rooms.reconnect('Bram');
    group.rooms.flush();
    expect(chair!.nextPhase()).toEqual({ ok: true });
    await group.until(reloaded, (s) => s.meeting?.phase.id === 'analysis');
    expect(reloaded.snapshot()).toMatchObject({ meetingId, lobby: 'heard' });
    expect(seen.some(offersStart)).toBe(false);
  });

  it('never offers a start while looking, and says it is alone only once the server is reachable for a while', async () => {
    group = new Group();
    group.rooms.goOffline('Anna');
    const session = await group.open(anna);
    expect(session.snapshot()).toMatchObject({ meetingId: null, lobby: 'looking' });
    group.clock.advance(ALONE_AFTER_MS * 3);
    expect(session.snapshot().lobby).toBe('looking');

    group.rooms.reconnect('Anna');
    await group.until(session, (s) => s.connection.kind === 'connected');
    group.clock.advance(ALONE_AFTER_MS - 100);
    expect(session.snapshot().lobby).toBe('looking');
    group.clock.advance(200);
    expect(session.snapshot().lobby).toBe('alone');

    // Someone appears: the group is heard.
    await group.open(bram);
    await group.until(session, (s) => s.lobby === 'heard');
  });

  it('keeps looking while the server tells of others whose presence has not come, for a while', async () => {
    // No WebRTC path to the others (a firewalled TURN server): the server passes on their
    // announcements, and their presence comes only once the relay starts, seconds later.
    group = new Group();
    group.rooms.reportPeersThere('Bram', 1);
    const session = await group.open(bram);
    await group.until(session, (s) => s.connection.kind === 'connected');
    group.clock.advance(ALONE_AFTER_MS + 100);
    expect(session.snapshot().lobby).toBe('looking');
    group.clock.advance(ALONE_DESPITE_PEERS_MS - ALONE_AFTER_MS - 200);
    expect(session.snapshot().lobby).toBe('looking');
    // Someone who announces and never shows a presence keeps nobody looking for ever.
    group.clock.advance(200);
    expect(session.snapshot().lobby).toBe('alone');
  });

  it('stays alone once it said so when a newcomer announces itself', async () => {
    group = new Group();
    group.rooms.reportPeersThere('Anna', 0);
    const session = await group.open(anna);
    await group.until(session, (s) => s.connection.kind === 'connected');
    group.clock.advance(ALONE_AFTER_MS + 100);
    expect(session.snapshot().lobby).toBe('alone');
    // Bram's announcement comes before his presence: the start and invite stay where they are.
    group.rooms.reportPeersThere('Anna', 1);
    group.clock.advance(ALONE_AFTER_MS);
    expect(session.snapshot().lobby).toBe('alone');
    await group.open(bram);
    await group.until(session, (s) => s.lobby === 'heard');
  });

  /** Anna is in the lobby; Bram opens it, sees her presence, and his room has no answer yet. */
  async function bramSeesAnnasPresenceOnly(): Promise<GroupSession> {
    group = new Group();
    await group.open(anna);
    group.rooms.reportSync('Bram', false);
    const session = await group.open(bram);
    await group.until(session, (s) => s.members.length === 2, "Anna's presence");
    return session;
  }

  it("takes another member's presence in the lobby for the group only once their state is in", async () => {
    // No meeting, nothing new in the lobby for Bram: only the presences and the answer to his
    // sync request tell him the group is there and holds nothing he lacks.
    const session = await bramSeesAnnasPresenceOnly();
    // A presence alone comes a round trip before the state: no start offered yet.
    expect(session.snapshot().lobby).toBe('looking');
    group.rooms.reportSync('Bram', true);
    await group.until(session, (s) => s.lobby === 'heard', 'the answer to the sync request');
  });

  it('takes a presence for the group after a while when no answer can say so', async () => {
    // A peer that shows its presence and never answers our sync request.
    const session = await bramSeesAnnasPresenceOnly();
    group.clock.advance(PRESENCE_SETTLE_MS - 100);
    expect(session.snapshot().lobby).toBe('looking');
    // Never 'alone' meanwhile: someone is there.
    group.clock.advance(ALONE_AFTER_MS);
    await group.until(session, (s) => s.lobby === 'heard', 'the settled presence');
  });

  it('restores the meeting after a crash from what was saved before it', async () => {
    group = new Group();
    const [chair, other] = await group.meeting(anna, bram);
    await group.saveAll(chair!, other!);
    group.crash(other!, bram);
    group.rooms.goOffline('Bram');

    const back = await group.open(bram);
    expect(back.snapshot().meetingId).toBe(chair!.snapshot().meetingId);
    expect(pitches(back.snapshot())).toEqual([CASE]);
  });

  it('keeps a meeting it just joined within a moment, with no save on the way out', async () => {
    group = new Group();
    const [chair] = await group.meeting(anna, bram);
    const meetingId = chair!.snapshot().meetingId;
    // Carla joins late: the whole meeting arrives at once. Her panel reloads a moment later and
    // its save on the way out never finishes (a crash stands for it).
    const late = await group.open(carla);
    await group.until(late, (s) => pitches(s).length === 1);
    expect(group.device(carla).saves).toBe(0);
    group.clock.advance(CACHE_SETTLE_MS);
    await waitFor(() => group.device(carla).saves === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    group.crash(late, carla);
    group.rooms.goOffline('Carla');

    const back = await group.open(carla);
    expect(back.snapshot().meetingId).toBe(meetingId);
    expect(pitches(back.snapshot())).toEqual([CASE]);
  });

  it('keeps a meeting that starts just after a save within a moment, not a whole delay later', async () => {
    group = new Group();
    const chair = await group.open(anna);
    const other = await group.open(bram);
    await group.until(other, (s) => s.lobby === 'heard');
    // Bram's panel saves what it heard of the lobby; the meeting starts right after.
    group.clock.advance(CACHE_SETTLE_MS);
    await waitFor(() => group.device(bram).saves > 0);
    const before = group.device(bram).saves;

    expect(await chair.startMeeting('basic')).toEqual({ ok: true });
    await group.until(other, (s) => s.meeting !== null);
    expect(other.run((ctx) => addPitch(ctx, CASE, 'case'))).toEqual({ ok: true });
    group.clock.advance(CACHE_SETTLE_MS);
    await waitFor(() => group.device(bram).saves === before + 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    group.crash(other, bram);
    group.rooms.goOffline('Bram');

    const back = await group.open(bram);
    expect(back.snapshot().meetingId).toBe(chair.snapshot().meetingId);
    expect(pitches(back.snapshot())).toEqual([CASE]);
  });

  it("keeps this member's own write within a moment, even right after a save", async () => {
    group = new Group();
    const [chair, other] = await group.meeting(anna, bram);
    chair!.nextPhase();
    chair!.previousPhase();
    group.rooms.flush();
    await other!.saveNow();
    const before = group.device(bram).saves;

    expect(other!.run((ctx) => addPitch(ctx, 'Wat doe ik met een boze ouder?', 'theme'))).toEqual({
      ok: true,
    });
    group.clock.advance(CACHE_SETTLE_MS);
    await waitFor(() => group.device(bram).saves === before + 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    group.crash(other!, bram);
    group.rooms.goOffline('Bram');

    const back = await group.open(bram);
    expect(pitches(back.snapshot())).toContain('Wat doe ik met een boze ouder?');
  });

  it('saves a little after a change, once for many changes', async () => {
    group = new Group();
    const [chair, other] = await group.meeting(anna, bram);
    await group.saveAll(chair!, other!);
    const before = group.device(bram).saves;
    for (const text of ['Wat gebeurde er?', 'Hoe voelde dat?', 'Wat wil je bereiken?']) {
      chair!.nextPhase();
      chair!.previousPhase();
      other!.run((ctx) => addPitch(ctx, text, 'theme'));
    }
    group.rooms.flush();
    expect(group.device(bram).saves).toBe(before);
    group.clock.advance(CACHE_SAVE_DELAY_MS);
    await other!.saveNow();
    expect(group.device(bram).saves).toBe(before + 1);
  });

  it('does not restore a meeting from a cache not saved for half a day', async () => {
    group = new Group();
    const [chair, other] = await group.meeting(anna, bram);
    await group.saveAll(chair!, other!);
    group.crash(other!, bram);
    chair!.dispose();
    group.rooms.goOffline('Bram');
    group.clock.advance(KEPT_MEETING_MAX_AGE_MS + 1000);
    const back = await group.open(bram);
    expect(back.snapshot()).toMatchObject({ meetingId: null, lobby: 'looking' });
  });
});

describe('everyone reloads at once', () => {
  it('restores the meeting on every panel from their own copies, and a newcomer gets it too', async () => {
    group = new Group();
    const sessions = await group.meeting(anna, bram, carla);
    const meetingId = sessions[0]!.snapshot().meetingId;
    expect(sessions[0]!.nextPhase()).toEqual({ ok: true });
    await group.until(sessions[2]!, (s) => s.meeting?.phase.id === 'analysis');
    expect(sessions[2]!.run((ctx) => addQuestion(ctx, 'Wat gebeurde er precies?'))).toEqual({
      ok: true,
    });
    group.rooms.flush();
    await group.saveAll(...sessions);

    // Every panel goes at the same moment: no room holds anything any more.
    for (const session of sessions) session.dispose();
    const back = await Promise.all([anna, bram, carla].map((who) => group.open(who)));
    for (const session of back) {
      const seen = await group.until(session, (s) => s.lobby === 'heard' && s.meeting !== null);
      expect(seen.meetingId).toBe(meetingId);
      expect(seen.meeting!.phase.id).toBe('analysis');
      expect(pitches(seen)).toEqual([CASE]);
      expect(seen.board!.questions.map((q) => q.text)).toEqual(['Wat gebeurde er precies?']);
    }

    // Dirk opens the group for the first time, with nothing on his device.
    const newcomer = await group.open(dirk, { cache: false });
    const seen = await group.until(newcomer, (s) => s.meeting !== null, 'the meeting for Dirk');
    expect(seen.meetingId).toBe(meetingId);
    expect(pitches(seen)).toEqual([CASE]);
  });
});

describe('the end of a meeting', () => {
  it('wipes the meeting from every cache, so that a reload shows no meeting running', async () => {
    group = new Group();
    const [chair, other] = await group.meeting(anna, bram);
    await group.saveAll(chair!, other!);
    expect(chair!.endMeeting()).toEqual({ ok: true });
    await group.until(other!, (s) => s.ended !== null);
    await Promise.all([chair!.saveNow(), other!.saveNow()]);

    for (const who of [anna, bram]) {
      const kept = await createMeetingCache(group.device(who).store, SECRET).load();
      expect(kept?.meetings).toEqual([]);
      expect(kept?.lobby).not.toBeNull();
    }
    chair!.dispose();
    other!.dispose();
    const back = await group.open(bram);
    group.clock.advance(ALONE_AFTER_MS + 100);
    expect(back.snapshot()).toMatchObject({ meetingId: null, lobby: 'alone' });
  });

  it('does not bring an ended meeting back when a member who missed the end reloads', async () => {
    group = new Group();
    const [chair, second, third] = await group.meeting(anna, bram, carla);
    await group.saveAll(chair!, second!, third!);
    // Carla's laptop dies; the meeting ends without her.
    group.crash(third!, carla);
    expect(chair!.endMeeting()).toEqual({ ok: true });
    await group.until(second!, (s) => s.ended !== null);

    const back = await group.open(carla);
    const seen = await group.until(back, (s) => s.lobby === 'heard', 'the group for Carla');
    expect(seen).toMatchObject({ meetingId: null, groupMeetingId: null, otherMeetings: [] });
    expect(chair!.snapshot().groupMeetingId).toBeNull();
    expect(second!.snapshot().groupMeetingId).toBeNull();
    await back.saveNow();
    const kept = await createMeetingCache(group.device(carla).store, SECRET).load();
    expect(kept?.meetings).toEqual([]);
  });
});

describe('meetings started at the same time', () => {
  it('resolves two starters in a partition the same way on every panel, and keeps both meetings reachable', async () => {
    group = new Group();
    const [a, b, c] = await Promise.all([anna, bram, carla].map((who) => group.open(who)));
    group.rooms.flush();
    // Carla is cut off; each side starts a meeting and works in it.
    group.rooms.goOffline('Carla');
    expect(await a!.startMeeting('basic')).toEqual({ ok: true });
    group.clock.advance(1000);
    expect(await c!.startMeeting('basic')).toEqual({ ok: true });
    await group.until(b!, (s) => s.meeting !== null);
    expect(b!.run((ctx) => addPitch(ctx, 'Anna-kant', 'case'))).toEqual({ ok: true });
    // The chair takes no part in the content, but may share how it went since last time.
    expect(c!.run((ctx) => shareLookBack(ctx, 'Carla-kant'))).toEqual({ ok: true });
    const first = a!.snapshot().meetingId!;
    const second = c!.snapshot().meetingId!;
    expect(c!.snapshot().otherMeetings).toEqual([]);

    // The partition heals: everyone is in the meeting started first, and sees the other.
    group.rooms.reconnect('Carla');
    for (const session of [a!, b!, c!]) {
      const seen = await group.until(
        session,
        (s) => s.meetingId === first && s.otherMeetings.length === 1,
      );
      expect(seen.groupMeetingId).toBe(first);
      expect(seen.otherMeetings).toEqual([
        {
          meetingId: second,
          startedAt: expect.any(Number),
          chairName: 'Carla',
          chairId: c!.snapshot().selfId,
        },
      ]);
      expect(pitches(seen)).toEqual(['Anna-kant']);
    }

    // Nothing of Carla's meeting is lost: Bram opens it and finds her case; and back.
    await b!.openMeeting(second);
    const other = await group.until(b!, (s) => shared(s).includes('Carla-kant'));
    expect(other.meetingId).toBe(second);
    expect(other.groupMeetingId).toBe(first);
    expect(other.meeting!.chairName).toBe('Carla');
    await b!.openMeeting(first);
    await group.until(b!, (s) => s.meetingId === first && pitches(s).includes('Anna-kant'));
    // Carla, the other meeting's chair, ends it; it is no longer listed anywhere.
    await c!.openMeeting(second);
    await group.until(c!, (s) => s.meetingId === second && s.role === 'chair');
    expect(c!.endMeeting()).toEqual({ ok: true });
    for (const session of [a!, b!]) {
      await group.until(session, (s) => s.otherMeetings.length === 0 && s.meetingId === first);
    }
  });

  it('keeps the running meeting when a member who reloaded during an outage starts one anyway', async () => {
    group = new Group();
    const [chair, other, third] = await group.meeting(anna, bram, carla);
    const running = chair!.snapshot().meetingId!;
    await group.saveAll(chair!, other!, third!);
    // Dirk is new on this device (nothing cached) and cannot reach anyone: he starts anyway.
    group.rooms.goOffline('Dirk');
    const lone = await group.open(dirk);
    expect(lone.snapshot().lobby).toBe('looking');
    group.clock.advance(60_000);
    expect(await lone.startMeeting('basic')).toEqual({ ok: true });
    const his = lone.snapshot().meetingId!;
    expect(lone.run((ctx) => shareLookBack(ctx, 'Dirk-kant'))).toEqual({ ok: true });

    // The server comes back: the group stays in its meeting; Dirk joins it; his stays listed.
    group.rooms.reconnect('Dirk');
    const seen = await group.until(lone, (s) => s.meetingId === running, 'Dirk in the meeting');
    expect(pitches(seen)).toEqual([CASE]);
    for (const session of [chair!, other!, third!]) {
      const theirs = await group.until(session, (s) => s.otherMeetings.length === 1);
      expect(theirs.meetingId).toBe(running);
      expect(theirs.meeting!.chairName).toBe('Anna');
      expect(pitches(theirs)).toEqual([CASE]);
      expect(theirs.otherMeetings[0]).toMatchObject({ meetingId: his, chairName: 'Dirk' });
    }
    // His own meeting is kept on his device until it ends.
    await lone.saveNow();
    const kept = await createMeetingCache(group.device(dirk).store, SECRET).load();
    expect(kept?.meetings.map((m) => m.meetingId).sort()).toEqual([running, his].sort());
  });
});

describe('disposing with a cache', () => {
  it('saves what is unsaved and stops every timer', async () => {
    group = new Group();
    const [chair, other] = await group.meeting(anna, bram);
    other!.run((ctx) => addPitch(ctx, 'Nog een', 'theme'));
    group.rooms.flush();
    chair!.dispose();
    other!.dispose();
    expect(group.clock.pending).toBe(0);
    await other!.saveNow();
    const kept = await createMeetingCache(group.device(anna).store, SECRET).load();
    expect(kept?.meetings).toHaveLength(1);
  });
});
