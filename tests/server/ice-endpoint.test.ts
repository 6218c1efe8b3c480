import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  iceOptionsProblem,
  iceOriginAllowed,
  iceResponse,
  turnCredential,
} from '../../server/ice-endpoint';
import type { IceOptions } from '../../server/ice-endpoint';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { readCompanionIce } from '../../lib/connection/ice-config';

const SECRET = 'a-long-enough-turn-secret';
const ICE: IceOptions = {
  stunUrls: ['stun:turn.example.org:3478'],
  turnUrls: [
    'turn:turn.example.org:3478?transport=udp',
    'turns:turn.example.org:443?transport=tcp',
  ],
  turnSecret: SECRET,
  turnTtlSeconds: 3600,
};
const EXTENSION = 'chrome-extension://opghfajjickimnmcgfiamgepgbpidgnb';

describe('TURN credentials (TURN REST, as coturn checks them with use-auth-secret)', () => {
  it('names the expiry in the username and signs it with the secret', () => {
    const { username, credential } = turnCredential(SECRET, 1_700_003_600);
    expect(username).toBe('1700003600:kring');
    expect(credential).toBe(createHmac('sha1', SECRET).update(username).digest('base64'));
    expect(turnCredential('another-secret-entirely', 1_700_003_600).credential).not.toBe(
      credential,
    );
  });

  it('hands out STUN as it is and TURN with credentials valid for the lifetime', () => {
    const body = iceResponse(ICE, 1_700_000_000_123);
    expect(body.ttlSeconds).toBe(3600);
    expect(body.iceServers[0]).toEqual({ urls: ['stun:turn.example.org:3478'] });
    expect(body.iceServers[1]).toMatchObject({ urls: ICE.turnUrls, username: '1700003600:kring' });
    // What the panel reads back is the same servers, each address on its own.
    expect(readCompanionIce(JSON.parse(JSON.stringify(body))).servers).toHaveLength(3);
  });

  it('hands out nothing without the option, and no TURN without a secret', () => {
    expect(iceResponse(undefined, 0)).toEqual({ iceServers: [], ttlSeconds: null });
    const { turnSecret: _, ...noSecret } = ICE;
    expect(iceResponse(noSecret, 0)).toEqual({
      iceServers: [{ urls: ICE.stunUrls }],
      ttlSeconds: null,
    });
  });
});

describe('the ice option at start-up', () => {
  it.each([
    ['fine', ICE, null],
    ['a turn address among the STUN ones', { ...ICE, stunUrls: ['turn:x.example.org'] }, /stun:/],
    ['an http address as TURN', { ...ICE, turnUrls: ['https://x.example.org'] }, /turn:/],
    ['TURN without a secret', { ...ICE, turnSecret: undefined }, /KRING_TURN_SECRET/],
    ['a short secret', { ...ICE, turnSecret: 'short' }, /16 characters/],
    ['a lifetime of 5 seconds', { ...ICE, turnTtlSeconds: 5 }, /lifetime/],
    ['a lifetime of a year', { ...ICE, turnTtlSeconds: 365 * 86_400 }, /lifetime/],
  ])('%s', (_, options, problem) => {
    const found = iceOptionsProblem(options);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});

describe('which pages may read /ice', () => {
  it.each([
    [undefined, true],
    [EXTENSION, true],
    ['moz-extension://0a1b2c3d-0000-4000-8000-00112233aabb', true],
    ['http://127.0.0.1:4444', true],
    ['https://evil.example', false],
    ['chrome-extension://not-an-id', false],
    ['null', false],
  ])('%j: %j', (origin, allowed) => {
    expect(iceOriginAllowed(origin, '127.0.0.1:4444')).toBe(allowed);
  });
});

describe('GET /ice on the companion', () => {
  let server: RunningServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it("answers the extension's page with fresh credentials it may read (CORS), never cached", async () => {
    server = await startSignalingServer({ port: 0, ice: ICE });
    const before = Math.floor(Date.now() / 1000);
    const response = await fetch(`${server.httpUrl}/ice`, { headers: { Origin: EXTENSION } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(EXTENSION);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body: unknown = await response.json();
    const read = readCompanionIce(body);
    const turn = read.servers.find((s) => s.urls.startsWith('turn:'));
    const expiry = Number(turn?.username?.split(':')[0]);
    expect(expiry).toBeGreaterThanOrEqual(before + 3600);
    expect(expiry).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 3600);
    expect(turn?.credential).toBe(
      createHmac('sha1', SECRET)
        .update(turn?.username ?? '')
        .digest('base64'),
    );
  });

  it('refuses another web page, and hands out an empty list without the option', async () => {
    server = await startSignalingServer({ port: 0, ice: ICE });
    const evil = await fetch(`${server.httpUrl}/ice`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(await evil.text()).not.toContain('kring');
    await server.close();
    server = await startSignalingServer({ port: 0 });
    const none = await fetch(`${server.httpUrl}/ice`);
    expect(await none.json()).toEqual({ iceServers: [], ttlSeconds: null });
  });
});
