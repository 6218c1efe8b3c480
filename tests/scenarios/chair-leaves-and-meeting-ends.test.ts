import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../lib/invite/invite';
import { NodeGroup } from '../helpers/node-group';
import { CHAIR_GRACE_MS } from '../../lib/connection/group-session';

/**
 * Roles over real WebRTC: when the chair's panel goes, a member takes the chair and everybody
 * sees who did; when the chair ends the meeting, the board is cleared for everyone and only the
 * summary stays.
 */
describe('roles and ending, with members as Node processes', () => {
  let group: NodeGroup;

  beforeAll(async () => {
    group = await NodeGroup.start();
  });

  afterAll(async () => {
    await group?.close();
  });

  it('lets a member take the chair when the chair disconnects, then end the meeting', async () => {
    const { secret } = createInvite();
    const join = (id: string, name: string) => group.join(secret, id, name);
    const [anna, bram, carla] = await Promise.all([
      join('anna-000001', 'Anna'),
      join('bram-000002', 'Bram'),
      join('carla-00003', 'Carla'),
    ]);
    await anna!.until((s) => s.members.length === 3);
    expect(await anna!.command({ type: 'start', methodId: 'basic' })).toEqual({ ok: true });
    await bram!.until((s) => s.meeting?.phase.id === 'inventory');
    expect(
      await bram!.command({ type: 'pitch', text: 'Een collega die afspraken niet nakomt' }),
    ).toEqual({
      ok: true,
    });
    await anna!.until((s) => (s.board?.pitches.length ?? 0) === 1);
    expect(await anna!.command({ type: 'confirm-first-pitch' })).toEqual({ ok: true });
    await carla!.until((s) => s.meeting?.caseBringerName === 'Bram');
    await carla!.until((s) => s.members.some((m) => m.name === 'Anna'));
    expect(carla!.snapshot()!.chairPresent).toBe(true);
    expect(await carla!.command({ type: 'take-chair' })).toMatchObject({
      ok: false,
      detail: 'chair-present',
    });

    // The chair's panel goes away.
    const closedAt = Date.now();
    await anna!.close();
    await carla!.until((s) => !s.chairPresent);
    // A short absence does not count: the chair must stay away for the grace period.
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(CHAIR_GRACE_MS - 500);
    // The case bringer cannot take the chair; another member can.
    expect(await bram!.command({ type: 'take-chair' })).toMatchObject({
      ok: false,
      detail: 'not-allowed',
    });
    expect(await carla!.command({ type: 'take-chair' })).toEqual({ ok: true });
    await bram!.until((s) => s.meeting?.chairTakenOver?.name === 'Carla');
    expect(bram!.snapshot()!.members.map((m) => `${m.name}:${m.role}`)).toEqual([
      'Carla:chair',
      'Bram:bringer',
    ]);

    // The new chair moves on and ends the meeting: the board is gone everywhere.
    expect(await carla!.command({ type: 'next' })).toEqual({ ok: true });
    expect(await carla!.command({ type: 'end' })).toEqual({ ok: true });
    await bram!.until((s) => s.ended !== null);
    const seen = bram!.snapshot()!;
    expect(seen.ended).toMatchObject({
      chairName: 'Carla',
      caseBringerName: 'Bram',
      caseTitle: null,
    });
    expect(seen.board?.pitches ?? []).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('afspraken niet nakomt');
  });
});
