import { afterEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../lib/invite/invite';
import { deriveRoomKeys } from '../../lib/invite/room-name';
import { createCounters, renderMetrics } from '../../server/metrics';
import type { MetricsSnapshot } from '../../server/metrics';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { TestClient } from './helpers/test-client';

/** One sample line of the text format: `name{label="value",…} value`. */
const SAMPLE =
  /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="[^"\\\n]*"(,[a-zA-Z_][a-zA-Z0-9_]*="[^"\\\n]*")*\})? (-?[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?|NaN|[+-]Inf)$/;

interface Parsed {
  readonly types: Map<string, string>;
  readonly helps: Set<string>;
  /** `name{labels}` -> value */
  readonly samples: Map<string, number>;
}

/**
 * Parses Prometheus text exposition strictly: every line is a HELP, a TYPE or a sample; a sample
 * comes after its family's HELP and TYPE; no family is declared twice. Throws otherwise.
 */
function parseExposition(text: string): Parsed {
  expect(text.endsWith('\n')).toBe(true);
  const types = new Map<string, string>();
  const helps = new Set<string>();
  const samples = new Map<string, number>();
  for (const line of text.slice(0, -1).split('\n')) {
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \S.*$/.exec(line);
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge)$/.exec(line);
    const sample = SAMPLE.exec(line);
    if (help) {
      expect(helps.has(help[1]!), `HELP twice: ${line}`).toBe(false);
      helps.add(help[1]!);
    } else if (type) {
      expect(types.has(type[1]!), `TYPE twice: ${line}`).toBe(false);
      expect(helps.has(type[1]!), `TYPE before HELP: ${line}`).toBe(true);
      types.set(type[1]!, type[2]!);
    } else if (sample) {
      expect(types.has(sample[1]!), `sample without TYPE: ${line}`).toBe(true);
      const key = sample[1]! + (sample[2] ?? '');
      expect(samples.has(key), `sample twice: ${line}`).toBe(false);
      samples.set(key, Number(sample[4]));
    } else {
      throw new Error(`not a line of the text format: ${JSON.stringify(line)}`);
    }
  }
  return { types, helps, samples };
}

const servers: RunningServer[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function connect(server: RunningServer): Promise<TestClient> {
  const client = await TestClient.connect(server.url);
  clients.push(client);
  return client;
}

describe('GET /metrics', () => {
  it('SP23: answers Prometheus text with counts of the traffic, and never a topic', async () => {
    const server = await startSignalingServer({ port: 0 });
    servers.push(server);
    const { roomName } = await deriveRoomKeys(createInvite().secret, { kind: 'lobby' });
    const anna = await connect(server);
    const bram = await connect(server);
    for (const client of [anna, bram]) client.send({ type: 'subscribe', topics: [roomName] });
    await bram.expectNothingMore();
    anna.send({ type: 'publish', topic: roomName, data: { type: 'announce', from: 'anna' } });
    await anna.next();
    await bram.next();
    anna.send({ type: 'publish', topic: 'not-subscribed', data: 'x' }); // refused
    anna.sendRaw('not json'); // dropped
    await anna.expectNothingMore();

    const response = await fetch(`${server.httpUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    const { types, samples } = parseExposition(text);

    expect(text).not.toContain(roomName);
    expect(text).not.toContain(roomName.slice('kring-'.length, 'kring-'.length + 16));
    expect(text).not.toContain('not-subscribed');
    expect(text).not.toContain('127.0.0.1');
    expect(samples.get('kring_connections')).toBe(2);
    expect(samples.get('kring_topics')).toBe(1);
    // anna: subscribe, publish, refused publish, junk, ping; bram: subscribe, ping.
    expect(samples.get('kring_messages_received_total')).toBe(7);
    // the publish to both, 2 pongs
    expect(samples.get('kring_messages_sent_total')).toBe(4);
    expect(samples.get('kring_messages_dropped_total')).toBe(1);
    expect(samples.get('kring_messages_refused_total')).toBe(1);
    expect(samples.get('kring_received_bytes_total')).toBeGreaterThan(roomName.length * 3);
    expect(samples.get('kring_connections_terminated_total{reason="rate_limit"}')).toBe(0);
    expect(samples.get('process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(types.get('kring_messages_sent_total')).toBe('counter');
    expect(types.get('kring_connections')).toBe('gauge');
    expect([...types.keys()].some((name) => name.startsWith('kring_redis'))).toBe(false);
  });

  it('SP23: is served with the headers of /health (no caching), and HEAD has no body', async () => {
    const server = await startSignalingServer({ port: 0 });
    servers.push(server);
    const health = await fetch(`${server.httpUrl}/health`);
    const metrics = await fetch(`${server.httpUrl}/metrics`);
    const varying = new Set(['content-type', 'content-length', 'date', 'transfer-encoding']);
    for (const [name, value] of health.headers) {
      if (!varying.has(name)) expect(metrics.headers.get(name), name).toBe(value);
    }
    expect(metrics.headers.get('cache-control')).toBe('no-store');
    const head = await fetch(`${server.httpUrl}/metrics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('SP23: counts a termination by its reason', async () => {
    const server = await startSignalingServer({ port: 0, maxMessageBytes: 1024 });
    servers.push(server);
    const anna = await connect(server);
    anna.sendRaw('x'.repeat(2048));
    expect(await anna.closed).toBe(1009);
    await expect
      .poll(async () => (await (await fetch(`${server.httpUrl}/metrics`)).text()).split('\n'))
      .toContain('kring_connections_terminated_total{reason="message_too_large"} 1');
  });
});

describe('renderMetrics', () => {
  const snapshot = (overrides: Partial<MetricsSnapshot> = {}): MetricsSnapshot => ({
    connections: 3,
    topics: 2,
    droppedMessages: 4,
    refusedMessages: 5,
    counters: createCounters(),
    redisConnected: null,
    residentMemoryBytes: 123_456_789,
    uptimeSeconds: 60,
    ...overrides,
  });

  it('writes a HELP and a TYPE for every family and parses strictly', () => {
    const { types, helps, samples } = parseExposition(renderMetrics(snapshot()));
    expect([...helps]).toEqual([...types.keys()]);
    expect(samples.get('kring_connections')).toBe(3);
    expect(samples.get('kring_messages_dropped_total')).toBe(4);
    expect(samples.get('process_resident_memory_bytes')).toBe(123_456_789);
  });

  it('shows the Redis link only when there is one: 1 up, 0 down', () => {
    expect(renderMetrics(snapshot())).not.toMatch(/kring_redis/);
    expect(renderMetrics(snapshot({ redisConnected: true }))).toMatch(/^kring_redis_connected 1$/m);
    expect(renderMetrics(snapshot({ redisConnected: false }))).toMatch(
      /^kring_redis_connected 0$/m,
    );
  });

  it('labels terminations and refusals by their fixed reasons', () => {
    const counters = createCounters();
    counters.terminated.slow_reader = 7;
    counters.refusedConnections.origin = 2;
    const { samples } = parseExposition(renderMetrics(snapshot({ counters })));
    expect(samples.get('kring_connections_terminated_total{reason="slow_reader"}')).toBe(7);
    expect(samples.get('kring_connections_refused_total{reason="origin"}')).toBe(2);
    expect(samples.get('kring_connections_refused_total{reason="server_full"}')).toBe(0);
  });
});
