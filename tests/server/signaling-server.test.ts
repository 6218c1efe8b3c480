import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer, SignalingServerOptions } from '../../server/signaling-server';
import { MAX_TOPIC_LENGTH, MAX_TOPICS_PER_MESSAGE } from '../../lib/connection/signaling-protocol';
import { createInvite } from '../../lib/invite/invite';
import { deriveRoomKeys } from '../../lib/invite/room-name';
import { TestClient, closeTestClients, within } from './helpers/test-client';

/** The static fixture's entry: it reaches panel.js and panel.css, and through the CSS icon.svg. */
const INDEX_HTML =
  '<!doctype html><title>Kring</title><script type="module" src="/assets/panel.js"></script>' +
  '<link rel="stylesheet" href="./assets/panel.css">';

/** A GET with the path sent exactly as written (fetch would normalise `/../`). */
function rawGet(
  server: RunningServer,
  path: string,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = request({ host: server.host, port: server.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const servers: RunningServer[] = [];
let logLines: string[] = [];

async function start(options: SignalingServerOptions = {}): Promise<RunningServer> {
  const server = await startSignalingServer({
    port: 0,
    log: (event) => logLines.push(JSON.stringify(event)),
    ...options,
  });
  servers.push(server);
  return server;
}

afterEach(async () => {
  closeTestClients();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  logLines = [];
});

// Test titles start with the rule of docs/signaling-protocol.md that they check (SP1…SP12).

describe('relaying', () => {
  it('SP1: relays a publish to every subscriber of the topic, the sender included', async () => {
    const server = await start();
    const anna = await TestClient.connect(server.url);
    const bram = await TestClient.connect(server.url);
    anna.send({ type: 'subscribe', topics: ['room-1'] });
    bram.send({ type: 'subscribe', topics: ['room-1'] });
    await bram.expectNothingMore(); // both subscriptions are in place now
    await anna.expectNothingMore();

    anna.send({ type: 'publish', topic: 'room-1', data: { type: 'announce', from: 'anna' } });
    const expected = {
      type: 'publish',
      topic: 'room-1',
      data: { type: 'announce', from: 'anna' },
      clients: 2,
    };
    expect(await anna.next()).toStrictEqual(expected);
    expect(await bram.next()).toStrictEqual(expected);

    bram.send({ type: 'publish', topic: 'room-1', data: 'c2lnbmFs' });
    const reply = { type: 'publish', topic: 'room-1', data: 'c2lnbmFs', clients: 2 };
    expect(await anna.next()).toStrictEqual(reply);
    expect(await bram.next()).toStrictEqual(reply);
  });

  it('SP1: sends nothing to a client that did not subscribe to the topic', async () => {
    const server = await start();
    const anna = await TestClient.connect(server.url);
    const bram = await TestClient.connect(server.url);
    const outsider = await TestClient.connect(server.url);
    anna.send({ type: 'subscribe', topics: ['room-1'] });
    bram.send({ type: 'subscribe', topics: ['room-1'] });
    outsider.send({ type: 'subscribe', topics: ['room-2'] });
    await bram.expectNothingMore();
    await outsider.expectNothingMore();

    anna.send({ type: 'publish', topic: 'room-1', data: 'x' });
    expect(await anna.next()).toMatchObject({ topic: 'room-1', clients: 2 });
    await outsider.expectNothingMore();
  });

  it('SP1: stops relaying to a client once it unsubscribes', async () => {
    const server = await start();
    const anna = await TestClient.connect(server.url);
    const bram = await TestClient.connect(server.url);
    anna.send({ type: 'subscribe', topics: ['room-1'] });
    bram.send({ type: 'subscribe', topics: ['room-1'] });
    bram.send({ type: 'unsubscribe', topics: ['room-1'] });
    await bram.expectNothingMore();

    anna.send({ type: 'publish', topic: 'room-1', data: 'x' });
    expect(await anna.next()).toStrictEqual({
      type: 'publish',
      topic: 'room-1',
      data: 'x',
      clients: 1,
    });
    await bram.expectNothingMore();
  });

  it('SP2: does not relay a publish to a topic the sender has not subscribed to, and keeps it open', async () => {
    const server = await start();
    const anna = await TestClient.connect(server.url);
    const intruder = await TestClient.connect(server.url);
    anna.send({ type: 'subscribe', topics: ['room-1'] });
    await anna.expectNothingMore();

    intruder.send({ type: 'publish', topic: 'room-1', data: 'x' });
    await intruder.expectNothingMore(); // the publish was handled before this pong
    await anna.expectNothingMore();
    expect(server.stats().refusedMessages).toBe(1);
    expect(intruder.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('SP3: accepts a Kring room name and a topic of 128 characters, and drops an empty topic or one of 129', async () => {
    const server = await start();
    const anna = await TestClient.connect(server.url);
    const { roomName } = await deriveRoomKeys(createInvite().secret, { kind: 'lobby' });
    expect(roomName).toMatch(/^kring-[0-9a-f]{64}$/);
    const longest = 'x'.repeat(MAX_TOPIC_LENGTH);

    anna.send({ type: 'subscribe', topics: [''] });
    anna.send({ type: 'subscribe', topics: [`${longest}y`] });
    anna.send({ type: 'publish', topic: '', data: 'x' });
    await anna.expectNothingMore();
    expect(server.stats()).toMatchObject({ topics: 0, droppedMessages: 3 });

    anna.send({ type: 'subscribe', topics: [roomName, longest] });
    for (const topic of [roomName, longest]) {
      anna.send({ type: 'publish', topic, data: 'x' });
      expect(await anna.next()).toStrictEqual({ type: 'publish', topic, data: 'x', clients: 1 });
    }
    expect(server.stats()).toMatchObject({ topics: 2, droppedMessages: 3 });
  });

  it('SP4: drops a message naming more than 32 topics, and accepts 32 or none', async () => {
    const server = await start();
    const anna = await TestClient.connect(server.url);
    const topics = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

    anna.send({ type: 'subscribe', topics: topics(MAX_TOPICS_PER_MESSAGE + 1, 'a') });
    anna.send({ type: 'subscribe', topics: [] }); // y-webrtc sends this before it has rooms
    await anna.expectNothingMore();
    expect(server.stats()).toMatchObject({ topics: 0, droppedMessages: 1 });

    anna.send({ type: 'subscribe', topics: topics(MAX_TOPICS_PER_MESSAGE, 'b') });
    anna.send({ type: 'publish', topic: `b-${MAX_TOPICS_PER_MESSAGE - 1}`, data: 'x' });
    expect(await anna.next()).toMatchObject({ topic: `b-${MAX_TOPICS_PER_MESSAGE - 1}` });
    expect(server.stats()).toMatchObject({ topics: MAX_TOPICS_PER_MESSAGE, droppedMessages: 1 });
  });

  it('SP4: ignores subscriptions beyond maxTopicsPerConnection', async () => {
    const server = await start({ maxTopicsPerConnection: 2 });
    const anna = await TestClient.connect(server.url);
    anna.send({ type: 'subscribe', topics: ['a', 'b', 'c'] });
    anna.send({ type: 'publish', topic: 'c', data: 'x' });
    anna.send({ type: 'publish', topic: 'b', data: 'y' });
    expect(await anna.next()).toStrictEqual({ type: 'publish', topic: 'b', data: 'y', clients: 1 });
    expect(server.stats().topics).toBe(2);
  });

  it('SP8: removes a closed socket from all its topics and deletes topics left empty', async () => {
    const server = await start();
    const anna = await TestClient.connect(server.url);
    const bram = await TestClient.connect(server.url);
    anna.send({ type: 'subscribe', topics: ['room-1', 'room-2'] });
    bram.send({ type: 'subscribe', topics: ['room-1'] });
    await anna.expectNothingMore();
    await bram.expectNothingMore();
    expect(server.stats()).toMatchObject({ connections: 2, topics: 2 });

    anna.ws.close();
    await expect.poll(() => server.stats().connections).toBe(1);
    expect(server.stats().topics).toBe(1);
    bram.send({ type: 'publish', topic: 'room-1', data: 'x' });
    expect(await bram.next()).toMatchObject({ clients: 1 });

    bram.send({ type: 'unsubscribe', topics: ['room-1'] });
    await bram.expectNothingMore();
    expect(server.stats().topics).toBe(0);
  });

  // Not one of the rules: y-webrtc connects to whatever URL the member configured.
  it('accepts WebSocket connections on any path', async () => {
    const server = await start();
    const anna = await TestClient.connect(`${server.url}/some/room/path?x=1`);
    await anna.expectNothingMore();
  });
});

describe('hostile and broken input', () => {
  it('SP5: closes a socket that sends an oversized message with 1009 and keeps serving others', async () => {
    const server = await start({ maxMessageBytes: 1024 });
    const anna = await TestClient.connect(server.url);
    const bram = await TestClient.connect(server.url);
    anna.send({ type: 'subscribe', topics: ['room-1'] });
    bram.send({ type: 'subscribe', topics: ['room-1'] });
    await anna.expectNothingMore();
    await bram.expectNothingMore();

    bram.send({ type: 'publish', topic: 'room-1', data: 'x'.repeat(2000) });
    expect(await within(bram.closed, 'close')).toBe(1009);
    await expect.poll(() => server.stats().connections).toBe(1);

    anna.send({ type: 'publish', topic: 'room-1', data: 'still here' });
    expect(await anna.next()).toStrictEqual({
      type: 'publish',
      topic: 'room-1',
      data: 'still here',
      clients: 1,
    });
    const carl = await TestClient.connect(server.url);
    await carl.expectNothingMore();
  });

  it('SP6: drops malformed messages without closing any socket and keeps relaying', async () => {
    const server = await start();
    const anna = await TestClient.connect(server.url);
    const bram = await TestClient.connect(server.url);
    anna.send({ type: 'subscribe', topics: ['room-1'] });
    bram.send({ type: 'subscribe', topics: ['room-1'] });
    await bram.expectNothingMore();

    const malformed: (string | Buffer)[] = [
      'not json at all',
      '{"type":"publish","topic":"room-1","data":',
      '[{"type":"publish","topic":"room-1","data":"x"}]',
      '"publish"',
      'null',
      '{"type":"shout","topic":"room-1","data":"x"}',
      '{"type":"subscribe","topics":[1,2]}',
      '{"type":"subscribe","topics":"room-1"}',
      JSON.stringify({ type: 'subscribe', topics: ['x'.repeat(5000)] }),
      JSON.stringify({ type: 'publish', topic: 'x'.repeat(5000), data: 'x' }),
      `{"type":"publish","topic":"room-1","data":${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
      Buffer.from('{"type":"ping"}'),
    ];
    for (const frame of malformed) anna.sendRaw(frame);
    anna.send({ type: 'publish', topic: 'room-1', data: 'valid' });

    const relayed = { type: 'publish', topic: 'room-1', data: 'valid', clients: 2 };
    expect(await bram.next()).toStrictEqual(relayed);
    expect(await anna.next()).toStrictEqual(relayed);
    expect(server.stats().droppedMessages).toBe(malformed.length);
    expect(anna.ws.readyState).toBe(WebSocket.OPEN);
    expect(bram.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('SP6: relays only the known fields of a publish, never extra ones the sender added', async () => {
    const server = await start();
    const anna = await TestClient.connect(server.url);
    anna.send({ type: 'subscribe', topics: ['room-1'] });
    anna.send({ type: 'publish', topic: 'room-1', data: 1, clients: 99, note: 'x' });
    expect(await anna.next()).toStrictEqual({
      type: 'publish',
      topic: 'room-1',
      data: 1,
      clients: 1,
    });
  });

  it('SP8: never logs message contents or topic names', async () => {
    const server = await start({ maxMessageBytes: 1024 });
    const anna = await TestClient.connect(server.url);
    const bram = await TestClient.connect(server.url);
    anna.send({ type: 'subscribe', topics: ['secret-room'] });
    anna.sendRaw('{"type":"secret-type","data":"secret-data"}');
    bram.send({ type: 'publish', topic: 'secret-room', data: 'secret-data' });
    anna.send({ type: 'publish', topic: 'secret-room', data: 'secret-data' });
    await anna.next();
    anna.close();
    bram.send({ type: 'publish', topic: 'x', data: 'secret-data'.repeat(200) });
    await within(bram.closed, 'close');
    await expect.poll(() => server.stats().connections).toBe(0);

    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(line).not.toMatch(/secret|127\.0\.0\.1/);
  });

  it('SP9: refuses WebSocket connections beyond maxConnections with a 503', async () => {
    const server = await start({ maxConnections: 1 });
    const anna = await TestClient.connect(server.url);
    await expect(TestClient.connect(server.url)).rejects.toThrow(/503/);
    await anna.expectNothingMore();
  });

  it('SP12: terminates a connection at its first message beyond the rate limit, and only that one', async () => {
    let clock = 0;
    const server = await start({ rateLimit: { burst: 20, perSecond: 10 }, now: () => clock });
    const anna = await TestClient.connect(server.url);
    const flooder = await TestClient.connect(server.url);
    // A burst within the limit is served; time refills it at the given rate.
    for (let i = 0; i < 20; i += 1) anna.send({ type: 'ping' });
    for (let i = 0; i < 20; i += 1) expect(await anna.next()).toStrictEqual({ type: 'pong' });
    clock += 1000; // ten more
    for (let i = 0; i < 10; i += 1) anna.send({ type: 'ping' });
    for (let i = 0; i < 10; i += 1) expect(await anna.next()).toStrictEqual({ type: 'pong' });

    for (let i = 0; i < 21; i += 1) flooder.send({ type: 'ping' });
    expect(await within(flooder.closed, 'close')).toBe(1006); // terminated: no close frame
    expect(server.stats().terminated.rate_limit).toBe(1);
    clock += 1000;
    anna.send({ type: 'ping' });
    expect(await anna.next()).toStrictEqual({ type: 'pong' });
  });
});

describe('liveness', () => {
  it('SP7: answers a ping with a pong', async () => {
    const server = await start();
    const anna = await TestClient.connect(server.url);
    anna.send({ type: 'ping' });
    expect(await anna.next()).toStrictEqual({ type: 'pong' });
  });

  it('SP7: terminates a silent client that does not answer pings within pingTimeoutMs', async () => {
    const server = await start({ pingTimeoutMs: 300 });
    const silent = await TestClient.connect(server.url, { autoPong: false });
    expect(await within(silent.closed, 'close')).toBe(1006);
    expect(silent.pings).toBeGreaterThanOrEqual(1);
    await expect.poll(() => server.stats().connections).toBe(0);
  });

  it('SP7: keeps a quiet client that answers the server pings', async () => {
    const server = await start({ pingTimeoutMs: 200 });
    const quiet = await TestClient.connect(server.url);
    await quiet.waitForPings(4); // three liveness checks found it alive after a ping
    expect(quiet.ws.readyState).toBe(WebSocket.OPEN);
    await quiet.expectNothingMore();
  });
});

describe('HTTP', () => {
  it('SP10: answers /health with counts only', async () => {
    const server = await start();
    const anna = await TestClient.connect(server.url);
    const bram = await TestClient.connect(server.url);
    anna.send({ type: 'subscribe', topics: ['secret-room-a', 'secret-room-b'] });
    bram.send({ type: 'subscribe', topics: ['secret-room-a'] });
    await anna.expectNothingMore();
    await bram.expectNothingMore();

    const response = await fetch(`${server.httpUrl}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    expect(text).not.toContain('secret');
    expect(JSON.parse(text)).toStrictEqual({
      ok: true,
      connections: 2,
      topics: 2,
      uptimeSeconds: expect.any(Number),
    });
  });

  it('SP11: answers other paths with 404 when there is no static folder', async () => {
    const server = await start();
    expect((await rawGet(server, '/index.html')).status).toBe(404);
  });

  it('SP11: refuses methods other than GET and HEAD', async () => {
    const server = await start();
    const response = await fetch(`${server.httpUrl}/health`, { method: 'POST' });
    expect(response.status).toBe(405);
  });

  describe('with a static folder', () => {
    let root: string;
    let server: RunningServer;

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'kring-static-'));
      const publicDir = join(root, 'public');
      await mkdir(join(publicDir, 'assets'), { recursive: true });
      await writeFile(join(publicDir, 'index.html'), INDEX_HTML);
      await writeFile(join(publicDir, 'assets', 'panel.js'), 'console.log(1);');
      await writeFile(join(publicDir, 'assets', 'panel.css'), 'body{background:url(icon.svg)}');
      await writeFile(join(publicDir, 'assets', 'icon.svg'), '<svg/>');
      // The rest of an extension build: never served.
      await writeFile(join(publicDir, 'manifest.json'), '{"manifest_version":3}');
      await writeFile(join(publicDir, 'background.js'), 'chrome.runtime;');
      await writeFile(join(publicDir, 'assets', 'unused.js'), 'unused();');
      await writeFile(join(publicDir, '.env'), 'HIDDEN=1');
      await writeFile(join(root, 'secret.txt'), 'outside the static folder');
      await symlink(join(root, 'secret.txt'), join(publicDir, 'link.txt'));
    });

    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
    });

    // Each test gets its own server (the afterEach above closes it).
    const serve = async (): Promise<RunningServer> => {
      server = await start({ staticDir: join(root, 'public') });
      return server;
    };

    it.each([
      ['/', 'text/html; charset=utf-8', INDEX_HTML],
      ['/index.html', 'text/html; charset=utf-8', INDEX_HTML],
      ['/assets/panel.js', 'text/javascript; charset=utf-8', 'console.log(1);'],
      ['/assets/panel.css?v=2', 'text/css; charset=utf-8', 'body{background:url(icon.svg)}'],
      ['/assets/icon.svg', 'image/svg+xml', '<svg/>'],
    ])('SP11: serves %s with its content type and nosniff', async (path, type, body) => {
      const response = await rawGet(await serve(), path);
      expect(response).toMatchObject({ status: 200, body });
      expect(response.headers['content-type']).toBe(type);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it.each([
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..\\secret.txt',
      '/link.txt',
      '/.env',
      '/missing.html',
      '/%zz',
      '/index.html%00.js',
      '/manifest.json',
      '/background.js',
      '/assets/unused.js',
      '/assets/',
    ])('SP11: refuses %s with 404', async (path) => {
      const response = await rawGet(await serve(), path);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('outside the static folder');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('SP10: still upgrades WebSockets and answers /health beside the static folder', async () => {
      const running = await serve();
      const anna = await TestClient.connect(running.url);
      await anna.expectNothingMore();
      expect((await rawGet(running, '/health')).status).toBe(200);
    });
  });
});

// Not protocol rules: the server's lifecycle as the CLI and the tests use it.
describe('close()', () => {
  it('terminates connected clients, resolves, and frees the port', async () => {
    const server = await startSignalingServer({ port: 0 });
    const anna = await TestClient.connect(server.url);
    await server.close();
    expect(await within(anna.closed, 'close')).toBe(1006);
    await server.close(); // a second close is harmless

    const again = await start({ port: server.port });
    expect(again.port).toBe(server.port);
  });

  it('rejects when the port is taken', async () => {
    const server = await start();
    await expect(startSignalingServer({ port: server.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
