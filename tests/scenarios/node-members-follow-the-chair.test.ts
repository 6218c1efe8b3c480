import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../lib/invite/invite';
import { NodeGroup } from '../helpers/node-group';

/**
 * Real members without browsers: each a Node process with the real GroupSession, real y-webrtc
 * (with the project's patch) over real WebRTC, and the real companion server in between.
 */
describe('members as Node processes over real WebRTC', () => {
  let group: NodeGroup;

  beforeAll(async () => {
    group = await NodeGroup.start();
  });

  afterAll(async () => {
    await group?.close();
  });

  it('follows the chair into the meeting and through its phases, late joiner included', async () => {
    const { secret } = createInvite();
    const join = (id: string, name: string) => group.join(secret, id, name);
    // Three members join at the same moment: the case that crashed unpatched y-webrtc.
    const [chair, bram, carla] = await Promise.all([
      join('anna-000001', 'Anna'),
      join('bram-000002', 'Bram'),
      join('carla-00003', 'Carla'),
    ]);
    await chair!.until((s) => s.members.length === 3);

    expect(await chair!.command({ type: 'start', methodId: 'basic' })).toEqual({ ok: true });
    for (const member of [bram!, carla!]) {
      await member.until((s) => s.meeting?.phase.id === 'inventory');
      // A signed member's id is its device key's, whatever id the panel had.
      expect(member.snapshot()?.meeting?.chairId).toBe(chair!.snapshot()!.selfId);
    }

    // Only the chair moves the phase.
    expect(await bram!.command({ type: 'next' })).toMatchObject({ ok: false, detail: 'not-chair' });
    expect(await chair!.command({ type: 'next' })).toEqual({ ok: true });
    await Promise.all(
      [bram!, carla!].map((m) => m.until((s) => s.meeting?.phase.id === 'analysis')),
    );

    // Someone who opens the panel later finds the running meeting through the lobby.
    const dirk = await join('dirk-000004', 'Dirk');
    await dirk.until((s) => s.meeting?.phase.id === 'analysis');
    await chair!.until((s) => s.members.length === 4);
    const roles = chair!.snapshot()!.members.map((m) => `${m.name}:${m.role}`);
    expect(roles).toEqual(['Anna:chair', 'Bram:member', 'Carla:member', 'Dirk:member']);

    for (const member of group.members) expect(member.errors).toEqual([]);
  });

  it('keeps groups apart: a member of another group never sees this meeting', async () => {
    const ours = createInvite().secret;
    const theirs = createInvite().secret;
    const [chair, insider, outsider] = await Promise.all([
      group.join(ours, 'eva-0000005', 'Eva'),
      group.join(ours, 'gert-000007', 'Gert'),
      group.join(theirs, 'finn-000006', 'Finn'),
      group.join(theirs, 'hanna-00008', 'Hanna'),
    ]);
    // Positive controls instead of a sleep: the outsider hears its own group through the same
    // server, and the meeting reaches a member of ours; a leak had the same time to arrive.
    await outsider!.until((s) => s.members.length === 2);
    expect(await chair!.command({ type: 'start', methodId: 'basic' })).toEqual({ ok: true });
    await insider!.until((s) => s.meeting?.phase.id === 'inventory');
    expect(outsider!.snapshot()?.meeting).toBeNull();
    expect(outsider!.snapshot()?.members.map((m) => m.name)).toEqual(['Finn', 'Hanna']);
  });
});
