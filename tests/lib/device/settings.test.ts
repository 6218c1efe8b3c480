import { describe, expect, it } from 'vitest';
import { decodeSettings, panelUrlFor, parseSignalingUrl } from '../../../lib/device/settings';

const DEFAULTS = { signalingUrl: 'ws://localhost:4444', locale: null, sound: false };

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
      decodeSettings({ signalingUrl: 'wss://a.example', locale: 'nl', sound: true }, DEFAULTS),
    ).toEqual({ signalingUrl: 'wss://a.example', locale: 'nl', sound: true });
    expect(decodeSettings({ sound: 'yes' }, DEFAULTS).sound).toBe(false);
  });

  it('points invite links at the web panel of the same companion server', () => {
    expect(panelUrlFor('ws://localhost:4444')).toBe('http://localhost:4444/');
    expect(panelUrlFor('wss://kring.example.org')).toBe('https://kring.example.org/');
  });
});
