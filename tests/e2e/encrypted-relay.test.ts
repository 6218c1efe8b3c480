import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { parseInvite } from '../../lib/invite/invite';
import { deriveRoomKeys, roomCryptoKey } from '../../lib/invite/room-name';
import { readLobby } from '../../lib/shared-doc/lobby';
import { openPayload } from '../helpers/frame-tap';
import { EXTENSION_DIR, recordWebSocketFrames } from './helpers/member-browser';
import {
  connectOnlyThroughServer,
  currentPhase,
  joinGroup,
  letIn,
  membersInACall,
  startGroup,
} from './helpers/panel';

const MEET_URL = 'https://meet.google.com/rel-ayon-lyx';
/** Names and texts with spaces: base64 ciphertext has none, so a match can only be plaintext. */
const GROUP = 'Wijkteam Zuid West';
const ANNA = 'Anna de Vries';
const BRAM = 'Bram van Dijk';
const QUESTION = `Hoe houd ik de regie ${randomBytes(6).toString('hex')} als iedereen meepraat?`;

/**
 * Issue 12, "an end-to-end encrypted relay fallback", as two members meet it: both chose "Only
 * connect through the server" and their companion has no TURN server, so no WebRTC connection
 * between them is possible at all. The meeting still runs (a work question, a phase change),
 * through the companion's encrypted relay; the member list says each is reached through the
 * server; and every WebSocket frame either panel sent or received (the companion's whole view
 * of them) holds no name, group name or question, while relayed frames, readable with the
 * group's key, were there.
 */
describe('two members with no direct path meet through the encrypted relay', () => {
  // No `ice` option: the companion hands out no STUN or TURN server at /ice.
  const call = membersInACall(2, { callUrl: MEET_URL, server: { staticDir: EXTENSION_DIR } });
  let anna: Page;
  let bram: Page;

  beforeAll(async () => {
    [anna, bram] = call.panels as [Page, Page];
    for (const panel of call.panels) await connectOnlyThroughServer(panel);
  });

  it('runs a work question and a phase change as ciphertext through the companion', async () => {
    const annaFrames = await recordWebSocketFrames(anna);
    const bramFrames = await recordWebSocketFrames(bram);

    const code = await startGroup(anna, GROUP, ANNA);
    await anna.getByRole('button', { name: 'Start the meeting as chair' }).click();
    await expect.poll(() => currentPhase(anna).textContent()).toBe('Inventory');

    await joinGroup(bram, code, BRAM);
    await letIn(anna, BRAM);
    await expect
      .poll(() => currentPhase(bram).textContent(), { timeout: 60_000 })
      .toBe('Inventory');

    // The chair sees at a glance that Bram is reached through the server, and Bram the same.
    const present = (panel: Page) => panel.getByRole('list', { name: 'Present' });
    await expect
      .poll(() => present(anna).textContent(), { timeout: 30_000 })
      .toContain(`${BRAM} (member) via server`);
    await expect
      .poll(() => present(bram).textContent(), { timeout: 30_000 })
      .toContain(`${ANNA} (chair) via server`);
    await expect
      .poll(() => anna.getByTestId('connection').textContent())
      .toBe('Connected to 1 member. 1 of them through the server, encrypted.');

    await bram.getByRole('textbox', { name: 'Your work question' }).fill(QUESTION);
    await bram.getByRole('button', { name: 'Add work question' }).click();
    await expect
      .poll(() => anna.locator('main').textContent(), { timeout: 30_000 })
      .toContain(QUESTION);
    await anna.getByRole('button', { name: 'Next phase' }).click();
    await expect.poll(() => currentPhase(bram).textContent(), { timeout: 30_000 }).toBe('Analysis');

    // The companion's view: every frame both panels sent and received.
    const frames = [...annaFrames.frames, ...bramFrames.frames];
    expect(frames.length).toBeGreaterThan(0);
    for (const text of [QUESTION, GROUP, ANNA, BRAM, code]) {
      expect(
        frames.filter((frame) => frame.includes(text)),
        `frames with "${text}"`,
      ).toEqual([]);
    }

    // Positive control: relayed frames were among them, readable with the group's keys only.
    const invite = parseInvite(code);
    if (!invite.ok) throw new Error('the invite shown must parse');
    const keys = await roomKeys(anna, invite.invite.secret);
    let relayed = 0;
    for (const frame of frames) {
      const message: unknown = JSON.parse(frame);
      if (!isPublish(message)) continue;
      const key = keys.get(message.topic);
      const payload = key ? await openPayload(message.data, key) : null;
      if (isRecord(payload) && payload.type === 'relay') relayed++;
    }
    expect(relayed).toBeGreaterThan(10);
  });
});

/** The AES-GCM keys of the group's lobby and running meeting rooms, by room name (topic). */
async function roomKeys(panel: Page, secret: Uint8Array): Promise<Map<string, CryptoKey>> {
  const dump = await panel.evaluate(() => globalThis.kringDiagnostics?.sharedState() ?? null);
  if (!dump?.lobby) throw new Error('the panel exposes its lobby');
  const lobby = new Y.Doc();
  Y.applyUpdate(lobby, Buffer.from(dump.lobby, 'base64'));
  const meetingId = readLobby(lobby).current?.meetingId;
  if (!meetingId) throw new Error('the lobby names the meeting');
  const rooms = await Promise.all([
    deriveRoomKeys(secret, { kind: 'lobby' }),
    deriveRoomKeys(secret, { kind: 'meeting', meetingId }),
  ]);
  return new Map(
    await Promise.all(
      rooms.map(async (r) => [r.roomName, await roomCryptoKey(r.password, r.roomName)] as const),
    ),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isPublish(value: unknown): value is { topic: string; data: string } {
  return (
    isRecord(value) &&
    value.type === 'publish' &&
    typeof value.topic === 'string' &&
    typeof value.data === 'string'
  );
}
