import { afterEach, describe, expect, it } from 'vitest';
import type { GroupSession } from '../../../lib/connection/group-session';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { MEETING_KEYS, meetingMap } from '../../../lib/shared-doc/doc-schema';
import { recordNextMeeting } from '../../../lib/shared-doc/next-meeting';
import { put } from '../../../lib/shared-doc/signed';
import { until } from '../helpers/until-snapshot';
import { SignedGroup } from '../helpers/signed-group';

/**
 * Issue 14, point 7, with signatures on: "at the end the group records the next chair and the
 * next date". The end is a chair write: a member's panel that signs its own next chair into the
 * document is not read by anyone, and the summary keeps the chair's.
 */

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 29);

let group: SignedGroup;
afterEach(() => group?.dispose());

/** A day, 'YYYY-MM-DD', `days` after the fake clock's now. */
const dayAfter = (now: number, days: number) =>
  new Date(now + days * 86_400_000).toISOString().slice(0, 10);

async function meetingOfTwo() {
  group = new SignedGroup(SECRET, 'Reeks');
  const [chair, member] = await Promise.all([
    group.open('Anna', await memoryDeviceKey()),
    group.open('Carla', await memoryDeviceKey()),
  ]);
  group.settle();
  expect(await chair!.startMeeting('basic')).toEqual({ ok: true });
  group.rooms.flush();
  await group.letIn(chair!, [member!]);
  group.settle();
  return { chair: chair!, member: member! };
}

/** Carla's panel signs the key with her own card, as a hostile panel could. */
function forge(member: GroupSession, value: unknown): void {
  member.run((ctx) => {
    ctx.doc.transact(() => put(meetingMap(ctx.doc), MEETING_KEYS.nextMeeting, value));
    return { ok: true };
  });
}

describe('the next chair and date in a signed meeting (issue 14, point 7)', () => {
  it("keeps the chair's next chair and date in every member's summary, not a member's forged one", async () => {
    const { chair, member } = await meetingOfTwo();
    const date = dayAfter(group.clock.now(), 14);
    expect(
      chair.run((ctx) => recordNextMeeting(ctx, { nextChair: 'Carla', nextDate: date })),
    ).toEqual({
      ok: true,
    });
    group.settle();
    forge(member, { nextChair: 'Mallory', nextDate: null });
    group.settle();
    expect(chair.endMeeting()).toEqual({ ok: true });
    group.settle();
    for (const session of [chair, member]) {
      await until(session, (x) => x.ended !== null);
      const ended = session.snapshot().ended!;
      expect([ended.nextChair ?? null, ended.nextDate ?? null]).toEqual(['Carla', date]);
    }
  });

  it("ignores a member's next chair when the chair recorded none", async () => {
    const { chair, member } = await meetingOfTwo();
    forge(member, { nextChair: 'Carla', nextDate: dayAfter(group.clock.now(), 7) });
    group.settle();
    expect(
      member.run((ctx) => recordNextMeeting(ctx, { nextChair: 'Carla', nextDate: null })),
    ).toEqual({
      ok: false,
      reason: 'not-chair',
    });
    expect(chair.endMeeting()).toEqual({ ok: true });
    group.settle();
    for (const session of [chair, member]) {
      await until(session, (x) => x.ended !== null);
      const ended = session.snapshot().ended!;
      expect([ended.nextChair ?? null, ended.nextDate ?? null]).toEqual([null, null]);
    }
  });
});
