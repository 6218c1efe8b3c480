import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { openRawWebSocket } from './helpers/raw-socket';
import type { RawSocket } from './helpers/raw-socket';

/**
 * SP13 measured as the probe did: the companion in its own process (server/main.ts with
 * its environment), two subscribers that stop reading but keep sending unasked pongs, and
 * publishers well within the rate limit. Its resident memory is read from /proc. The probe grew
 * the server from 171 MB to 2,152 MB in 24 s; a control run with the cap out of reach shows the
 * same growth here, so the test can tell the two apart.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const PUBLISH_BYTES = 512 * 1024;
const PUBLISHES_PER_SECOND = 15; // per publisher; the rate limit allows 100
const RUN_MS = 5_000;

const children: ChildProcess[] = [];
const sockets: { close(): void }[] = [];

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

/** Starts server/main.ts with this environment and resolves with its process and port. */
async function startCompanion(env: Record<string, string>): Promise<{ pid: number; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, KRING_PORT: '0', KRING_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the companion did not start in 15 s')),
      15_000,
    );
    lines.on('line', (line) => {
      const event = JSON.parse(line) as { msg?: string; url?: string };
      if (event.msg !== 'listening') return;
      clearTimeout(timer);
      resolvePort(Number(new URL(event.url ?? '').port));
    });
    child.once('exit', (code) => reject(new Error(`the companion exited (${code})`)));
  });
  return { pid: child.pid!, port };
}

/** A publisher that reads (and drops) everything it gets back. */
async function publisher(port: number): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  sockets.push(ws);
  await new Promise<void>((done, reject) => {
    ws.once('open', () => done());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'subscribe', topics: ['room'] }));
  return ws;
}

async function slowReader(port: number): Promise<RawSocket> {
  const { status, raw } = await openRawWebSocket(port);
  sockets.push({ close: () => raw.destroy() });
  expect(status).toBe(101);
  raw.sendFrame(0x1, JSON.stringify({ type: 'subscribe', topics: ['room'] }));
  raw.pause();
  return raw;
}

/** Runs the probe against a companion with this environment; the most RSS grew, and whether the slow readers were cut off. */
async function probe(env: Record<string, string>) {
  const { pid, port } = await startCompanion({ KRING_MAX_MESSAGE_BYTES: '600000', ...env });
  const slow = await Promise.all([slowReader(port), slowReader(port)]);
  const publishers = await Promise.all([publisher(port), publisher(port)]);
  const pongs = setInterval(() => {
    for (const reader of slow) reader.sendFrame(0xa, 'still here');
  }, 100);
  await new Promise((done) => setTimeout(done, 300));
  const baseline = rssBytes(pid);
  let peak = baseline;
  const data = 'x'.repeat(PUBLISH_BYTES);
  const frame = JSON.stringify({ type: 'publish', topic: 'room', data });
  const publishing = setInterval(() => {
    for (const ws of publishers) if (ws.readyState === WebSocket.OPEN) ws.send(frame);
    peak = Math.max(peak, rssBytes(pid));
  }, 1000 / PUBLISHES_PER_SECOND);
  await new Promise((done) => setTimeout(done, RUN_MS));
  clearInterval(publishing);
  clearInterval(pongs);
  peak = Math.max(peak, rssBytes(pid));

  // Reading again, a socket the server terminated drains what the kernel held, then ends.
  const ended = await Promise.all(
    slow.map((reader) => {
      reader.resume();
      return Promise.race([
        reader.ended.then(() => true),
        new Promise<boolean>((done) => setTimeout(() => done(false), 3_000)),
      ]);
    }),
  );
  const publishersOpen = publishers.every((ws) => ws.readyState === WebSocket.OPEN);
  return { baseline, growth: peak - baseline, ended, publishersOpen };
}

const MB = 1024 * 1024;

describe.runIf(existsSync('/proc/self/status'))('SP13 server memory with slow readers', () => {
  it('SP13: keeps the companion within a few MB while two subscribers stop reading, where the uncapped server grows by the data it holds', async () => {
    const capped = await probe({});
    const control = await probe({ KRING_MAX_BUFFERED_BYTES: String(1e12) });
    const published = (2 * PUBLISHES_PER_SECOND * RUN_MS * PUBLISH_BYTES) / 1000;
    console.log(
      `slow readers, ${Math.round(published / MB)} MB published per reader in ${RUN_MS / 1000} s: ` +
        `RSS +${Math.round(capped.growth / MB)} MB with the 1 MiB cap ` +
        `(from ${Math.round(capped.baseline / MB)} MB), ` +
        `+${Math.round(control.growth / MB)} MB without it`,
    );
    expect(capped.ended).toStrictEqual([true, true]);
    expect(capped.publishersOpen).toBe(true);
    expect(capped.growth).toBeLessThan(40 * MB);
    // The control proves the measurement: the same load without the cap holds the data.
    expect(control.ended).toStrictEqual([false, false]);
    expect(control.growth).toBeGreaterThan(72 * MB);
  }, 60_000);
});
