import { describe, expect, it } from 'vitest';
import {
  MAX_ICE_SERVERS,
  checkIceServer,
  decodeIceServers,
  formatIceServersText,
  iceInviteParam,
  inviteIceServers,
  mergeIceServers,
  parseIceServersText,
} from '../../../lib/invite/ice-servers';
import { createInvite, inviteLink, inviteServer, parseInvite } from '../../../lib/invite/invite';

describe('a connection server address', () => {
  it.each([
    ['stun:stun.example.org', 'stun:stun.example.org'],
    ['STUN:Stun.Example.ORG:3478', 'stun:stun.example.org:3478'],
    ['stun:192.0.2.7:19302', 'stun:192.0.2.7:19302'],
    ['stun:[2001:db8::1]:3478', 'stun:[2001:db8::1]:3478'],
  ])('accepts %j as %j', (url, urls) => {
    expect(checkIceServer(url)).toEqual({ ok: true, server: { urls } });
  });

  it.each([
    ['turn:turn.example.org', 'turn:turn.example.org'],
    ['turn:turn.example.org:3478?transport=UDP', 'turn:turn.example.org:3478?transport=udp'],
    ['turns:turn.example.org:443?transport=tcp', 'turns:turn.example.org:443?transport=tcp'],
  ])('accepts the relay %j with its username and password', (url, urls) => {
    expect(checkIceServer(url, '1700000000:kring', 'c2VjcmV0')).toEqual({
      ok: true,
      server: { urls, username: '1700000000:kring', credential: 'c2VjcmV0' },
    });
  });

  it.each([
    ['https://turn.example.org', 'scheme'],
    ['stuns:stun.example.org', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['stun:', 'host'],
    ['stun:user@stun.example.org', 'host'],
    ['stun:stun.example.org/path', 'host'],
    ['stun:stun example.org', 'host'],
    ['stun:-bad-.example.org', 'host'],
    ['stun:stun.example.org:0', 'port'],
    ['stun:stun.example.org:70000', 'port'],
    ['stun:stun.example.org:34a', 'port'],
    ['stun:stun.example.org?transport=udp', 'transport'],
    ['turn:turn.example.org?transport=sctp', 'transport'],
    [`stun:${'a'.repeat(300)}.org`, 'too-long'],
  ])('refuses %j (%s)', (url, error) => {
    expect(checkIceServer(url, 'u', 'p')).toEqual({ ok: false, error });
  });

  it('refuses a relay without both username and password: Chromium would refuse every connection', () => {
    expect(checkIceServer('turn:turn.example.org')).toEqual({ ok: false, error: 'credentials' });
    expect(checkIceServer('turns:turn.example.org', 'kring')).toEqual({
      ok: false,
      error: 'credentials',
    });
  });

  it('keeps no username or password for a stun: address', () => {
    expect(checkIceServer('stun:stun.example.org', 'u', 'p')).toEqual({
      ok: true,
      server: { urls: 'stun:stun.example.org' },
    });
  });
});

describe('a list of connection servers from outside', () => {
  it('reads RTCIceServer entries with one or several addresses, dropping bad ones one by one', () => {
    expect(
      decodeIceServers([
        {
          urls: ['stun:a.example.org', 'ftp://x', 'turn:t.example.org'],
          username: 'u',
          credential: 'p',
        },
        { urls: 'turn:nocreds.example.org' },
        'stun:not-an-object.example.org',
        { urls: 42 },
        null,
        { urls: 'stun:b.example.org' },
      ]),
    ).toEqual([
      { urls: 'stun:a.example.org' },
      { urls: 'turn:t.example.org', username: 'u', credential: 'p' },
      { urls: 'stun:b.example.org' },
    ]);
  });

  it.each([undefined, null, 'stun:x.example.org', {}, 7])('reads %j as none', (value) => {
    expect(decodeIceServers(value)).toEqual([]);
  });

  it(`keeps at most ${MAX_ICE_SERVERS}, and repeats once`, () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ urls: `stun:s${i % 20}.example.org` }));
    const decoded = decodeIceServers(many);
    expect(decoded).toHaveLength(MAX_ICE_SERVERS);
    expect(new Set(decoded.map((s) => s.urls)).size).toBe(MAX_ICE_SERVERS);
    expect(
      mergeIceServers([{ urls: 'stun:a.example.org' }], [{ urls: 'stun:a.example.org' }]),
    ).toEqual([{ urls: 'stun:a.example.org' }]);
  });
});

describe('the settings field', () => {
  it('reads one server a line, and writes the same text back', () => {
    const text =
      'stun:stun.example.org\n\n  turns:turn.example.org:443?transport=tcp  kring  s3cret  ';
    const parsed = parseIceServersText(text);
    expect(parsed).toEqual({
      ok: true,
      servers: [
        { urls: 'stun:stun.example.org' },
        {
          urls: 'turns:turn.example.org:443?transport=tcp',
          username: 'kring',
          credential: 's3cret',
        },
      ],
    });
    if (!parsed.ok) return;
    expect(formatIceServersText(parsed.servers)).toBe(
      'stun:stun.example.org\nturns:turn.example.org:443?transport=tcp kring s3cret',
    );
    expect(parseIceServersText('')).toEqual({ ok: true, servers: [] });
  });

  it('names the first wrong line and why', () => {
    expect(parseIceServersText('stun:a.example.org\nhttp://b.example.org')).toEqual({
      ok: false,
      line: 2,
      error: 'scheme',
    });
    expect(parseIceServersText('turn:a.example.org u p extra')).toEqual({
      ok: false,
      line: 1,
      error: 'credentials',
    });
    const tooMany = Array.from({ length: MAX_ICE_SERVERS + 1 }, (_, i) => `stun:s${i}.example.org`);
    expect(parseIceServersText(tooMany.join('\n'))).toEqual({
      ok: false,
      line: MAX_ICE_SERVERS + 1,
      error: 'too-many',
    });
    expect(parseIceServersText('x'.repeat(5000))).toMatchObject({ ok: false, error: 'too-long' });
  });
});

describe("an invite that carries the group's servers", () => {
  const servers = [
    {
      urls: 'turns:turn.zorg.example:443?transport=tcp',
      username: 'groep',
      credential: 'wacht/+woord=',
    },
    { urls: 'stun:stun.zorg.example' },
  ];

  it('carries them in the fragment after the code, and old readers still find code and server', () => {
    const invite = createInvite();
    const link = inviteLink(invite, 'https://kring.example.org/') + iceInviteParam(servers);
    expect(link).toMatch(
      /^https:\/\/kring\.example\.org\/#join=KR1(-[0-9A-Z]{4}){7}&ice=[A-Za-z0-9_-]+$/,
    );
    expect(inviteIceServers(link)).toEqual({ servers, invalid: false });
    expect(inviteIceServers(`Doe mee: ${link} tot dinsdag`)).toEqual({ servers, invalid: false });
    const parsed = parseInvite(link);
    expect(parsed.ok && parsed.invite.code).toBe(invite.code);
    expect(inviteServer(link)).toEqual({ ok: true, server: 'wss://kring.example.org' });
  });

  it("reads them from the web panel's join field (code, then &ice=)", () => {
    const { code } = createInvite();
    expect(inviteIceServers(`${code}${iceInviteParam(servers)}`)).toEqual({
      servers,
      invalid: false,
    });
  });

  it('carries nothing for a group without servers, a bare code or an older link', () => {
    const invite = createInvite();
    expect(iceInviteParam([])).toBe('');
    expect(inviteIceServers(invite.code)).toEqual({ servers: [], invalid: false });
    expect(inviteIceServers(inviteLink(invite, 'https://kring.example.org/'))).toEqual({
      servers: [],
      invalid: false,
    });
  });

  it.each([
    ['not base64 JSON', 'bm90IGpzb24'],
    ['a cut-off value', iceInviteParam(servers).slice(5, 20)],
    [
      'servers that do not pass',
      iceInviteParam([{ urls: 'stun:ok.example.org' }])
        .slice(5)
        .replace(/^.{4}/, 'AAAA'),
    ],
    ['an over-long value', 'A'.repeat(5000)],
    ['an empty value', ''],
  ])('says that %s cannot be read', (_, value) => {
    const { code } = createInvite();
    expect(inviteIceServers(`https://kring.example.org/#join=${code}&ice=${value}`)).toEqual({
      servers: [],
      invalid: true,
    });
  });
});
