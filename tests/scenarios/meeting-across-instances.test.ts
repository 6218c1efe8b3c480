import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite } from '../../lib/invite/invite';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { hasQuestion } from '../helpers/node-group';
import { NodeMember } from '../helpers/node-member';
import type { NodeMemberOptions } from '../helpers/node-member';
import { RedisProcess } from '../helpers/redis-process';

/**
 * Scale-out with real members: two companion instances on one Redis (Debian's redis-server,
 * started here), as behind a load balancer, and Node members over real WebRTC, each connected
 * to a different instance. They can only find each other through Redis: a member on a third
 * instance without Redis, with the same invite, never meets them.
 */
describe('a meeting between members connected to different companion instances', () => {
  let redis: RedisProcess;
  let one: RunningServer;
  let two: RunningServer;
  let alone: RunningServer;
  const members: NodeMember[] = [];

  beforeAll(async () => {
    redis = await RedisProcess.start();
    [one, two, alone] = await Promise.all([
      startSignalingServer({ port: 0, redisUrl: redis.url }),
      startSignalingServer({ port: 0, redisUrl: redis.url }),
      startSignalingServer({ port: 0 }),
    ]);
  });

  afterAll(async () => {
    await Promise.all(members.map((member) => member.close()));
    await Promise.all([one, two, alone].map((server) => server?.close()));
    await redis?.kill();
  });

  async function join(options: NodeMemberOptions): Promise<NodeMember> {
    const member = await NodeMember.join(options);
    members.push(member);
    return member;
  }

  async function metric(server: RunningServer, name: string): Promise<number> {
    const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return Number(line?.split(' ')[1]);
  }

  it('runs a phase change and a question across instances, through a Redis restart', async () => {
    const { secret } = createInvite();
    const [anna, bram, carla] = await Promise.all([
      join({ secret, memberId: 'anna-000001', memberName: 'Anna', signalingUrl: one.url }),
      join({ secret, memberId: 'bram-000002', memberName: 'Bram', signalingUrl: two.url }),
      join({ secret, memberId: 'carla-00003', memberName: 'Carla', signalingUrl: alone.url }),
    ]);
    await anna!.until((s) => s.members.length === 2);
    await bram!.until((s) => s.members.length === 2);

    expect(await anna!.command({ type: 'start', methodId: 'basic' })).toEqual({ ok: true });
    await bram!.until((s) => s.meeting?.phase.id === 'inventory' && s.meeting.chairId === anna!.id);
    expect(await anna!.command({ type: 'next' })).toEqual({ ok: true });
    await bram!.until((s) => s.meeting?.phaseIndex === 1);

    const question = `Wat had je op dat moment nodig ${Math.random().toString(36).slice(2)}?`;
    expect(await bram!.command({ type: 'question', text: question })).toEqual({ ok: true });
    await anna!.until(hasQuestion(question));

    // The signaling crossed Redis both ways.
    expect(await metric(one, 'kring_redis_received_total')).toBeGreaterThan(0);
    expect(await metric(two, 'kring_redis_received_total')).toBeGreaterThan(0);

    // Redis restarts mid-meeting: members already connected keep meeting (WebRTC needs no
    // signaling), and someone who opens the panel afterwards on instance two finds it.
    await redis.kill();
    await expect.poll(() => metric(one, 'kring_redis_connected')).toBe(0);
    expect(await anna!.command({ type: 'next' })).toEqual({ ok: true });
    await bram!.until((s) => s.meeting?.phaseIndex === 2);
    await redis.restart();
    await expect.poll(() => metric(one, 'kring_redis_connected')).toBe(1);
    await expect.poll(() => metric(two, 'kring_redis_connected')).toBe(1);

    const dirk = await join({
      secret,
      memberId: 'dirk-000004',
      memberName: 'Dirk',
      signalingUrl: two.url,
    });
    await dirk.until((s) => s.meeting?.phaseIndex === 2);
    await anna!.until((s) => s.members.length === 3);
    expect(hasQuestion(question)(dirk.snapshot()!)).toBe(true);

    // The member on the instance without Redis had the same time and never met them.
    expect(carla!.snapshot()?.members.map((m) => m.name)).toEqual(['Carla']);
    expect(carla!.snapshot()?.meeting).toBeNull();
    for (const member of members) expect(member.errors).toEqual([]);
  });
});
