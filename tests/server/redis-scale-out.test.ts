import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LogEvent } from '../../server/log';
import { CHANNEL_PREFIX, channelOf } from '../../server/redis-bus';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer, SignalingServerOptions } from '../../server/signaling-server';
import { RedisProcess } from '../helpers/redis-process';
import { TestClient } from './helpers/test-client';

/**
 * Several companion instances on one real Redis (Debian's redis-server, started here on a free
 * loopback port): docs/signaling-protocol.md SP19-SP22. Waits are barriers (Redis's own
 * PUBSUB NUMSUB, a ping/pong, or a publish that Redis must deliver after the one in question),
 * never sleeps.
 */
let redis: RedisProcess;
const servers: RunningServer[] = [];
const clients: TestClient[] = [];
let events: LogEvent[] = [];

beforeAll(async () => {
  redis = await RedisProcess.start();
});

afterAll(async () => {
  await redis?.kill();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  events = [];
  // A test that killed Redis leaves it running again for the next one.
  await redis.restart().catch(() => {});
});

async function instance(options: SignalingServerOptions = {}): Promise<RunningServer> {
  const server = await startSignalingServer({
    port: 0,
    redisUrl: redis.url,
    log: (event) => events.push(event),
    ...options,
  });
  servers.push(server);
  return server;
}

async function member(server: RunningServer, ...topics: string[]): Promise<TestClient> {
  const client = await TestClient.connect(server.url);
  clients.push(client);
  if (topics.length > 0) client.send({ type: 'subscribe', topics });
  await client.expectNothingMore();
  return client;
}

/** Waits until Redis has `count` subscribing connections (instances) on the topic's channel. */
async function instancesOn(topic: string, count: number): Promise<void> {
  await expect.poll(async () => (await redis.subscribers([channelOf(topic)]))[0]).toBe(count);
}

async function health(server: RunningServer): Promise<Record<string, unknown>> {
  return (await (await fetch(`${server.httpUrl}/health`)).json()) as Record<string, unknown>;
}

const publish = (topic: string, data: unknown, clients: number) => ({
  type: 'publish',
  topic,
  data,
  clients,
});

describe('two instances on one Redis', () => {
  it('SP19: a member on one instance receives a publish from the other, and the other way round, once', async () => {
    const [one, two] = await Promise.all([instance(), instance()]);
    const anna = await member(one, 'room-1');
    const bram = await member(two, 'room-1');
    await instancesOn('room-1', 2);

    anna.send({ type: 'publish', topic: 'room-1', data: 'from-anna' });
    expect(await anna.next()).toStrictEqual(publish('room-1', 'from-anna', 1));
    expect(await bram.next()).toStrictEqual(publish('room-1', 'from-anna', 1));

    // Redis delivers bram's publish to instance one after anna's own came back to it, so a
    // second copy of anna's would be anna's next message.
    bram.send({ type: 'publish', topic: 'room-1', data: 'from-bram' });
    expect(await bram.next()).toStrictEqual(publish('room-1', 'from-bram', 1));
    expect(await anna.next()).toStrictEqual(publish('room-1', 'from-bram', 1));

    anna.send({ type: 'publish', topic: 'room-1', data: 'again' });
    expect(await anna.next()).toStrictEqual(publish('room-1', 'again', 1));
    expect(await bram.next()).toStrictEqual(publish('room-1', 'again', 1));
    await bram.expectNothingMore();
  });

  it('SP20: clients counts the subscribers on the receiving instance, and each gets one copy', async () => {
    const [one, two] = await Promise.all([instance(), instance()]);
    const anna = await member(one, 'room-1');
    const carla = await member(one, 'room-1');
    const bram = await member(two, 'room-1');
    const outsider = await member(two, 'room-2');
    await instancesOn('room-1', 2);
    await instancesOn('room-2', 1);

    anna.send({ type: 'publish', topic: 'room-1', data: 'x' });
    expect(await anna.next()).toStrictEqual(publish('room-1', 'x', 2));
    expect(await carla.next()).toStrictEqual(publish('room-1', 'x', 2));
    expect(await bram.next()).toStrictEqual(publish('room-1', 'x', 1));

    bram.send({ type: 'publish', topic: 'room-1', data: 'y' });
    expect(await bram.next()).toStrictEqual(publish('room-1', 'y', 1));
    for (const local of [anna, carla]) {
      expect(await local.next()).toStrictEqual(publish('room-1', 'y', 2));
      await local.expectNothingMore();
    }
    await outsider.expectNothingMore();
  });

  it('SP21: an instance leaves a channel when its last subscriber leaves, and delivers nothing more', async () => {
    const [one, two] = await Promise.all([instance(), instance()]);
    const anna = await member(one, 'room-1');
    const bram = await member(two, 'room-1');
    const bert = await member(two, 'room-1');
    await instancesOn('room-1', 2);

    bram.send({ type: 'unsubscribe', topics: ['room-1'] });
    await bram.expectNothingMore();
    await instancesOn('room-1', 2); // bert is still there
    bert.close();
    await instancesOn('room-1', 1);

    anna.send({ type: 'publish', topic: 'room-1', data: 'x' });
    expect(await anna.next()).toStrictEqual(publish('room-1', 'x', 1));
    // bram subscribes again; Redis confirms, so anna's publish before it was already dispatched.
    bram.send({ type: 'subscribe', topics: ['room-1'] });
    await instancesOn('room-1', 2);
    anna.send({ type: 'publish', topic: 'room-1', data: 'y' });
    expect(await bram.next()).toStrictEqual(publish('room-1', 'y', 1));
  });

  it('SP21: Redis channels are kring:t: and the topic, and only while someone subscribes', async () => {
    const [one, two] = await Promise.all([instance(), instance()]);
    const anna = await member(one, 'room-1', 'room-2');
    await member(two, 'room-2');
    await instancesOn('room-1', 1);
    await instancesOn('room-2', 2);
    const client = await redis.client();
    try {
      const channels = (await client.sendCommand(['PUBSUB', 'CHANNELS'])) as string[];
      expect([...channels].sort()).toEqual([`${CHANNEL_PREFIX}room-1`, `${CHANNEL_PREFIX}room-2`]);
      expect(await client.sendCommand(['DBSIZE'])).toBe(0); // pub/sub only: nothing stored
    } finally {
      client.destroy();
    }
    anna.close();
    await instancesOn('room-1', 0);
  });

  it('SP22: drops what it cannot decode from Redis, and a message naming another topic', async () => {
    const one = await instance();
    const anna = await member(one, 'room-1');
    await instancesOn('room-1', 1);
    const client = await redis.client();
    try {
      const id = 'x'.repeat(16);
      const forged = [
        'garbage',
        `${id}not json`,
        `${id}{"type":"publish","topic":"room-2","data":"x"}`,
        `${id}{"type":"subscribe","topics":["room-1"]}`,
        `${id}{"type":"publish","topic":"room-1"}`,
      ];
      for (const message of forged) await client.publish(channelOf('room-1'), message);
      // A well-formed message from "another instance" after them: it arrives, they did not.
      await client.publish(
        channelOf('room-1'),
        `${id}{"type":"publish","topic":"room-1","data":"ok","extra":1}`,
      );
    } finally {
      client.destroy();
    }
    expect(await anna.next()).toStrictEqual(publish('room-1', 'ok', 1));
    const metrics = await (await fetch(`${one.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/^kring_redis_dropped_total 5$/m);
    expect(metrics).toMatch(/^kring_redis_received_total 1$/m);
  });

  it('without redisUrl an instance works alone, as before, and its health has no redis field', async () => {
    const alone = await startSignalingServer({ port: 0 });
    servers.push(alone);
    const withRedis = await instance();
    const anna = await member(alone, 'room-1');
    const bram = await member(withRedis, 'room-1');
    anna.send({ type: 'publish', topic: 'room-1', data: 'x' });
    expect(await anna.next()).toStrictEqual(publish('room-1', 'x', 1));
    bram.send({ type: 'publish', topic: 'room-1', data: 'y' });
    expect(await bram.next()).toStrictEqual(publish('room-1', 'y', 1));
    await anna.expectNothingMore();
    expect(await health(alone)).not.toHaveProperty('redis');
    expect(await health(withRedis)).toMatchObject({ ok: true, redis: 'connected' });
    expect(await (await fetch(`${alone.httpUrl}/metrics`)).text()).not.toMatch(/kring_redis/);
  });
});

describe('Redis down and back', () => {
  it('SP22: keeps serving local rooms while Redis is down, logs the loss once, and links the instances again when it returns', async () => {
    const [one, two] = await Promise.all([instance(), instance()]);
    const anna = await member(one, 'room-1');
    const carla = await member(one, 'room-1');
    const bram = await member(two, 'room-1');
    await instancesOn('room-1', 2);

    await redis.kill();
    await expect.poll(async () => (await health(one)).redis).toBe('disconnected');
    await expect.poll(async () => (await health(two)).redis).toBe('disconnected');
    expect(await health(one)).toMatchObject({ ok: true, connections: 2, topics: 1 });

    // Local rooms go on: anna and carla share instance one.
    anna.send({ type: 'publish', topic: 'room-1', data: 'local' });
    expect(await anna.next()).toStrictEqual(publish('room-1', 'local', 2));
    expect(await carla.next()).toStrictEqual(publish('room-1', 'local', 2));
    await bram.expectNothingMore();
    // Someone who joins instance two during the outage.
    const dirk = await member(two, 'room-1');

    await redis.restart();
    await expect.poll(async () => (await health(one)).redis).toBe('connected');
    await expect.poll(async () => (await health(two)).redis).toBe('connected');
    await instancesOn('room-1', 2); // both instances subscribed again
    // Dirk's announce was lost with the link: his socket is closed so that y-webrtc reconnects
    // and announces again. Members from before the outage keep theirs.
    expect(await dirk.closed).toBe(1012);

    bram.send({ type: 'publish', topic: 'room-1', data: 'back' });
    expect(await bram.next()).toStrictEqual(publish('room-1', 'back', 1));
    expect(await anna.next()).toStrictEqual(publish('room-1', 'back', 2));
    expect(await carla.next()).toStrictEqual(publish('room-1', 'back', 2));

    const losses = events.filter((event) => event.msg.startsWith('lost the link to redis'));
    expect(losses).toHaveLength(2); // once per instance, not per reconnection attempt
    expect(losses[0]).toMatchObject({ level: 'warn', topics: 1 });
    const metrics = await (await fetch(`${one.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/^kring_redis_connected 1$/m);
    expect(metrics).toMatch(/^kring_redis_publish_failed_total 1$/m);
  });

  it('SP22: starts without Redis, says so, and joins the others once Redis is there', async () => {
    await redis.kill();
    const [one, two] = await Promise.all([instance(), instance()]);
    expect(await health(one)).toMatchObject({ ok: true, redis: 'disconnected' });
    const unreachable = events.filter((e) => e.msg.startsWith('cannot reach redis'));
    expect(unreachable).toHaveLength(2); // once per instance
    expect(unreachable[0]).toMatchObject({ level: 'warn', error: 'ECONNREFUSED' });
    const anna = await member(one, 'room-1');

    await redis.restart();
    await expect.poll(async () => (await health(two)).redis).toBe('connected');
    // Anna subscribed while apart: she is asked to reconnect (y-webrtc does so by itself).
    expect(await anna.closed).toBe(1012);
    const again = await member(one, 'room-1');
    const bram = await member(two, 'room-1');
    await instancesOn('room-1', 2);
    bram.send({ type: 'publish', topic: 'room-1', data: 'x' });
    expect(await again.next()).toStrictEqual(publish('room-1', 'x', 1));
  });
});
