import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  KRING_EXTENSION_ID,
  clientAddress,
  judgeOrigin,
  normaliseOrigin,
} from '../../server/origin';

/** Chrome's id of an unpacked extension with a manifest key: SHA-256 of the key, 32 hex digits as a-p. */
function extensionIdOf(base64Key: string): string {
  const digest = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex');
  return [...digest.slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');
}

describe('the extension id the companion lets in', () => {
  it("is the one wxt.config.ts's manifest key gives", async () => {
    const config = await readFile(new URL('../../wxt.config.ts', import.meta.url), 'utf8');
    const key = /const MANIFEST_KEY =\s*'([A-Za-z0-9+/=]+)'/.exec(config)?.[1];
    expect(key).toBeDefined();
    expect(extensionIdOf(key ?? '')).toBe(KRING_EXTENSION_ID);
  });
});

describe('judgeOrigin', () => {
  const listed = new Set(['https://panel.kring.example']);
  it.each([
    [undefined, 'kring.example', 'no origin'],
    [`chrome-extension://${KRING_EXTENSION_ID}`, 'kring.example', 'extension'],
    [`chrome-extension://${KRING_EXTENSION_ID}/`, 'kring.example', 'extension'],
    ['moz-extension://4b1d6c1e-0f5a-4a47-9d2e-6f0e1c7b2a90', 'kring.example', 'firefox extension'],
    ['https://kring.example', 'kring.example', 'same host'],
    ['https://kring.example', 'kring.example:443', 'same host'],
    ['http://kring.example:4444', 'kring.example:4444', 'same host'],
    ['https://KRING.example', 'kring.EXAMPLE', 'same host'],
    ['https://panel.kring.example', 'kring.example', 'listed'],
    ['https://kring.example:8443', 'kring.example', null],
    ['https://kring.example.evil.example', 'kring.example', null],
    ['https://evil.example', 'kring.example', null],
    ['https://evil.example', undefined, null],
    ['null', 'kring.example', null],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'kring.example', null],
    ['file://', 'kring.example', null],
    ['ws://kring.example', 'kring.example', null],
    ['https://kring.example/path', 'kring.example', null],
    ['https://user@kring.example', 'kring.example', null],
  ] as const)('Origin %s with Host %s: %s', (origin, host, verdict) => {
    expect(judgeOrigin(origin, host, listed)).toBe(verdict);
  });
});

describe('normaliseOrigin', () => {
  it.each([
    ['HTTPS://Kring.Example:443/', 'https://kring.example'],
    ['http://127.0.0.1:4444', 'http://127.0.0.1:4444'],
    ['http://[::1]:80', 'http://[::1]'],
    [
      'chrome-extension://ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP',
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    ],
    ['https://kring.example/x', null],
    ['kring.example', null],
    ['*', null],
    ['', null],
  ])('%s -> %s', (text, expected) => {
    expect(normaliseOrigin(text)).toBe(expected);
  });
});

describe('clientAddress', () => {
  const request = (remoteAddress: string, forwarded?: string | string[]) =>
    ({
      socket: { remoteAddress },
      headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
    }) as unknown as IncomingMessage;

  it('is the socket address unless the proxy is trusted', () => {
    expect(clientAddress(request('10.1.1.1', '1.2.3.4'), false)).toBe('10.1.1.1');
    expect(clientAddress(request('::ffff:10.1.1.1'), false)).toBe('10.1.1.1');
  });

  it("behind a trusted proxy is the last X-Forwarded-For entry, the proxy's own", () => {
    expect(clientAddress(request('127.0.0.1', 'spoofed, 203.0.113.7'), true)).toBe('203.0.113.7');
    expect(clientAddress(request('127.0.0.1', ['a', 'b, 2001:DB8::1']), true)).toBe('2001:db8::1');
    expect(clientAddress(request('127.0.0.1', ' '), true)).toBe('127.0.0.1');
    expect(clientAddress(request('127.0.0.1'), true)).toBe('127.0.0.1');
  });
});
