import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { GroupSession } from '../../../lib/connection/group-session';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { addPitch, addQuestion, confirmCase } from '../../../lib/shared-doc/board-commands';
import { BOARD_ROOTS } from '../../../lib/shared-doc/doc-schema';
import { ROSTER_ROOT, newSessionSigner } from '../../../lib/shared-doc/signed';
import type { DeviceSigner, SessionSigner } from '../../../lib/shared-doc/signed';
import { signedBy } from '../../helpers/attacks';
import { SignedGroup, admittedRoom } from '../helpers/signed-group';

/**
 * Issue 15, point 3: a snapshot shares every part that did not change with the one before, so a
 * panel renders only what changed; and that sharing never lets an unchecked value through.
 */

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 90);

let devices: Record<'anna' | 'bram' | 'carla' | 'dirk', DeviceSigner>;
let xander: SessionSigner;

beforeAll(async () => {
  const [anna, bram, carla, dirk] = await Promise.all(
    Array.from({ length: 4 }, () => memoryDeviceKey()),
  );
  devices = { anna: anna!, bram: bram!, carla: carla!, dirk: dirk! };
  xander = await newSessionSigner(await memoryDeviceKey(), 'Xander');
});

let group: SignedGroup;
afterEach(() => group?.dispose());

/** Anna chairs, Bram's case is confirmed; in the asking phase Carla has asked three questions. */
async function asking(): Promise<GroupSession[]> {
  group = new SignedGroup(SECRET);
  const sessions: GroupSession[] = [];
  for (const name of ['anna', 'bram', 'carla', 'dirk'] as const) {
    sessions.push(await group.open(name, devices[name]));
  }
  const [anna, bram, carla, dirk] = sessions as [
    GroupSession,
    GroupSession,
    GroupSession,
    GroupSession,
  ];
  expect((await anna.startMeeting('basic')).ok).toBe(true);
  group.settle();
  await group.letIn(anna, [bram, carla, dirk]);
  expect(bram.run((ctx) => addPitch(ctx, 'Een ouder die steeds boos belt', 'case')).ok).toBe(true);
  group.settle();
  const pitch = anna.snapshot().board!.pitches[0]!;
  expect(anna.run((ctx) => confirmCase(ctx, pitch.id)).ok).toBe(true);
  group.settle();
  const phases = anna.snapshot().meeting!.method.phases;
  expect(anna.goToPhase(phases.findIndex((p) => p.activity === 'asking')).ok).toBe(true);
  group.settle();
  for (const text of ['Wat deed je?', 'Wat dacht je toen?', 'Wat wilde je bereiken?']) {
    expect(carla.run((ctx) => addQuestion(ctx, text)).ok).toBe(true);
  }
  group.settle();
  return sessions;
}

describe('snapshots share what did not change (issue 15)', () => {
  it('keeps every question row the same object across a phase change', async () => {
    const [anna, , , dirk] = await asking();
    const before = dirk!.snapshot();
    expect(before.board!.questions).toHaveLength(3);
    expect(anna!.nextPhase().ok).toBe(true);
    group.settle();
    const after = dirk!.snapshot();
    expect(after).not.toBe(before);
    expect(after.meeting!.phaseIndex).toBe(before.meeting!.phaseIndex + 1);
    after.board!.questions.forEach((q, i) => expect(q).toBe(before.board!.questions[i]));
    expect(after.members).toBe(before.members);
  });

  it("keeps the earlier rows when another member's question arrives, and adds only the new one", async () => {
    const [, , carla, dirk] = await asking();
    const before = dirk!.snapshot().board!.questions;
    expect(carla!.run((ctx) => addQuestion(ctx, 'Wie was er nog bij?')).ok).toBe(true);
    group.settle();
    const after = dirk!.snapshot().board!.questions;
    expect(after).toHaveLength(4);
    before.forEach((q) => expect(after).toContain(q));
    expect(after.find((q) => !before.includes(q))?.text).toBe('Wie was er nog bij?');
  });

  it('does not call its listeners when a delivery changes nothing that is shown', async () => {
    const [, , , dirk] = await asking();
    let calls = 0;
    dirk!.subscribe(() => (calls += 1));
    const before = dirk!.snapshot();
    group.settle();
    group.clock.nextFrame();
    expect(dirk!.snapshot()).toBe(before);
    expect(calls).toBe(0);
  });

  it("refuses a member's signed overwrite of another's question: the row stays as it was", async () => {
    const [anna, , , dirk] = await asking();
    const room = await admittedRoom({
      secret: SECRET,
      open: group.rooms.openerFor('Xander'),
      chair: anna!,
      signer: xander,
      now: group.clock.now(),
      settle: () => group.settle(),
    });
    const meetingId = anna!.snapshot().meetingId!;
    const before = dirk!.snapshot().board!.questions;
    const target = before[0]!;
    // His card in the roster, as any panel has (a valid identity of his own).
    room.doc.getMap<unknown>(ROSTER_ROOT).set(xander.card.session, { ...xander.card });
    group.settle();
    const writers: unknown[] = [];
    const dirkDoc = (dirk as unknown as { meeting: { doc: Y.Doc } }).meeting.doc;
    dirkDoc.getMap<unknown>(BOARD_ROOTS.questions).observe((event) => {
      for (const key of event.keysChanged) {
        writers.push((event.target.get(key) as { w?: unknown } | undefined)?.w);
      }
    });
    const forged = { ...target, authorId: xander.card.memberId, text: 'Overschreven door Xander' };
    room.doc
      .getMap<unknown>(BOARD_ROOTS.questions)
      .set(target.id, signedBy(xander, meetingId, BOARD_ROOTS.questions, target.id, forged));
    group.settle();
    const after = dirk!.snapshot().board!.questions;
    expect(after.map((q) => q.text)).toEqual(before.map((q) => q.text));
    expect(after[0]).toBe(target);
    // The forged write did reach Dirk's document (and was not shown).
    expect(writers).toContain(xander.card.memberId);
  });
});
