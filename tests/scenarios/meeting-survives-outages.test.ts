import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../lib/invite/invite';
import { ALONE_AFTER_MS, CACHE_SAVE_DELAY_MS } from '../../lib/connection/group-session';
import type { GroupSnapshot } from '../../lib/connection/group-session';
import { NodeGroup } from '../helpers/node-group';
import type { NodeMember } from '../helpers/node-member';

/**
 * Issue 10, points 2 and 5: no meeting is lost to a reload, a crash or an outage, over real
 * WebRTC with the real companion server. Every member is a Node process with its own device
 * storage (a file), so that a restart of the process is a reload of the panel.
 */

const pitches = (s: GroupSnapshot) => (s.board?.pitches.map((p) => p.text) ?? []).sort();
const hasPitches =
  (...texts: string[]) =>
  (s: GroupSnapshot) =>
    texts.every((text) => pitches(s).includes(text));
/** The panel would offer to start a meeting as if none ran. */
const offersStart = (s: GroupSnapshot) => s.meetingId === null && s.lobby !== 'looking';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a meeting survives outages, reloads and partitions (Node members)', () => {
  let dir: string;
  let group: NodeGroup;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kring-devices-'));
  });
  afterEach(async () => {
    await group?.close();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the members, each with its own device storage. */
  async function members(secret: Uint8Array, names: string[], signalingUrl?: string) {
    return Promise.all(
      names.map((name) =>
        group.joinWith({
          secret,
          memberId: `${name.toLowerCase()}-000001`.slice(0, 11),
          memberName: name,
          cacheFile: join(dir, `${name}-${Math.random().toString(36).slice(2)}.json`),
          ...(signalingUrl ? { signalingUrl } : {}),
        }),
      ),
    );
  }

  /** The chair starts a meeting and every member is in it. */
  async function startMeeting(chair: NodeMember, others: NodeMember[]): Promise<string> {
    expect(await chair.command({ type: 'start', methodId: 'basic' })).toEqual({ ok: true });
    const meetingId = chair.snapshot()!.meetingId!;
    for (const other of others) await other.until((s) => s.meetingId === meetingId && !!s.meeting);
    return meetingId;
  }

  it('goes on when the server is killed mid-meeting; a member who reloads meanwhile comes back into it, never offered a start', async () => {
    group = await NodeGroup.start();
    const { secret } = createInvite();
    const [anna, bram, carla] = await members(secret, ['Anna', 'Bram', 'Carla']);
    await anna!.until((s) => s.members.length === 3);
    const meetingId = await startMeeting(anna!, [bram!, carla!]);
    expect(await bram!.command({ type: 'pitch', text: 'Voor de storing' })).toEqual({ ok: true });
    await carla!.until(hasPitches('Voor de storing'));

    // The server dies. The members' WebRTC connections stay: the meeting goes on.
    await group.stopServer();
    expect(await carla!.command({ type: 'pitch', text: 'Tijdens de storing' })).toEqual({
      ok: true,
    });
    await anna!.until(hasPitches('Tijdens de storing'), 30_000);
    await bram!.until(hasPitches('Tijdens de storing'), 30_000);

    // Bram reloads while the server is down: nobody can reach him, yet he is in the meeting.
    const back = await group.restart(bram!);
    await back.until((s) => s.meetingId === meetingId && hasPitches('Voor de storing')(s));
    expect(back.snapshot()).toMatchObject({ lobby: 'looking', role: 'member' });
    expect(await back.command({ type: 'pitch', text: 'Bram alleen' })).toEqual({ ok: true });
    expect(await carla!.command({ type: 'pitch', text: 'Carla zonder Bram' })).toEqual({
      ok: true,
    });
    await sleep(ALONE_AFTER_MS + 1000);
    expect(back.snapshot()).toMatchObject({ meetingId, lobby: 'looking' });

    // The server is back: everyone converges, and the meeting moves on for all.
    await group.restartServer();
    const all = ['Voor de storing', 'Tijdens de storing', 'Bram alleen', 'Carla zonder Bram'];
    for (const member of [anna!, back, carla!]) await member.until(hasPitches(...all), 30_000);
    await back.until((s) => s.lobby === 'heard');
    expect(await anna!.command({ type: 'next' })).toEqual({ ok: true });
    for (const member of [back, carla!]) {
      await member.until((s) => s.meeting?.phase.id === 'analysis');
    }
    expect(back.seen.some(offersStart)).toBe(false);
    expect(back.seen.every((s) => s.meetingId === null || s.meetingId === meetingId)).toBe(true);
  }, 120_000);

  it('is restored when every member restarts at once, one of them by a crash', async () => {
    group = await NodeGroup.start();
    const { secret } = createInvite();
    const [anna, bram, carla] = await members(secret, ['Anna', 'Bram', 'Carla']);
    await anna!.until((s) => s.members.length === 3);
    const meetingId = await startMeeting(anna!, [bram!, carla!]);
    expect(await bram!.command({ type: 'pitch', text: 'Een ouder die steeds boos belt' })).toEqual({
      ok: true,
    });
    await anna!.until(hasPitches('Een ouder die steeds boos belt'));
    expect(await anna!.command({ type: 'confirm-first-pitch' })).toEqual({ ok: true });
    expect(await anna!.command({ type: 'next' })).toEqual({ ok: true });
    await carla!.until((s) => s.meeting?.phase.id === 'analysis');
    // Carla's browser will crash: only what her panel saved by itself is on her device.
    await sleep(CACHE_SAVE_DELAY_MS + 1000);

    const back = await Promise.all([
      group.restart(anna!),
      group.restart(bram!),
      group.restart(carla!, { crash: true }),
    ]);
    for (const member of back) {
      await member.until(
        (s) => s.meetingId === meetingId && s.members.length === 3 && s.lobby === 'heard',
        30_000,
      );
      const seen = member.snapshot()!;
      expect(seen.meeting).toMatchObject({ chairName: 'Anna', caseBringerName: 'Bram' });
      expect(seen.meeting!.phase.id).toBe('analysis');
      expect(pitches(seen)).toEqual(['Een ouder die steeds boos belt']);
      expect(member.seen.some(offersStart)).toBe(false);
    }
    expect(await back[0]!.command({ type: 'next' })).toEqual({ ok: true });
    await back[2]!.until((s) => s.meeting?.phase.id === 'awareness');

    // A member new to this device gets the restored meeting from the others.
    const [dirk] = await members(secret, ['Dirk']);
    await dirk!.until((s) => s.meetingId === meetingId && s.meeting?.phase.id === 'awareness');
  }, 120_000);

  it('converges when a partition heals: both halves wrote while apart', async () => {
    group = await NodeGroup.start();
    const { secret } = createInvite();
    const elsewhere = await group.otherServer();
    const [anna, bram, carla, dirk] = await members(secret, ['Anna', 'Bram', 'Carla', 'Dirk']);
    await anna!.until((s) => s.members.length === 4);
    const meetingId = await startMeeting(anna!, [bram!, carla!, dirk!]);
    expect(await bram!.command({ type: 'pitch', text: 'Samen' })).toEqual({ ok: true });
    for (const member of [carla!, dirk!]) await member.until(hasPitches('Samen'));

    // The group splits: Carla and Dirk can only reach each other (through another server).
    const [carla2, dirk2] = await Promise.all([
      group.restart(carla!, { signalingUrl: elsewhere }),
      group.restart(dirk!, { signalingUrl: elsewhere }),
    ]);
    await carla2.until((s) => s.meetingId === meetingId && s.members.length === 2);
    await dirk2.until((s) => s.members.length === 2);
    expect(await bram!.command({ type: 'pitch', text: 'Bram apart' })).toEqual({ ok: true });
    expect(await dirk2.command({ type: 'pitch', text: 'Dirk apart' })).toEqual({ ok: true });
    await anna!.until(hasPitches('Bram apart'));
    await carla2.until(hasPitches('Dirk apart'));
    expect(pitches(anna!.snapshot()!)).not.toContain('Dirk apart');
    expect(pitches(carla2.snapshot()!)).not.toContain('Bram apart');

    // The partition heals.
    const [carla3, dirk3] = await Promise.all([
      group.restart(carla2, { signalingUrl: group.url }),
      group.restart(dirk2, { signalingUrl: group.url }),
    ]);
    for (const member of [anna!, bram!, carla3, dirk3]) {
      await member.until(
        (s) => s.members.length === 4 && hasPitches('Samen', 'Bram apart', 'Dirk apart')(s),
        30_000,
      );
      const seen = member.snapshot()!;
      expect(seen.meetingId).toBe(meetingId);
      expect(seen.otherMeetings).toEqual([]);
    }
  }, 120_000);

  it('resolves two meetings started apart the same way everywhere, and keeps the other one open to all', async () => {
    group = await NodeGroup.start();
    const { secret } = createInvite();
    const elsewhere = await group.otherServer();
    const [anna, bram] = await members(secret, ['Anna', 'Bram']);
    const [carla, dirk] = await members(secret, ['Carla', 'Dirk'], elsewhere);
    await anna!.until((s) => s.members.length === 2 && s.lobby === 'heard');
    await carla!.until((s) => s.members.length === 2 && s.lobby === 'heard');
    const first = await startMeeting(anna!, [bram!]);
    expect(await bram!.command({ type: 'pitch', text: 'Bram in de eerste' })).toEqual({ ok: true });
    await sleep(50);
    const second = await startMeeting(carla!, [dirk!]);
    expect(await dirk!.command({ type: 'pitch', text: 'Dirk in de tweede' })).toEqual({ ok: true });
    await carla!.until(hasPitches('Dirk in de tweede'));
    await anna!.until(hasPitches('Bram in de eerste'));

    // Carla and Dirk find the others: everyone is in the meeting started first.
    const [carla2, dirk2] = await Promise.all([
      group.restart(carla!, { signalingUrl: group.url }),
      group.restart(dirk!, { signalingUrl: group.url }),
    ]);
    for (const member of [anna!, bram!, carla2, dirk2]) {
      await member.until(
        (s) =>
          s.meetingId === first &&
          s.otherMeetings.length === 1 &&
          hasPitches('Bram in de eerste')(s),
        30_000,
      );
      const seen = member.snapshot()!;
      expect(seen.groupMeetingId).toBe(first);
      expect(seen.otherMeetings[0]).toMatchObject({ meetingId: second, chairName: 'Carla' });
    }
    // Nothing of the second meeting is lost: Bram opens it and finds Dirk's case.
    expect(await bram!.command({ type: 'open-meeting', meetingId: second })).toEqual({ ok: true });
    await bram!.until((s) => s.meetingId === second && hasPitches('Dirk in de tweede')(s));
    const seen = bram!.snapshot()!;
    expect(seen.meeting!.chairName).toBe('Carla');
    expect(seen.groupMeetingId).toBe(first);
  }, 120_000);
});
