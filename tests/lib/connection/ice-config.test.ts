import { describe, expect, it } from 'vitest';
import {
  fetchCompanionIce,
  icePeerOpts,
  iceUrlFor,
  readCompanionIce,
} from '../../../lib/connection/ice-config';
import { MAX_ICE_SERVERS } from '../../../lib/invite/ice-servers';

const TURN = { urls: 'turn:turn.example.org:3478', username: '1:kring', credential: 'pw' };
const STUN = { urls: 'stun:stun.example.org' };

describe("a room's connection servers", () => {
  it('passes an explicit empty list when nobody set servers, so simple-peer asks no third party', () => {
    expect(icePeerOpts({ companion: [], group: [], member: [] }, false)).toEqual({
      config: { iceServers: [], iceTransportPolicy: 'all' },
    });
  });

  it("uses the member's, the group's and the companion's servers, repeats once", () => {
    const own = { urls: 'stun:own.example.org' };
    expect(
      icePeerOpts({ companion: [STUN, TURN], group: [TURN], member: [own] }, false).config
        .iceServers,
    ).toEqual([own, TURN, STUN]);
  });

  it('goes only through relays when the member chose "only through the server"', () => {
    expect(
      icePeerOpts({ companion: [TURN], group: [], member: [] }, true).config.iceTransportPolicy,
    ).toBe('relay');
  });

  it(`keeps at most ${MAX_ICE_SERVERS}`, () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ urls: `stun:s${i}.example.org` }));
    expect(
      icePeerOpts({ companion: many, group: [], member: [] }, false).config.iceServers,
    ).toHaveLength(MAX_ICE_SERVERS);
  });
});

describe("the companion's /ice address", () => {
  it.each([
    ['wss://kring.example.org', 'https://kring.example.org/ice'],
    ['wss://zorg.example/kring', 'https://zorg.example/kring/ice'],
    ['ws://127.0.0.1:4444', 'http://127.0.0.1:4444/ice'],
    ['https://kring.example.org', null],
    ['not a url', null],
  ])('for %j is %j', (signaling, ice) => {
    expect(iceUrlFor(signaling)).toBe(ice);
  });
});

describe("reading the companion's answer", () => {
  it('keeps servers that pass and asks again before the passwords expire', () => {
    expect(
      readCompanionIce({
        iceServers: [{ urls: ['stun:stun.example.org', 'turn:x.example.org'] }, TURN],
        ttlSeconds: 3600,
      }),
    ).toEqual({ servers: [STUN, TURN], refreshAfterMs: 2_880_000 });
  });

  it.each([
    ['no body', undefined],
    ['a list', [TURN]],
    ['servers that are not a list', { iceServers: 'turn:x' }],
  ])('reads %s as no servers', (_, body) => {
    expect(readCompanionIce(body)).toEqual({ servers: [], refreshAfterMs: null });
  });

  it('does not ask again for a lifetime that is missing, absurd or too short', () => {
    for (const ttlSeconds of [undefined, -1, 10, Number.NaN, 'soon']) {
      expect(readCompanionIce({ iceServers: [TURN], ttlSeconds }).refreshAfterMs).toBeNull();
    }
    expect(readCompanionIce({ iceServers: [TURN], ttlSeconds: 1e12 }).refreshAfterMs).toBe(
      Math.floor(7 * 86_400_000 * 0.8),
    );
  });

  it('gives no servers when the companion has no /ice, fails, hangs or the panel gives up', async () => {
    const asked: string[] = [];
    const notFound = await fetchCompanionIce('wss://old.example.org', (url) => {
      asked.push(url);
      return Promise.resolve({ ok: false, json: () => Promise.resolve({}) });
    });
    expect(asked).toEqual(['https://old.example.org/ice']);
    expect(notFound.servers).toEqual([]);
    const failing = await fetchCompanionIce('wss://a.example.org', () =>
      Promise.reject(new TypeError('network')),
    );
    expect(failing.servers).toEqual([]);
    const garbage = await fetchCompanionIce('wss://a.example.org', () =>
      Promise.resolve({ ok: true, json: () => Promise.reject(new SyntaxError('not JSON')) }),
    );
    expect(garbage.servers).toEqual([]);
    // A companion that never answers: the fetch is aborted after the timeout.
    const hanging = await fetchCompanionIce(
      'wss://a.example.org',
      (_, init) =>
        new Promise((_resolve, reject) => {
          init.signal.addEventListener('abort', () => reject(init.signal.reason));
        }),
      undefined,
      20,
    );
    expect(hanging.servers).toEqual([]);
  });
});
