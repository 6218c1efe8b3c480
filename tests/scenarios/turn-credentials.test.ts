import wrtc from '@roamhq/wrtc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCompanionIce } from '../../lib/connection/ice-config';
import type { IceServer } from '../../lib/invite/ice-servers';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { turnCredential } from '../../server/ice-endpoint';
import { CoturnProcess } from '../helpers/coturn-process';

/**
 * The TURN passwords the companion hands out at /ice work with a real coturn configured with
 * `use-auth-secret` (Debian's, on loopback): a connection restricted to relays gathers a relay
 * candidate with them, and gets none with a password made from another secret or expired.
 */
describe('TURN credentials from /ice on a real coturn', () => {
  let turn: CoturnProcess;
  let companion: RunningServer;

  beforeAll(async () => {
    turn = await CoturnProcess.start();
    companion = await startSignalingServer({
      port: 0,
      ice: { stunUrls: [], turnUrls: [turn.url], turnSecret: turn.secret, turnTtlSeconds: 600 },
    });
  });

  afterAll(async () => {
    await companion?.close();
    await turn?.stop();
  });

  it('gathers a relay candidate with the password /ice handed out', async () => {
    const response = await fetch(`${companion.httpUrl}/ice`);
    const { servers } = readCompanionIce(await response.json());
    expect(servers).toHaveLength(1);
    const candidates = await relayCandidates(servers);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((c) => / typ relay /.test(c))).toBe(true);
    expect(turn.allocations()).toContain(servers[0]?.username);
  });

  it('is refused with a password from another secret, or one that has expired', async () => {
    const refusedBefore = turn.refusedAllocations();
    // Another expiry than /ice's, so that the log tells the two users apart.
    const expiry = Math.floor(Date.now() / 1000) + 1234;
    const wrong = turnCredential('not-the-secret-of-this-coturn', expiry);
    expect(await relayCandidates([{ urls: turn.url, ...wrong }])).toEqual([]);
    const expired = turnCredential(turn.secret, Math.floor(Date.now() / 1000) - 60);
    expect(await relayCandidates([{ urls: turn.url, ...expired }])).toEqual([]);
    expect(turn.refusedAllocations()).toBeGreaterThan(refusedBefore);
    expect(turn.allocations()).not.toContain(wrong.username);
    expect(turn.allocations()).not.toContain(expired.username);
  });
});

/** The candidates a relay-only connection gathers with these servers, until gathering ends. */
async function relayCandidates(iceServers: IceServer[]): Promise<string[]> {
  const pc = new wrtc.RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
  const found: string[] = [];
  try {
    const done = new Promise<void>((resolve) => {
      pc.onicecandidate = (event) => {
        if (event.candidate) found.push(event.candidate.candidate);
        else resolve();
      };
    });
    pc.createDataChannel('probe');
    await pc.setLocalDescription(await pc.createOffer());
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    return found;
  } finally {
    pc.close();
  }
}
