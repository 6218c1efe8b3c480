import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';

/**
 * Two pages of one browser in the same room reach each other over the BroadcastChannel, not
 * WebRTC. The y-webrtc patch sends the whole document on the channel only to a page that says
 * it is there (its peer id), no longer at every connect (issue 15: the encode held up a
 * reloaded panel's board). Both pages must still end up with everything: each one's content
 * reaches the other, whichever came first. The other page is a worker thread here.
 */
const WORKER = resolve(import.meta.dirname, '../../helpers/bc-room-worker.mjs');

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

/** A room in this thread with one entry of its own; no signaling server, so the channel only. */
function page(room: string, password: string, value: string) {
  const doc = new Y.Doc();
  doc.getMap('written').set('main', value);
  const provider = new WebrtcProvider(room, doc, { signaling: [], password });
  open.push(async () => provider.destroy());
  return doc;
}

/** The other page, in a worker thread; resolves with what it holds once `done` says so. */
function otherPage(room: string, password: string, value: string) {
  const worker = new Worker(WORKER, { workerData: { room, password, value } });
  let written: Record<string, unknown> = {};
  worker.on('message', (message: { written: Record<string, unknown> }) => {
    written = message.written;
  });
  open.push(async () => {
    worker.postMessage('close');
    await worker.terminate();
  });
  return {
    holds: () => {
      worker.postMessage('report');
      return written;
    },
  };
}

describe("pages of one browser in a room (y-webrtc's BroadcastChannel, patched)", () => {
  it('give each other their whole documents when the second page comes', async () => {
    const room = `bc-${Math.random().toString(36).slice(2)}`;
    const doc = page(room, 'bc-password', 'from the first page');
    const other = otherPage(room, 'bc-password', 'from the second page');
    await expect
      .poll(() => doc.getMap('written').get('worker'), { timeout: 10_000 })
      .toBe('from the second page');
    await expect.poll(() => other.holds().main, { timeout: 10_000 }).toBe('from the first page');
  });

  it('give each other their whole documents when the first page is the one in the worker', async () => {
    const room = `bc-${Math.random().toString(36).slice(2)}`;
    const other = otherPage(room, 'bc-password', 'from the second page');
    await expect.poll(() => other.holds().worker, { timeout: 10_000 }).toBe('from the second page');
    const doc = page(room, 'bc-password', 'from the first page');
    await expect
      .poll(() => doc.getMap('written').get('worker'), { timeout: 10_000 })
      .toBe('from the second page');
    await expect.poll(() => other.holds().main, { timeout: 10_000 }).toBe('from the first page');
  });
});
