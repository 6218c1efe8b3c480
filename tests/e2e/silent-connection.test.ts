import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { NodeMember } from '../helpers/node-member';
import { meetingWithNodeMember, membersInACall } from './helpers/panel';

const MEET_URL = 'https://meet.google.com/sti-lver-bnd';
const FIRST = 'Een collega die vergaderingen overneemt';
const SECOND = 'Een ouder die steeds boos belt';

/**
 * Before the panel opens any connection: every data channel it makes or is given is noted, so
 * that `goDeaf` can stop reading them (as a connection that stays open and carries nothing).
 */
async function noteChannels(panel: Page): Promise<void> {
  await panel.evaluate(() => {
    const scope = window as unknown as {
      RTCPeerConnection: typeof RTCPeerConnection;
      kringChannels?: Set<RTCDataChannel>;
    };
    const channels = new Set<RTCDataChannel>();
    scope.kringChannels = channels;
    const Platform = scope.RTCPeerConnection;
    scope.RTCPeerConnection = class extends Platform {
      constructor(config?: RTCConfiguration) {
        super(config);
        this.addEventListener('datachannel', (event) => channels.add(event.channel));
      }
      override createDataChannel(label: string, init?: RTCDataChannelInit): RTCDataChannel {
        const channel = super.createDataChannel(label, init);
        channels.add(channel);
        return channel;
      }
    };
  });
}

/** How many of the panel's data channels are open now. */
async function openChannels(panel: Page): Promise<number> {
  return panel.evaluate(() => {
    const channels = (window as unknown as { kringChannels: Set<RTCDataChannel> }).kringChannels;
    return [...channels].filter((channel) => channel.readyState === 'open').length;
  });
}

/** How many of the channels `goDeaf` stopped reading are still open. */
async function deafOpen(panel: Page): Promise<number> {
  return panel.evaluate(() => {
    const deaf = (window as unknown as { kringDeaf?: Set<RTCDataChannel> }).kringDeaf;
    return [...(deaf ?? [])].filter((channel) => channel.readyState === 'open').length;
  });
}

/** From now on the panel reads nothing that arrives on its channels open now; how many. */
async function goDeaf(panel: Page): Promise<number> {
  return panel.evaluate(() => {
    const scope = window as unknown as {
      kringChannels: Set<RTCDataChannel>;
      kringDeaf?: Set<RTCDataChannel>;
    };
    const deaf = new Set<RTCDataChannel>();
    scope.kringDeaf = deaf;
    for (const channel of scope.kringChannels) {
      if (channel.readyState !== 'open') continue;
      // The panel's connection reads its channel's onmessage: nothing reaches it any more.
      channel.onmessage = null;
      deaf.add(channel);
    }
    return deaf.size;
  });
}

/**
 * A connection can stay open on both sides and carry nothing: seen in a bench run, a Node
 * member's channel to one panel for four minutes, while it went on counting that panel as
 * reached. Here Anna's panel (the extension, in its own Chromium profile) stops reading every
 * channel it has; Bram (a Node member) writes a work question; it must reach her all the same,
 * over connections her panel makes anew (lib/connection/liveness.ts). Then the other way round:
 * Bram's connections go deaf, his member replaces them with fresh offers, and Anna's panel must
 * take an offer over a connection it still has open.
 */
describe('a connection that carries nothing, with a panel', () => {
  const call = membersInACall(1, { callUrl: MEET_URL });
  let bram: NodeMember | null = null;

  afterAll(async () => {
    await bram?.close();
  });

  it('is made again from either end, and what was written meanwhile arrives', async () => {
    const [anna] = call.panels as [Page];
    await noteChannels(anna);
    const meeting = await meetingWithNodeMember(anna, call.server.url, {
      group: 'Team Stil',
      chair: 'Anna',
      memberId: 'bram-000002',
      member: 'Bram',
    });
    bram = meeting.member;
    const board = () => anna.locator('main').textContent();

    // Anna's panel hears nothing more: the lobby's and the meeting's channels to Bram.
    await expect.poll(() => openChannels(anna), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(await goDeaf(anna)).toBeGreaterThanOrEqual(2);
    expect(await bram.command({ type: 'pitch', text: FIRST })).toEqual({ ok: true });
    await expect.poll(board, { timeout: 60_000, interval: 500 }).toContain(FIRST);
    // Her panel closed every deaf connection, and is connected to Bram directly again.
    await expect.poll(() => deafOpen(anna), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => openChannels(anna), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);

    // Now Bram's member hears nothing more on its channels (the new ones): his offers replace
    // connections Anna's panel still holds open.
    expect(Number((await bram.command({ type: 'go-deaf' })).detail)).toBeGreaterThanOrEqual(2);
    expect(await bram.command({ type: 'pitch', text: SECOND })).toEqual({ ok: true });
    await expect.poll(board, { timeout: 10_000 }).toContain(SECOND);
    await anna.getByRole('button', { name: `Confirm as case: ${FIRST}` }).click();
    await bram.until((s) => s.meeting?.casePitchId != null, 60_000);
    const stillDeaf = async () => Number((await bram!.command({ type: 'deaf-open' })).detail);
    await expect.poll(stillDeaf, { timeout: 60_000, interval: 1_000 }).toBe(0);
    await bram.until((s) => Object.values(s.links).includes('direct'), 30_000);
    // Over the connections made then, the chair's next phase is there at once.
    await anna.getByRole('button', { name: 'Next phase' }).click();
    await bram.until((s) => s.meeting?.phase.id === 'analysis', 10_000);
  }, 180_000);
});
