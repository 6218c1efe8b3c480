import { afterEach, describe, expect, it } from 'vitest';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { MEETING_KEYS, meetingMap } from '../../../lib/shared-doc/doc-schema';
import { put } from '../../../lib/shared-doc/signed';
import { SignedGroup } from '../helpers/signed-group';

/**
 * Issue 14, point 8, with signatures on: "An external procesbegeleider: a role for a facilitator
 * who is not a member (guides, never brings a case, never gives advice, appears as such in the
 * record)." The choice is a key only the chair may write: every panel shows the chair as
 * procesbegeleider when the chair chose it, and none does when a member writes it.
 */

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 23);

let group: SignedGroup;
afterEach(() => group?.dispose());

describe('an external procesbegeleider in a signed meeting (issue 14, point 8)', () => {
  it("shows the chair's choice on a member's panel, and the chair does not join in", async () => {
    group = new SignedGroup(SECRET, 'Extern');
    const [chair, other] = await Promise.all([
      group.open('Eva', await memoryDeviceKey()),
      group.open('Bram', await memoryDeviceKey()),
    ]);
    group.settle();
    // Two present: a chair who is a member would join in; an external one never does.
    expect(await chair!.startMeeting('basic', null, true, true)).toEqual({ ok: true });
    group.rooms.flush();
    await group.letIn(chair!, [other!]);
    group.settle();
    const seen = other!.snapshot();
    expect(seen.meeting!.chairIsExternal).toBe(true);
    expect(seen.meeting!.chairJoinsIn).toBe(false);
    expect(seen.members.map((m) => [m.name, m.role, m.external === true])).toEqual([
      ['Eva', 'chair', true],
      ['Bram', 'member', false],
    ]);
  });

  it("ignores the key when a member signs it, even naming the chair's id", async () => {
    group = new SignedGroup(SECRET, 'Extern');
    const [chair, member] = await Promise.all([
      group.open('Anna', await memoryDeviceKey()),
      group.open('Carla', await memoryDeviceKey()),
    ]);
    group.settle();
    expect(await chair!.startMeeting('basic')).toEqual({ ok: true });
    group.rooms.flush();
    await group.letIn(chair!, [member!]);
    group.settle();
    const chairId = chair!.snapshot().meeting!.chairId!;
    // Carla's panel signs the key with her own card, as a hostile panel could.
    member!.run((ctx) => {
      ctx.doc.transact(() => put(meetingMap(ctx.doc), MEETING_KEYS.chairIsExternal, chairId));
      return { ok: true };
    });
    group.settle();
    expect(chair!.snapshot().meeting!.chairIsExternal).toBe(false);
    expect(member!.snapshot().meeting!.chairIsExternal).toBe(false);
  });
});
