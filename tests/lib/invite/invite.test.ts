import { describe, expect, it } from 'vitest';
import {
  createInvite,
  formatCode,
  inviteLink,
  inviteServer,
  parseInvite,
  parseServerAddress,
  SECRET_BYTES,
} from '../../../lib/invite/invite';

const fixed = (byte: number) => (bytes: Uint8Array) => bytes.fill(byte);

describe('invite', () => {
  it('creates a 128-bit secret and a code that reads back to the same secret', () => {
    const invite = createInvite();
    expect(invite.secret.length).toBe(SECRET_BYTES);
    const parsed = parseInvite(invite.code);
    expect(parsed.ok && [...parsed.invite.secret]).toEqual([...invite.secret]);
  });

  it('gives different secrets to different groups', () => {
    const codes = new Set(Array.from({ length: 200 }, () => createInvite().code));
    expect(codes.size).toBe(200);
  });

  it('formats the code in readable groups of four behind the prefix', () => {
    expect(createInvite(fixed(0)).code).toMatch(/^KR1(-[0-9A-Z]{4}){7}$/);
  });

  it('finds the code inside a link and inside a whole chat message', () => {
    const invite = createInvite(fixed(7));
    const link = inviteLink(invite, 'https://kring.example/');
    expect(link).toBe(`https://kring.example/#join=${invite.code}`);
    for (const text of [
      link,
      `Doe mee met onze intervisie: ${link} (tot donderdag!)`,
      `  ${invite.code.toLowerCase()}  `,
      invite.code.replaceAll('-', ''),
      invite.code.replaceAll('-', ' '),
    ]) {
      const parsed = parseInvite(text);
      expect(parsed.ok, text).toBe(true);
      if (parsed.ok) expect(parsed.invite.code).toBe(invite.code);
    }
  });

  it('forgives the look-alike letters O, I and L', () => {
    const secret = new Uint8Array(SECRET_BYTES).fill(0);
    const code = formatCode(secret);
    const parsed = parseInvite(code.replaceAll('0', 'O').replace('1-', 'l-').replace('KRl', 'KR1'));
    expect(parsed.ok).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['hallo allemaal', 'not-found'],
    ['https://meet.google.com/abc-defg-hij', 'not-found'],
  ] as const)('rejects %j with %s', (text, error) => {
    expect(parseInvite(text)).toEqual({ ok: false, error });
  });

  it('says a code that was cut short is truncated', () => {
    const { code } = createInvite(fixed(42));
    for (const cut of [5, 12, code.length - 1]) {
      expect(parseInvite(code.slice(0, cut))).toEqual({ ok: false, error: 'truncated' });
    }
    expect(parseInvite(`${code.slice(0, 20)}\nrest of the message`)).toEqual({
      ok: false,
      error: 'truncated',
    });
  });

  it('catches a mistyped character with the checksum', () => {
    const { code } = createInvite(fixed(42));
    let caught = 0;
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let position = 4; position < code.length; position++) {
      if (code[position] === '-') continue;
      const swapped = alphabet[(alphabet.indexOf(code[position]!) + 1) % 32]!;
      const typo = code.slice(0, position) + swapped + code.slice(position + 1);
      const parsed = parseInvite(typo);
      if (!parsed.ok) caught++;
      else expect(parsed.invite.code).not.toBe(code);
    }
    expect(caught).toBe(28);
  });

  it('says a letter outside the alphabet inside the code is an invalid character', () => {
    const { code } = createInvite(fixed(9));
    expect(parseInvite(code.slice(0, 10) + 'U' + code.slice(11))).toEqual({
      ok: false,
      error: 'invalid-character',
    });
  });

  it('never throws on garbage', () => {
    for (const text of [
      'KR1',
      'KR1-',
      'KR1-!!!!',
      'kr1'.repeat(5000),
      '\u0000KR1\uffff',
      '🙂KR1🙂',
    ]) {
      expect(() => parseInvite(text)).not.toThrow();
      expect(parseInvite(text).ok).toBe(false);
    }
  });
});

describe('the server an invite names', () => {
  const { code } = createInvite(fixed(3));

  it.each([
    ['a bare code', code, null],
    ['a code in a chat message', `Doe mee: ${code} groet`, null],
    [
      'a link to a companion on https',
      `https://kring.example.org/#join=${code}`,
      'wss://kring.example.org',
    ],
    [
      'a link to a companion on http with a port',
      `http://127.0.0.1:4444/#join=${code}`,
      'ws://127.0.0.1:4444',
    ],
    ['a link under a path', `https://zorg.example/kring/#join=${code}`, 'wss://zorg.example/kring'],
    [
      'a link with a WebSocket address',
      `wss://kring.example.org#join=${code}`,
      'wss://kring.example.org',
    ],
    [
      'a link in a chat message',
      `Hier: https://kring.example.org/#join=${code} (donderdag)`,
      'wss://kring.example.org',
    ],
    [
      'a link in angle brackets',
      `<https://kring.example.org/#join=${code}>`,
      'wss://kring.example.org',
    ],
    [
      'a Markdown link',
      `[onze groep](https://kring.example.org/#join=${code})`,
      'wss://kring.example.org',
    ],
    ['a link in capitals', `HTTPS://KRING.EXAMPLE.ORG/#JOIN=${code}`, 'wss://kring.example.org'],
    ['only the fragment', `#join=${code}`, null],
    ['a link with a space before the code', `https://kring.example.org/#join= ${code}`, null],
  ])('reads %s', (_, text, server) => {
    expect(inviteServer(text)).toEqual({ ok: true, server });
  });

  it.each([
    ['a link to a file server', `ftp://kring.example.org/#join=${code}`, 'scheme'],
    ['a script instead of a link', `javascript:alert(1)#join=${code}`, 'scheme'],
    [
      'a link with a password in it',
      `https://anna:geheim@kring.example.org/#join=${code}`,
      'invalid',
    ],
    ['a link without a host', `https://#join=${code}`, 'invalid'],
    ['a word that is not a link', `kring#join=${code}`, 'invalid'],
  ])('refuses %s with a reason', (_, text, error) => {
    expect(inviteServer(text)).toEqual({ ok: false, error });
  });

  it('never throws on garbage', () => {
    for (const text of [
      `#join=#join=${code}`,
      `\u0000#join=${code}`,
      `${'a'.repeat(5000)}#join=${code}`,
      `http://[::1#join=${code}`,
    ]) {
      expect(() => inviteServer(text)).not.toThrow();
    }
  });
});

describe('a server address', () => {
  it.each([
    ['ws://localhost:4444', 'ws://localhost:4444'],
    ['  wss://kring.example.org/  ', 'wss://kring.example.org'],
    ['https://kring.example.org/', 'wss://kring.example.org'],
    ['http://127.0.0.1:4444', 'ws://127.0.0.1:4444'],
    ['ws://[::1]:4444', 'ws://[::1]:4444'],
    ['ws://LOCALHOST:4444', 'ws://localhost:4444'],
    ['https://zorg.example/kring/', 'wss://zorg.example/kring'],
  ])('reads %j as the signaling address %j', (text, url) => {
    expect(parseServerAddress(text)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'invalid'],
    ['kring.example.org', 'invalid'],
    ['localhost:4444', 'scheme'],
    ['ftp://kring.example.org', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['wss://user:pw@kring.example.org', 'invalid'],
    ['wss://kring.example.org/#x', 'invalid'],
    // Without TLS only to this machine: elsewhere the network reads the signaling.
    ['ws://kring.example.org', 'insecure'],
    ['http://10.0.0.5:4444', 'insecure'],
    ['ws://127.0.0.2:4444', 'insecure'],
    ['ws://localhost.example.org', 'insecure'],
  ])('refuses %j (%s)', (text, error) => {
    expect(parseServerAddress(text)).toEqual({ ok: false, error });
  });
});
