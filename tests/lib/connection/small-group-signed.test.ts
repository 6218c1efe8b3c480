import { afterEach, describe, expect, it } from 'vitest';
import type { GroupSnapshot } from '../../../lib/connection/group-session';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import {
  addAdvice,
  addPitch,
  addQuestion,
  confirmCase,
} from '../../../lib/shared-doc/board-commands';
import { MEETING_KEYS, meetingMap } from '../../../lib/shared-doc/doc-schema';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { put } from '../../../lib/shared-doc/signed';
import { SignedGroup } from '../helpers/signed-group';

/**
 * Issue 14, point 10, with signatures on: "With two people a method that needs questioners
 * stalls silently today (the only member becomes case bringer; nobody may ask)." The chair who
 * started the two of them joining in writes questions and advice that the case bringer's panel,
 * which checks every writer, keeps; the choice itself is a key only the chair may write.
 */

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 11);

let group: SignedGroup;
afterEach(() => group?.dispose());

/** Anna opens the group alone and starts a basic meeting, joining in as the start form decides. */
async function chairAlone() {
  group = new SignedGroup(SECRET, 'Klein');
  const chair = await group.open('Anna', await memoryDeviceKey());
  group.settle();
  expect(await chair.startMeeting('basic', null, true)).toEqual({ ok: true });
  group.rooms.flush();
  group.settle();
  return chair;
}

const phaseOf = (s: GroupSnapshot, activity: string) =>
  s.meeting!.method.phases.findIndex((p) => p.activity === activity);

describe('a chair joining in, in a signed meeting of two (issue 14, point 10)', () => {
  it("keeps the chair's question and advice on the case bringer's panel", async () => {
    group = new SignedGroup(SECRET, 'Klein');
    const [chair, bringer] = await Promise.all([
      group.open('Anna', await memoryDeviceKey()),
      group.open('Bram', await memoryDeviceKey()),
    ]);
    group.settle();
    expect(chair!.snapshot().members).toHaveLength(2);
    expect(await chair!.startMeeting('basic', null, true)).toEqual({ ok: true });
    group.rooms.flush();
    await group.letIn(chair!, [bringer!]);
    group.settle();
    expect(bringer!.snapshot().meeting!.chairJoinsIn).toBe(true);

    expect(bringer!.run((ctx) => addPitch(ctx, 'Een ouder die steeds boos belt', 'case'))).toEqual({
      ok: true,
    });
    group.settle();
    const pitch = chair!.snapshot().board!.pitches[0]!;
    expect(chair!.run((ctx) => confirmCase(ctx, pitch.id))).toEqual({ ok: true });
    group.settle();
    expect(chair!.goToPhase(phaseOf(chair!.snapshot(), 'asking'))).toEqual({ ok: true });
    group.settle();
    expect(chair!.run((ctx) => addQuestion(ctx, 'Wat deed je toen hij belde?'))).toEqual({
      ok: true,
    });
    group.settle();
    expect(chair!.goToPhase(phaseOf(chair!.snapshot(), 'advising'))).toEqual({ ok: true });
    group.settle();
    expect(chair!.run((ctx) => addAdvice(ctx, 'Bel hem terug op een vast moment.'))).toEqual({
      ok: true,
    });
    group.settle();

    const seen = bringer!.snapshot();
    expect(seen.board!.questions.map((q) => [q.authorName, q.text])).toEqual([
      ['Anna', 'Wat deed je toen hij belde?'],
    ]);
    expect(seen.board!.advice.map((a) => [a.authorName, a.text])).toEqual([
      ['Anna', 'Bel hem terug op een vast moment.'],
    ]);
    expect(seen.rejected).toEqual(chair!.snapshot().rejected);
  });

  it('ignores the choice when someone other than the chair writes it', async () => {
    group = new SignedGroup(SECRET, 'Klein');
    const [chair, member] = await Promise.all([
      group.open('Anna', await memoryDeviceKey()),
      group.open('Carla', await memoryDeviceKey()),
    ]);
    group.settle();
    expect(await chair!.startMeeting('basic')).toEqual({ ok: true });
    group.rooms.flush();
    await group.letIn(chair!, [member!]);
    group.settle();
    // Carla's panel signs the key with her own card, as a hostile panel could: a valid signature,
    // but not the chair's.
    member!.run((ctx) => {
      ctx.doc.transact(() => put(meetingMap(ctx.doc), MEETING_KEYS.chairJoinsIn, true));
      return { ok: true };
    });
    group.settle();
    expect(chair!.snapshot().meeting!.chairJoinsIn).toBe(false);
    expect(member!.snapshot().meeting!.chairJoinsIn).toBe(false);
  });
  it('has the chair who started alone step back once two members are let in', async () => {
    const chair = await chairAlone();
    expect(chair.snapshot().meeting!.chairJoinsIn).toBe(true);
    // (letIn lets in whoever asks: Carla opens the group only once Bram is in.)
    const bringer = await group.open('Bram', await memoryDeviceKey());
    await group.letIn(chair, [bringer]);
    await group.eventually(chair, (s) => s.members.length === 2);
    // Two of the three the basic model needs.
    expect(chair.snapshot().meeting!.chairJoinsIn).toBe(true);
    const member = await group.open('Carla', await memoryDeviceKey());
    await group.letIn(chair, [member]);
    for (const panel of [chair, bringer, member]) {
      await group.eventually(
        panel,
        (s) => s.members.length === 3 && s.meeting?.chairJoinsIn === false,
      );
    }
    // (Read through each panel's signature check: the chair's signed write of a chair key.)
  });

  it("shows the chair's own step back on the chair's panel at once, not after the next change", async () => {
    // The chair's panel writes the step back inside its own refresh (GroupSession.refresh):
    // the write's refresh runs nested in it, and the outer one must not publish its older
    // view over it. Nothing else happens here that would refresh the chair's panel again.
    const chair = await chairAlone();
    const bringer = await group.open('Bram', await memoryDeviceKey());
    await group.letIn(chair, [bringer]);
    const member = await group.open('Carla', await memoryDeviceKey());
    await group.letIn(chair, [member]);
    await group.eventually(chair, (s) => s.members.length === 3);
    group.settle();
    let inDocument: boolean | null = null;
    chair.run((ctx) => {
      inDocument = readMeeting(ctx.doc).chairJoinsIn;
      return { ok: true };
    });
    expect(inDocument).toBe(false);
    expect(chair.snapshot().meeting!.chairJoinsIn).toBe(false);
  });
});
