import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHAIR_GRACE_MS, type GroupSession } from '../../../lib/connection/group-session';
import type { GroupSnapshot } from '../../../lib/connection/group-session';
import type { RoomHandle } from '../../../lib/connection/room-connection';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { createMeetingCache } from '../../../lib/device/meeting-cache';
import { memoryStore } from '../../../lib/device/key-value-store';
import {
  addAdvice,
  addPitch,
  addQuestion,
  confirmCase,
  markAnswered,
} from '../../../lib/shared-doc/board-commands';
import { BOARD_ROOTS, MEETING_KEYS, meetingMap } from '../../../lib/shared-doc/doc-schema';
import { newSessionSigner } from '../../../lib/shared-doc/signed';
import { attacks, signedBy, targetsIn } from '../../helpers/attacks';
import type { DeviceSigner, SessionSigner } from '../../../lib/shared-doc/signed';
import { until } from '../helpers/until-snapshot';
import { SignedGroup, admittedRoom } from '../helpers/signed-group';

/**
 * Issue 13, point 4: every shared write is someone's. Honest panels (GroupSession with a device
 * key) on in-memory rooms, and a hostile member who was let in (admission) and writes raw Yjs into the
 * meeting's document: with a card of their own (a real device key) or none. Every attack of the
 * issue's list is tried, and every honest panel must show the same valid state afterwards.
 */

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 7);

interface Honest {
  readonly name: string;
  readonly device: DeviceSigner;
}

let anna: Honest;
let bram: Honest;
let carla: Honest;
let dirk: Honest;
let xander: { device: DeviceSigner; signer: SessionSigner };

beforeAll(async () => {
  const make = async (name: string): Promise<Honest> => ({ name, device: await memoryDeviceKey() });
  [anna, bram, carla, dirk] = (await Promise.all(['Anna', 'Bram', 'Carla', 'Dirk'].map(make))) as [
    Honest,
    Honest,
    Honest,
    Honest,
  ];
  const device = await memoryDeviceKey();
  xander = { device, signer: await newSessionSigner(device, 'Xander') };
});

/** A meeting: Anna chairs, Bram's case is confirmed, Carla asks; in the asking phase. */
async function meetingWithCase(group: SignedGroup): Promise<GroupSession[]> {
  const sessions = await Promise.all([anna, bram, carla].map((m) => group.open(m.name, m.device)));
  const [chair, bringer, asker] = sessions as [GroupSession, GroupSession, GroupSession];
  expect(await chair.startMeeting('basic')).toEqual({ ok: true });
  group.rooms.flush();
  await group.letIn(chair, [bringer, asker]);
  group.settle();
  // The basic method opens with the inventory of pitches.
  const pitched = bringer.run((ctx) => addPitch(ctx, 'Een ouder die steeds boos belt', 'case'));
  expect(pitched).toEqual({ ok: true });
  group.settle();
  const pitch = chair.snapshot().board!.pitches[0]!;
  expect(chair.run((ctx) => confirmCase(ctx, pitch.id))).toEqual({ ok: true });
  group.settle();
  const asking = chair.snapshot().meeting!.method.phases.findIndex((p) => p.activity === 'asking');
  expect(chair.goToPhase(asking)).toEqual({ ok: true });
  group.settle();
  expect(asker.run((ctx) => addQuestion(ctx, 'Wat deed je toen hij belde?')).ok).toBe(true);
  group.settle();
  return sessions;
}

/** What every honest panel must agree on, as plain values. */
function view(snapshot: GroupSnapshot): unknown {
  const m = snapshot.meeting!;
  return {
    phase: m.phase.id,
    chairId: m.chairId,
    chairName: m.chairName,
    bringer: m.caseBringerId,
    ended: m.ended,
    timer: snapshot.timer && { duration: snapshot.timer.durationMs, phase: snapshot.timer.phaseId },
    questions: snapshot.board!.questions.map((q) => [q.authorId, q.text, q.answered]),
    advice: snapshot.board!.advice.map((a) => [a.authorId, a.text]),
    members: snapshot.members.map((x) => [x.memberId, x.name, x.role]).sort(),
  };
}

/** The hostile member's own seat in the meeting's room (the chair let them in). */
async function intruder(group: SignedGroup, chair: GroupSession): Promise<RoomHandle> {
  // The invite alone opens no meeting (admission): Xander asks in the lobby and is let in.
  return admittedRoom({
    secret: SECRET,
    open: group.rooms.openerFor('Xander'),
    chair,
    signer: xander.signer,
    now: group.clock.now(),
    settle: () => group.settle(),
  });
}

/** Signs like a panel would, with the hostile member's own card (a valid device key). */
function signed(meetingId: string, root: string, key: string, value: unknown): unknown {
  return signedBy(xander.signer, meetingId, root, key, value);
}

let group: SignedGroup;
afterEach(() => group?.dispose());

describe('signed writes (issue 13, point 4)', () => {
  it('run a whole honest meeting: ids are the device keys, names bound to them', async () => {
    group = new SignedGroup(SECRET, 'B3');
    const [chair, bringer, asker] = await meetingWithCase(group);
    const snap = asker!.snapshot();
    expect(snap.selfId).toBe(carla.device.memberId);
    expect(snap.meeting!.chairId).toBe(anna.device.memberId);
    expect(snap.meeting!.caseBringerId).toBe(bram.device.memberId);
    expect(snap.board!.questions.map((q) => q.text)).toEqual(['Wat deed je toen hij belde?']);
    expect(bringer!.run((ctx) => markAnswered(ctx, snap.board!.questions[0]!.id, true)).ok).toBe(
      true,
    );
    group.settle();
    expect(chair!.snapshot().board!.questions[0]!.answered).toBe(true);
    expect(snap.members.map((m) => m.name).sort()).toEqual(['Anna', 'Bram', 'Carla']);
    expect(snap.unknownPeers).toBe(0);
    for (const s of [chair!, bringer!]) expect(view(s.snapshot())).toEqual(view(asker!.snapshot()));
    expect(chair!.endMeeting()).toEqual({ ok: true });
    group.settle();
    for (const s of [chair!, bringer!, asker!]) expect(s.snapshot().ended).not.toBeNull();
  });

  it('ignores every attack of a member who was let in, and every honest panel agrees', async () => {
    group = new SignedGroup(SECRET, 'B3');
    const sessions = await meetingWithCase(group);
    const [chair, bringer, asker] = sessions as [GroupSession, GroupSession, GroupSession];
    const before = view(chair.snapshot());
    const meetingId = chair.snapshot().meetingId!;
    const room = await intruder(group, chair);
    const doc = room.doc;
    const question = chair.snapshot().board!.questions[0]!;
    const targets = targetsIn(doc, meetingId)!;
    expect(targets).toMatchObject({ askerId: carla.device.memberId, questionId: question.id });
    const list = attacks(doc, room.awareness, xander.signer, targets);
    expect(list.length).toBeGreaterThanOrEqual(12);
    for (const [, attack] of list) {
      attack();
      group.settle();
    }
    group.clock.advance(CHAIR_GRACE_MS * 2);
    group.settle();

    const seen = sessions.map((s) => view(s.snapshot()));
    expect(seen[0]).toEqual(before);
    expect(seen[1]).toEqual(before);
    expect(seen[2]).toEqual(before);
    // The impostor of Anna is someone unknown; the chair sees who tried what.
    expect(asker.snapshot().unknownPeers).toBeGreaterThan(0);
    const rejected = chair.snapshot().rejected;
    expect(rejected.reduce((sum, r) => sum + r.count, 0)).toBeGreaterThanOrEqual(8);
    expect(bringer.snapshot().rejected).toEqual([]);
    // The honest meeting goes on: the chair moves on, the case bringer marks the question.
    expect(chair.nextPhase()).toEqual({ ok: true });
    expect(bringer.run((ctx) => markAnswered(ctx, question.id, true))).toEqual({ ok: true });
    group.settle();
    for (const s of sessions) expect(view(s.snapshot())).toEqual(view(chair.snapshot()));
    expect(asker.snapshot().board!.questions[0]!.answered).toBe(true);
  });

  it('brings a member who joins after the attacks to the same valid state', async () => {
    group = new SignedGroup(SECRET, 'B3');
    const sessions = await meetingWithCase(group);
    const [chair] = sessions as [GroupSession];
    const meetingId = chair.snapshot().meetingId!;
    const room = await intruder(group, chair);
    const progress = meetingMap(room.doc);
    room.doc.transact(() =>
      room.doc.getMap('roster').set(xander.signer.card.session, xander.signer.card),
    );
    const me = xander.signer.card.memberId;
    room.doc.transact(() => {
      progress.set(MEETING_KEYS.chairId, signed(meetingId, 'session', MEETING_KEYS.chairId, me));
      progress.set(
        MEETING_KEYS.chairName,
        signed(meetingId, 'session', MEETING_KEYS.chairName, 'Xander'),
      );
      progress.set(
        MEETING_KEYS.phaseIndex,
        signed(meetingId, 'session', MEETING_KEYS.phaseIndex, 5),
      );
      room.doc.getMap(BOARD_ROOTS.questions).delete(chair.snapshot().board!.questions[0]!.id);
    });
    group.settle();
    const late = await group.open(dirk.name, dirk.device);
    await group.letIn(chair, [late]);
    group.settle();
    group.settle();
    expect(view(late.snapshot())).toMatchObject({
      chairId: anna.device.memberId,
      phase: chair.snapshot().meeting!.phase.id,
    });
    // The deleted question is written back by its author's panel, so the late member has it too.
    expect(late.snapshot().board!.questions.map((q) => q.text)).toEqual([
      'Wat deed je toen hij belde?',
    ]);
  });

  it("refuses an old signed value written again (a replay of the chair's own write)", async () => {
    group = new SignedGroup(SECRET, 'B3');
    const sessions = await meetingWithCase(group);
    const [chair] = sessions as [GroupSession];
    const room = await intruder(group, chair);
    const progress = meetingMap(room.doc);
    const old = progress.get(MEETING_KEYS.phaseIndex);
    expect(chair.nextPhase()).toEqual({ ok: true });
    group.settle();
    const now = chair.snapshot().meeting!.phase.id;
    progress.set(MEETING_KEYS.phaseIndex, old);
    group.settle();
    for (const s of sessions) expect(s.snapshot().meeting!.phase.id).toBe(now);
    expect(chair.snapshot().rejected.length).toBeGreaterThan(0);
  });

  it('lets a member take the chair of a chair who left, and the chair take it back', async () => {
    group = new SignedGroup(SECRET, 'B3');
    const sessions = await meetingWithCase(group);
    const [chair, , asker] = sessions as [GroupSession, GroupSession, GroupSession];
    group.rooms.disconnect('Anna');
    group.settle();
    group.clock.advance(CHAIR_GRACE_MS + 100);
    group.settle();
    await until(asker, (s) => !s.chairPresent);
    expect(asker.takeChair()).toEqual({ ok: true });
    group.settle();
    expect(sessions[1]!.snapshot().meeting!.chairId).toBe(carla.device.memberId);
    group.rooms.reconnect('Anna');
    group.settle();
    group.settle();
    const back = await until(chair, (s) => s.mayTakeBack);
    expect(back.meeting!.chairId).toBe(carla.device.memberId);
    expect(chair.takeChairBack()).toEqual({ ok: true });
    group.settle();
    for (const s of sessions) expect(s.snapshot().meeting!.chairId).toBe(anna.device.memberId);
  });

  it('brings a member who joins after the chair was handed on into the phase the group is in', async () => {
    group = new SignedGroup(SECRET, 'B3');
    const sessions = await meetingWithCase(group);
    const [chair, , asker] = sessions as [GroupSession, GroupSession, GroupSession];
    const phase = chair.snapshot().meeting!.phase.id;
    expect(chair.handChair(asker.snapshot().selfId, 'Carla')).toEqual({ ok: true });
    group.settle();
    expect(asker.snapshot().role).toBe('chair');
    const late = await group.open(dirk.name, dirk.device);
    await group.letIn(asker, [late]);
    const seen = await until(late, (s) => s.meeting?.chairId === carla.device.memberId);
    expect(seen.meeting!.phase.id).toBe(phase);
    expect(seen.timer?.phaseId).toBe(phase);
    expect(seen.board!.questions.map((q) => q.text)).toEqual(['Wat deed je toen hij belde?']);
  });

  it('brings a member who reloads after the chair was handed on back to the group’s phase', async () => {
    group = new SignedGroup(SECRET, 'B3');
    const device = memoryStore();
    const cache = () => createMeetingCache(device, SECRET);
    const [chair, member, next] = [
      await group.open(anna.name, anna.device),
      await group.open(bram.name, bram.device, { meetingCache: cache() }),
      await group.open(carla.name, carla.device),
    ];
    expect(await chair.startMeeting('basic')).toEqual({ ok: true });
    await group.letIn(chair, [member, next]);
    expect(chair.nextPhase()).toEqual({ ok: true });
    group.settle();
    expect(chair.handChair(carla.device.memberId, 'Carla')).toEqual({ ok: true });
    group.settle();
    const phase = member.snapshot().meeting!.phase.id;
    // Bram's panel reloads from what his device kept.
    await member.saveNow();
    member.dispose();
    const reloaded = await group.open(bram.name, bram.device, { meetingCache: cache() });
    const seen = await until(reloaded, (s) => s.meeting?.chairId === carla.device.memberId);
    expect(seen.meeting!.phase.id).toBe(phase);
    expect(seen.timer?.phaseId).toBe(phase);
  });

  it("keeps a write whose writer's card arrives after it", async () => {
    group = new SignedGroup(SECRET, 'B3');
    const sessions = await meetingWithCase(group);
    const [chair] = sessions as [GroupSession];
    // Dirk's panel writes advice before anybody has his card: it is read once the card arrives.
    const late = await group.open(dirk.name, dirk.device);
    await group.letIn(chair, [late]);
    group.settle();
    const advising = chair
      .snapshot()
      .meeting!.method.phases.findIndex((p) => p.activity === 'advising');
    chair.goToPhase(advising);
    group.settle();
    expect(late.run((ctx) => addAdvice(ctx, 'Bel haar terug op een vast moment')).ok).toBe(true);
    group.settle();
    expect(chair.snapshot().board!.advice.map((a) => a.text)).toEqual([
      'Bel haar terug op een vast moment',
    ]);
  });
});
