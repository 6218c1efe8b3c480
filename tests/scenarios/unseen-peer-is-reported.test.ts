import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../lib/invite/invite';
import { UNSEEN_GRACE_MS } from '../../lib/connection/unseen-peers';
import { NodeGroup } from '../helpers/node-group';
import type { NodeMember } from '../helpers/node-member';
import { HostileMember } from '../helpers/hostile-member';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 13, point 3 ("no unseen peers"): real members as Node processes over real WebRTC
 * through the real companion. A peer that holds the group's invite joins the lobby and the
 * meeting's room, receives the meeting (it waits until the meeting's document has reached it)
 * and never sets a presence (tests/helpers/hostile-member-process.ts). Before it comes, an
 * honest meeting of three, joiners included, never reports anyone unknown.
 */
describe('a peer that joins with the invite and shows no presence', () => {
  let group: NodeGroup;
  let hostile: HostileMember | null = null;

  beforeAll(async () => {
    group = await NodeGroup.start();
  });

  afterAll(async () => {
    await hostile?.close();
    await group?.close();
  });

  it('is reported as unknown by every honest member, who reported nobody before it came', async () => {
    const { secret } = createInvite();
    const [chair, bram, carla] = await Promise.all([
      group.join(secret, 'anna-000001', 'Anna'),
      group.join(secret, 'bram-000002', 'Bram'),
      group.join(secret, 'carla-00003', 'Carla'),
    ]);
    const honest: readonly NodeMember[] = [chair!, bram!, carla!];
    await Promise.all(honest.map((m) => m.until((s) => s.members.length === 3)));
    expect(await chair!.command({ type: 'start', methodId: 'basic' })).toEqual({ ok: true });
    await Promise.all(honest.map((m) => m.until((s) => s.meeting?.phase.id === 'inventory')));
    // Control: an honest meeting, well past the grace, with every member directly connected.
    await sleep(UNSEEN_GRACE_MS + 3_000);
    for (const member of honest) {
      expect(member.snapshot()!.connection).toMatchObject({ kind: 'connected', members: 2 });
      // On failure, what that member saw when it counted someone unknown (a one-off in CI on
      // 6 December, not reproduced since): its links and connection then, by snapshot number.
      const alarms = member.seen.flatMap((s, i) =>
        s.unknownPeers === 0
          ? []
          : [
              {
                snapshot: `${i + 1} of ${member.seen.length}`,
                links: s.links,
                connection: s.connection,
              },
            ],
      );
      expect(
        member.seen.map((s) => s.unknownPeers).filter((n) => n !== 0),
        JSON.stringify(alarms),
      ).toEqual([]);
    }

    hostile = await HostileMember.join(secret, group.url);
    const joined = Date.now();
    // It has the meeting: the document with its chair reached it.
    await hostile.findMeeting();
    const reported = await Promise.all(honest.map((m) => m.until((s) => s.unknownPeers >= 1)));
    for (const at of reported) expect(at - joined).toBeLessThan(20_000);
    // Still listed as the three of them: the peer is not a member, only a connection.
    for (const member of honest) {
      const s = member.snapshot()!;
      expect(s.members.map((m) => m.name).sort()).toEqual(['Anna', 'Bram', 'Carla']);
      expect(s.unknownPeers).toBe(1);
    }

    // Gone, it is no longer reported.
    await hostile.close();
    hostile = null;
    // A closed peer is gone once its connections are: at once when its goodbye arrives, or when
    // WebRTC notices it left (tens of seconds on a loaded machine; it failed at 20 s in CI).
    await Promise.all(honest.map((m) => m.until((s) => s.unknownPeers === 0, 60_000)));
    for (const member of honest) expect(member.errors).toEqual([]);
  }, 180_000);
});
