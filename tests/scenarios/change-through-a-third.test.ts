import { afterEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../lib/invite/invite';
import type { GroupSnapshot } from '../../lib/connection/group-session';
import { NodeGroup } from '../helpers/node-group';

/**
 * A change reaches a member its writer has no connection to, through a member connected to both
 * (the y-webrtc patch's covered messages, issue 15): a change names the peers it goes to
 * directly, and a peer passes it on only to peers not named. Anna and Carla are on two servers
 * and never meet; Bram is on both. Nothing of theirs can go through a server either: a relay
 * needs both ends on one server. Real WebRTC, the real companion, the whole Kring stack.
 */
const pitches = (s: GroupSnapshot) => s.board?.pitches.map((p) => p.text) ?? [];

describe('a change through a third member (Node members)', () => {
  let group: NodeGroup;

  afterEach(async () => {
    await group?.close();
  });

  it('reaches the member its writer cannot reach, both ways', async () => {
    group = await NodeGroup.start();
    const elsewhere = await group.otherServer();
    const { secret } = createInvite();
    const join = (memberId: string, memberName: string, more: object) =>
      group.joinWith({ secret, memberId, memberName, ...more });
    const anna = await join('anna-000001', 'Anna', {});
    const bram = await join('bram-000001', 'Bram', { bridgeUrl: elsewhere });
    const carla = await join('carla-00001', 'Carla', { signalingUrl: elsewhere });
    // Everyone hears of everyone in the lobby, Anna and Carla only through Bram.
    for (const member of [anna, bram, carla]) await member.until((s) => s.members.length === 3);

    expect(await anna.command({ type: 'start', methodId: 'basic' })).toEqual({ ok: true });
    const meetingId = anna.snapshot()!.meetingId!;
    for (const member of [bram, carla]) {
      await member.until((s) => s.meetingId === meetingId && s.meeting !== null, 30_000);
    }
    expect(await carla.command({ type: 'pitch', text: 'Van Carla' })).toEqual({ ok: true });
    await anna.until((s) => pitches(s).includes('Van Carla'));
    // The chair's choice of case and her next phase, seen by the member she cannot reach.
    expect(await anna.command({ type: 'confirm-first-pitch' })).toEqual({ ok: true });
    await carla.until((s) => s.meeting?.caseBringerName === 'Carla');
    expect(await anna.command({ type: 'next' })).toEqual({ ok: true });
    const phase = anna.snapshot()!.meeting!.phase.id;
    await carla.until((s) => s.meeting?.phase.id === phase);
  }, 120_000);
});
