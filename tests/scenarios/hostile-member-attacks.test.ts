import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../lib/invite/invite';
import type { GroupSnapshot } from '../../lib/connection/group-session';
import { hasQuestion, NodeGroup } from '../helpers/node-group';
import type { NodeMember } from '../helpers/node-member';
import { HostileMember } from '../helpers/hostile-member';

/** What every honest panel must agree on (members aside), as plain values. */
function agreed(snapshot: GroupSnapshot | null) {
  const meeting = snapshot?.meeting;
  return {
    phase: meeting?.phase.id,
    chairId: meeting?.chairId,
    chairName: meeting?.chairName,
    bringer: meeting?.caseBringerId,
    takenOver: meeting?.chairTakenOver,
    ended: meeting?.ended,
    timer: snapshot?.timer && {
      phaseId: snapshot.timer.phaseId,
      durationMs: snapshot.timer.durationMs,
      clockOf: snapshot.timer.clockOf,
    },
    questions: snapshot?.board?.questions.map((q) => [
      q.authorId,
      q.authorName,
      q.text,
      q.answered,
    ]),
  };
}

/**
 * Issue 13, point 4, over the real network: honest members as Node processes (real
 * GroupSession, real WebRTC, the real companion) and a hostile member who holds the invite,
 * joins the meeting's room and, with a valid device key of its own, makes every attack of the
 * issue's list as raw Yjs writes (tests/helpers/attacks.ts): forged and deleted questions, the
 * case bringer's marks, a case bringer without a pitch, phase jumps, a 238-minute timer, the
 * chair taken while present, a forged end, a presence in the chair's name.
 */
describe('a member who holds the invite attacks a running meeting', () => {
  let group: NodeGroup;
  let hostile: HostileMember | null = null;

  beforeAll(async () => {
    group = await NodeGroup.start();
  });

  afterAll(async () => {
    await hostile?.close();
    await group?.close();
  });

  it('changes nothing on any honest panel, one who joins afterwards included', async () => {
    const { secret } = createInvite();
    const [chair, bringer, asker] = await Promise.all([
      group.join(secret, 'anna-000001', 'Anna'),
      group.join(secret, 'bram-000002', 'Bram'),
      group.join(secret, 'carla-00003', 'Carla'),
    ]);
    const honest: NodeMember[] = [chair!, bringer!, asker!];
    await chair!.until((s) => s.members.length === 3);
    expect(await chair!.command({ type: 'start', methodId: 'basic' })).toEqual({ ok: true });
    await bringer!.until((s) => s.meeting?.phase.id === 'inventory');
    expect(
      await bringer!.command({ type: 'pitch', text: 'Een ouder die steeds boos belt' }),
    ).toEqual({ ok: true });
    await chair!.until((s) => s.board?.pitches.length === 1);
    expect(await chair!.command({ type: 'confirm-first-pitch' })).toEqual({ ok: true });
    expect(await chair!.command({ type: 'next' })).toEqual({ ok: true });
    await asker!.until((s) => s.meeting?.phase.id === 'analysis' && s.role === 'member');
    const question = 'Wat deed je toen hij voor de derde keer belde?';
    expect(await asker!.command({ type: 'question', text: question })).toEqual({ ok: true });
    await Promise.all(honest.map((m) => m.until(hasQuestion(question))));
    const before = agreed(chair!.snapshot());
    expect(before).toMatchObject({ phase: 'analysis', chairId: chair!.id, bringer: bringer!.id });

    hostile = await HostileMember.join(secret, group.url);
    await hostile.findMeeting();
    const made = await hostile.attack(300);
    expect(made.length).toBeGreaterThanOrEqual(12);
    // The impostor in the chair's name is reported as someone unknown, by every honest panel.
    await Promise.all(honest.map((m) => m.until((s) => s.unknownPeers > 0, 20_000)));
    // Let every attack arrive everywhere, then every panel must show what it showed before.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const member of honest) {
      await member.until((s) => JSON.stringify(agreed(s)) === JSON.stringify(before), 20_000);
      expect(
        member
          .snapshot()!
          .members.map((m) => m.name)
          .sort(),
      ).toEqual(['Anna', 'Bram', 'Carla']);
    }
    // The chair sees that changes were ignored; the others are not bothered with it.
    expect(chair!.snapshot()!.rejected.length).toBeGreaterThan(0);
    expect(asker!.snapshot()!.rejected).toEqual([]);

    // A member who opens the meeting after the attacks reads the same meeting.
    const late = await group.join(secret, 'dirk-000004', 'Dirk');
    await late.until((s) => JSON.stringify(agreed(s)) === JSON.stringify(before), 30_000);

    // And the honest meeting goes on.
    expect(await chair!.command({ type: 'next' })).toEqual({ ok: true });
    await Promise.all(
      [...honest, late].map((m) => m.until((s) => s.meeting?.phase.id === 'awareness')),
    );
    for (const member of [...honest, late]) expect(member.errors).toEqual([]);
  });
});
