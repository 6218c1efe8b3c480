import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GroupSession } from '../../../lib/connection/group-session';
import type { MeetingCachePort, CachedGroupState } from '../../../lib/connection/group-session';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { deriveRoomKeys } from '../../../lib/invite/room-name';
import { createInvite, parseInvite } from '../../../lib/invite/invite';
import { addPitch } from '../../../lib/shared-doc/board-commands';
import { meetingMap } from '../../../lib/shared-doc/doc-schema';
import { NEW_INVITE_KEY } from '../../../lib/connection/new-invite';
import { put } from '../../../lib/shared-doc/signed';
import type { DeviceSigner } from '../../../lib/shared-doc/signed';
import { SignedGroup } from '../helpers/signed-group';

/**
 * Issue 13, point 2: "The chair can issue a new invite; present members move along without
 * retyping; anyone left out can no longer join the group's lobby."
 */

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 77);
let devices: DeviceSigner[];
beforeAll(async () => {
  devices = await Promise.all([1, 2, 3, 4].map(() => memoryDeviceKey()));
});

let group: SignedGroup;
afterEach(() => group?.dispose());

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
async function settleAsync(rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    group.settle();
    await tick();
  }
}

/** A cache per secret, in memory: what a panel's store would hold. */
function caches() {
  const stored = new Map<string, CachedGroupState>();
  const cleared: string[] = [];
  const cacheFor = (secret: Uint8Array): MeetingCachePort => {
    const id = Buffer.from(secret).toString('hex');
    return {
      load: () => Promise.resolve(stored.get(id) ?? null),
      save: (record) => {
        stored.set(id, record);
        return Promise.resolve();
      },
      clear: () => {
        stored.delete(id);
        cleared.push(id);
        return Promise.resolve();
      },
    };
  };
  return { stored, cleared, cacheFor };
}

describe('a new invite (issue 13, point 2)', () => {
  it('moves the members in the meeting along; the meeting goes on; who was left out hears nobody in the old lobby', async () => {
    group = new SignedGroup(SECRET);
    const anna = await group.open('Anna', devices[0]!);
    const bram = await group.open('Bram', devices[1]!);
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    await group.letIn(anna, [bram]);
    // Carla asks but is not let in before the new invite.
    const carla = await group.open('Carla', devices[2]!);
    for (let i = 0; i < 400 && anna.snapshot().knocks.length === 0; i++) await settleAsync(1);
    expect(anna.snapshot().knocks.map((k) => k.name)).toEqual(['Carla']);

    expect(bram.newInvite()).toEqual({ ok: false, reason: 'not-chair' });
    expect(anna.newInvite()).toEqual({ ok: true });
    for (let i = 0; i < 400 && bram.snapshot().newInvite === null; i++) await settleAsync(1);
    await settleAsync();
    const code = anna.snapshot().newInvite;
    expect(code).toMatch(/^KR1-/);
    expect(bram.snapshot().newInvite).toBe(code);
    expect(carla.snapshot().newInvite).toBeNull();

    // Anna's and Bram's lobby is the new secret's; the meeting room is the same.
    const parsed = parseInvite(code!);
    if (!parsed.ok) throw new Error('not an invite');
    const newLobby = (await deriveRoomKeys(parsed.invite.secret, { kind: 'lobby' })).roomName;
    const oldLobby = (await deriveRoomKeys(SECRET, { kind: 'lobby' })).roomName;
    for (const name of ['Anna', 'Bram']) {
      expect(group.rooms.openRooms(name)).toContain(newLobby);
      expect(group.rooms.openRooms(name)).not.toContain(oldLobby);
    }
    // The knock made in the old lobby is not carried along.
    expect(anna.snapshot().knocks).toEqual([]);
    // The meeting goes on for those who moved.
    expect(bram.run((ctx) => addPitch(ctx, 'Een casus na de nieuwe uitnodiging', 'case')).ok).toBe(
      true,
    );
    await settleAsync();
    expect(anna.snapshot().board!.pitches.map((p) => p.text)).toContain(
      'Een casus na de nieuwe uitnodiging',
    );
    expect(
      anna
        .snapshot()
        .members.map((m) => m.name)
        .sort(),
    ).toEqual(['Anna', 'Bram']);

    // Dirk opens the group with the old invite: only those left out are in its lobby.
    const dirk = await group.open('Dirk', devices[3]!);
    await settleAsync();
    expect(
      dirk
        .snapshot()
        .members.map((m) => m.name)
        .sort(),
    ).toEqual(['Carla', 'Dirk']);
    expect(
      carla
        .snapshot()
        .members.map((m) => m.name)
        .sort(),
    ).toEqual(['Carla', 'Dirk']);
    expect(dirk.snapshot().meeting).toBeNull();
  });

  it('moves the cache to the new secret, so that a reload rejoins with the new invite', async () => {
    group = new SignedGroup(SECRET);
    const { stored, cleared, cacheFor } = caches();
    const open = (name: string, device: DeviceSigner, secret: Uint8Array) =>
      GroupSession.open(
        { secret, memberId: 'ignored-0001', memberName: name, groupName: 'Testgroep' },
        {
          openRoom: group.rooms.openerFor(name),
          clock: group.clock,
          device,
          meetingCache: cacheFor(secret),
          cacheFor,
        },
      );
    const anna = await open('Anna', devices[0]!, SECRET);
    group.sessions.push(anna);
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    expect(anna.newInvite()).toEqual({ ok: true });
    // Moving to the new secret derives its keys (WebCrypto): waited for, not for a set while.
    for (let i = 0; i < 400 && anna.snapshot().newInvite === null; i++) await settleAsync(1);
    await settleAsync();
    await anna.saveNow();
    const parsed = parseInvite(anna.snapshot().newInvite!);
    if (!parsed.ok) throw new Error('not an invite');
    const newId = Buffer.from(parsed.invite.secret).toString('hex');
    expect(cleared).toContain(Buffer.from(SECRET).toString('hex'));
    expect(stored.get(newId)?.keys?.length).toBe(1);
    // Reopened with the new code (as the panel remembers it), the chair is back in her meeting.
    const meetingId = anna.snapshot().meetingId;
    anna.dispose();
    const again = await open('Anna', devices[0]!, parsed.invite.secret);
    group.sessions.push(again);
    for (let i = 0; i < 400 && again.snapshot().meetingId !== meetingId; i++) await settleAsync(1);
    expect(again.snapshot().meetingId).toBe(meetingId);
    expect(again.snapshot().role).toBe('chair');
  });

  it('ignores a new invite written by a member who is not the chair', async () => {
    group = new SignedGroup(SECRET);
    const anna = await group.open('Anna', devices[0]!);
    const bram = await group.open('Bram', devices[1]!);
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    await group.letIn(anna, [bram]);
    bram.run((ctx) => {
      ctx.doc.transact(() =>
        put(meetingMap(ctx.doc), NEW_INVITE_KEY, {
          // A valid code: refused for who wrote it, not for what it is.
          code: createInvite().code,
          at: 1,
        }),
      );
      return { ok: true };
    });
    await settleAsync();
    expect(anna.snapshot().newInvite).toBeNull();
    expect(bram.snapshot().newInvite).toBeNull();
  });
});
