import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../lib/invite/invite';
import { NodeGroup } from '../helpers/node-group';

/**
 * Issue 15, late join, over real WebRTC through the real companion: a member just let in gets
 * the meeting's first state over the lobby's data channels (the y-webrtc patch's peer notes,
 * lib/connection/meeting-handoff.ts), from the chair who let them in, and what changes after it
 * for a while. Here the new member's meeting rooms reach no server at all, so the meeting can
 * reach them that way only.
 */
describe('a meeting over the lobby', () => {
  let group: NodeGroup;

  beforeAll(async () => {
    group = await NodeGroup.start();
  });

  afterAll(async () => {
    await group?.close();
  });

  it('reaches a member let in whose meeting room connects to nobody', async () => {
    const { secret } = createInvite();
    const chair = await group.joinWith({ secret, memberId: 'anna-000001', memberName: 'Anna' });
    const carla = await group.join(secret, 'carla-000003', 'Carla');
    await chair.until((s) => s.members.length === 2);
    expect(await chair.command({ type: 'start', methodId: 'basic' })).toEqual({ ok: true });
    await carla.until((s) => s.meeting?.phase.id === 'inventory');
    const CASE = 'Een ouder die elke week boos belt over het rooster';
    expect(await carla.command({ type: 'pitch', text: CASE })).toEqual({ ok: true });
    await chair.until((s) => s.board?.pitches.some((p) => p.text === CASE) ?? false);

    const bram = await group.joinWith({
      secret,
      memberId: 'bram-000002',
      memberName: 'Bram',
      meetingUnreachable: true,
    });
    // The chair lets in whoever asks; Bram's meeting room never connects, yet he sees it all.
    await bram.until(
      (s) =>
        s.meeting?.phase.id === 'inventory' &&
        (s.board?.pitches.some((p) => p.text === CASE) ?? false),
      30_000,
    );
    const seen = bram.snapshot()!;
    expect(seen.meetingId).toBe(chair.snapshot()!.meetingId);
    expect(seen.meeting?.chairId).toBe(chair.snapshot()!.selfId);
    // Nobody is connected to him in the meeting's room: it came over the lobby.
    expect(seen.members.filter((m) => !m.isSelf)).toEqual([]);

    // The chair moves on, and Carla asks, while his meeting room still reaches nobody: the
    // chair passes the changes on over the lobby (the handoff's bridge).
    expect(await chair.command({ type: 'next' })).toEqual({ ok: true });
    await carla.until((s) => s.meeting?.phase.id === 'analysis');
    const QUESTION = 'Wat doe je nu als die ouder belt?';
    expect(await carla.command({ type: 'question', text: QUESTION })).toEqual({ ok: true });
    await bram.until(
      (s) =>
        s.meeting?.phase.id === 'analysis' &&
        (s.board?.questions.some((q) => q.text === QUESTION) ?? false),
      10_000,
    );
    expect(bram.snapshot()!.members.filter((m) => !m.isSelf)).toEqual([]);
  }, 60_000);
});
