import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../lib/invite/invite';
import { NodeGroup } from '../helpers/node-group';
import { HostileMember } from '../helpers/hostile-member';

/**
 * Issue 13, point 1, over real WebRTC through the real companion: "Joining today's meeting means
 * asking ... the group invite alone no longer gets anyone into a meeting." The chair (a Node
 * member that lets in only whom the test names) admits one member and refuses another; an
 * outsider who holds only the invite and is never answered gets no meeting content.
 */
describe('admission over real WebRTC', () => {
  let group: NodeGroup;

  beforeAll(async () => {
    group = await NodeGroup.start();
  });

  afterAll(async () => {
    await group?.close();
  });

  it('the chair lets one member in and refuses another; only the admitted one gets the meeting', async () => {
    const { secret } = createInvite();
    const chair = await group.joinWith({
      secret,
      memberId: 'anna-000001',
      memberName: 'Anna',
      letsIn: 'asked',
    });
    const [bram, vera] = await Promise.all([
      group.join(secret, 'bram-000002', 'Bram'),
      group.join(secret, 'vera-000003', 'Vera'),
    ]);
    // An outsider with only the invite, asking silently and never answered.
    const outsider = await HostileMember.join(secret, group.url);
    try {
      await chair.until((s) => s.members.length === 3);
      expect(await chair.command({ type: 'start', methodId: 'basic' })).toEqual({ ok: true });
      const finding = outsider.findMeeting().then(
        () => 'in',
        (error: Error) => error.message,
      );
      // Anna sees both members who ask (and the outsider's knock), by name and fingerprint.
      await chair.until((s) => ['Bram', 'Vera'].every((n) => s.knocks.some((k) => k.name === n)));
      const knocks = chair.snapshot()!.knocks;
      for (const knock of knocks) expect(knock.fingerprint).toMatch(/^[0-9A-F]{4} [0-9A-F]{4}$/);
      const idOf = (name: string) => knocks.find((k) => k.name === name)!.memberId;
      expect(await chair.command({ type: 'admit', memberId: idOf('Bram') })).toEqual({ ok: true });
      expect(await chair.command({ type: 'refuse', memberId: idOf('Vera') })).toEqual({
        ok: true,
      });
      await bram.until((s) => s.meeting?.phase.id === 'inventory');
      await vera.until((s) => s.admission?.state === 'refused');
      expect(vera.snapshot()!.admission!.refusedBy).toBe('Anna');

      // The meeting goes on; a case is pitched.
      const CASE = 'Mijn leerling spijbelt en ik weet niet hoe ik het aankaart';
      expect(await bram.command({ type: 'pitch', text: CASE })).toEqual({ ok: true });
      await chair.until((s) => s.board?.pitches.some((p) => p.text === CASE) ?? false);

      // The refused member and the outsider hold nothing of it.
      expect(vera.seen.some((s) => s.meeting !== null || s.board !== null)).toBe(false);
      const state = await vera.command({ type: 'shared-state' });
      const decoded = JSON.parse(state.detail ?? '{}') as Record<string, string | null>;
      expect(decoded.meeting ?? null).toBeNull();
      expect(Buffer.from(decoded.lobby ?? '', 'base64').toString('latin1')).not.toContain(
        'spijbelt',
      );
      expect(await finding).toMatch(/no answer/);
    } finally {
      await outsider.close();
    }
  }, 90_000);
});
