import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../lib/device/key-value-store';
import {
  decodeSettings,
  panelUrlFor,
  parseSignalingUrl,
  serverHost,
  soundFor,
  settingsItem,
} from '../../../lib/device/settings';
import { createInvite, inviteLink, inviteServer } from '../../../lib/invite/invite';
import type { Settings } from '../../../lib/device/settings';

const DEFAULTS: Settings = {
  signalingUrl: 'ws://localhost:4444',
  locale: null,
  sound: 'chair',
  iceServers: [],
  relayOnly: false,
};

describe('settings', () => {
  it.each([
    ['ws://localhost:4444', 'ws://localhost:4444'],
    ['  wss://kring.example.org/  ', 'wss://kring.example.org'],
    ['wss://kring.example.org/signal', 'wss://kring.example.org/signal'],
  ])('accepts the signaling address %j', (text, url) => {
    expect(parseSignalingUrl(text)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'invalid'],
    ['localhost:4444', 'scheme'],
    ['https://kring.example.org', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['wss://user:pw@kring.example.org', 'invalid'],
  ])('rejects the signaling address %j (%s)', (text, error) => {
    expect(parseSignalingUrl(text)).toEqual({ ok: false, error });
  });

  it('falls back to defaults for malformed stored settings', () => {
    expect(decodeSettings({ signalingUrl: 'ftp://x', locale: 'fr' }, DEFAULTS)).toEqual(DEFAULTS);
    expect(decodeSettings(null, DEFAULTS)).toEqual(DEFAULTS);
    expect(
      decodeSettings({ signalingUrl: 'wss://a.example', locale: 'nl', sound: 'never' }, DEFAULTS),
    ).toEqual({
      signalingUrl: 'wss://a.example',
      locale: 'nl',
      sound: 'never',
      iceServers: [],
      relayOnly: false,
    });
    expect(decodeSettings({ sound: 'yes' }, DEFAULTS).sound).toBe('chair');
    expect(decodeSettings({ sound: true }, DEFAULTS).sound).toBe('chair');
  });

  it.each([
    [true, 'always'],
    [false, 'chair'],
    [undefined, 'chair'],
    ['loud', 'chair'],
  ] as const)(
    "reads version 1's sound switch %j as %j (the tone is on for the chair by default now)",
    (switched, setting) => {
      const item = settingsItem(DEFAULTS);
      const read = item.decodeStored({
        signalingUrl: 'wss://a.example',
        locale: null,
        sound: switched,
      });
      expect(read.value.sound).toBe(setting);
      expect(read.status).toBe('stored');
    },
  );

  it.each([
    ['chair', true, true],
    ['chair', false, false],
    ['always', false, true],
    ['never', true, false],
  ] as const)('sounds the time-up tone with %j for a chair=%j: %j', (setting, isChair, sounds) => {
    expect(soundFor(setting, isChair)).toBe(sounds);
  });

  it('points invite links at the web panel of the same companion server', () => {
    expect(panelUrlFor('ws://localhost:4444')).toBe('http://localhost:4444/');
    expect(panelUrlFor('wss://kring.example.org')).toBe('https://kring.example.org/');
  });

  it.each(['ws://127.0.0.1:4444', 'wss://kring.example.org', 'wss://zorg.example/kring'])(
    'reads the server %s back from the invite link it gives',
    (url) => {
      const { code } = createInvite();
      expect(inviteServer(inviteLink({ code }, panelUrlFor(url)))).toEqual({
        ok: true,
        server: url,
      });
    },
  );

  it.each([
    ['wss://kring.example.org', 'kring.example.org'],
    ['ws://127.0.0.1:4444', '127.0.0.1:4444'],
    ['wss://zorg.example/kring', 'zorg.example'],
    ['not an address', 'not an address'],
  ])('names the server %s by its host %s', (url, host) => {
    expect(serverHost(url)).toBe(host);
  });
});

describe('the stored settings', () => {
  const item = settingsItem(DEFAULTS);
  const mine: Settings = {
    signalingUrl: 'wss://kring.example.org',
    locale: 'en',
    sound: 'always',
    iceServers: [],
    relayOnly: false,
  };
  /** The same settings as version 1 stored them: the sound was a switch. */
  const mineV1 = { signalingUrl: 'wss://kring.example.org', locale: 'en', sound: true };

  it.each([
    ['nothing', undefined, { status: 'missing', value: DEFAULTS }],
    [
      'the settings as stored before versions',
      mineV1,
      { status: 'stored', version: 1, value: mine },
    ],
    [
      'a version 1 envelope',
      { v: 1, value: mineV1 },
      { status: 'stored', version: 1, value: mine },
    ],
    ['a version 2 envelope', { v: 2, value: mine }, { status: 'stored', version: 2, value: mine }],
    [
      'settings with one damaged field',
      { ...mineV1, locale: 'fr' },
      { status: 'stored', version: 1, value: { ...mine, locale: DEFAULTS.locale } },
    ],
    ['text', 'wss://kring.example.org', { status: 'stored', version: 1, value: DEFAULTS }],
    ['a list', [mine], { status: 'stored', version: 1, value: DEFAULTS }],
    [
      'an envelope holding null',
      { v: 1, value: null },
      { status: 'stored', version: 1, value: DEFAULTS },
    ],
    ['a later version', { v: 4, value: mine }, { status: 'unknown', version: 4, value: DEFAULTS }],
  ])('reads %s', (_, raw, expected) => {
    expect(item.decodeStored(raw)).toEqual(expected);
  });

  it('round-trips through a store', async () => {
    const store = memoryStore();
    await item.write(store, mine);
    expect(await store.get('settings')).toEqual({ v: 3, value: mine });
    expect((await item.read(store)).value).toEqual(mine);
  });

  it('leaves settings from a later build in storage', async () => {
    const store = memoryStore();
    await store.set('settings', { v: 4, value: { theme: 'dark' } });
    expect(await item.write(store, mine)).toBe(false);
    expect(await store.get('settings')).toEqual({ v: 4, value: { theme: 'dark' } });
  });
});

describe('connection settings (version 3)', () => {
  const item = settingsItem(DEFAULTS);
  const relay = { urls: 'turn:turn.example.org:3478', username: 'kring', credential: 'geheim' };

  it('reads version 2 settings with no servers of their own and direct connections allowed', () => {
    const read = item.decodeStored({
      v: 2,
      value: { signalingUrl: 'wss://a.example', locale: 'nl', sound: 'never' },
    });
    expect(read).toEqual({
      status: 'stored',
      version: 2,
      value: {
        signalingUrl: 'wss://a.example',
        locale: 'nl',
        sound: 'never',
        iceServers: [],
        relayOnly: false,
      },
    });
  });

  it('keeps the servers that pass and drops the others; a garbled switch is off', () => {
    const read = item.decodeStored({
      v: 3,
      value: {
        signalingUrl: 'wss://a.example',
        iceServers: [relay, { urls: 'turn:nocreds.example.org' }, 'junk'],
        relayOnly: 'yes',
      },
    });
    expect(read.value.iceServers).toEqual([relay]);
    expect(read.value.relayOnly).toBe(false);
    expect(item.decodeStored({ v: 3, value: { relayOnly: true } }).value.relayOnly).toBe(true);
  });

  it('reads a stored ws:// address to another computer as the default address', () => {
    expect(decodeSettings({ signalingUrl: 'ws://kring.example.org' }, DEFAULTS).signalingUrl).toBe(
      DEFAULTS.signalingUrl,
    );
    expect(parseSignalingUrl('ws://kring.example.org')).toEqual({ ok: false, error: 'insecure' });
    expect(parseSignalingUrl('ws://127.0.0.1:4444')).toEqual({
      ok: true,
      url: 'ws://127.0.0.1:4444',
    });
  });
});
