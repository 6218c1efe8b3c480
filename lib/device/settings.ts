import { isRecord } from '../util/guards';
import { isLocale } from '../i18n/i18n';
import type { Locale } from '../i18n/i18n';
import { parseServerAddress } from '../invite/invite';
import type { ServerAddressError } from '../invite/invite';
import { decodeIceServers } from '../invite/ice-servers';
import type { IceServer } from '../invite/ice-servers';
import { defineStoredItem } from './stored-item';
import type { StoredItem } from './stored-item';

/** A member's settings for the panel, kept on their device. */
export interface Settings {
  /** The companion server the panel uses to find other members (wss://; ws:// only locally). */
  readonly signalingUrl: string;
  /** The panel's language; null follows the browser. */
  readonly locale: Locale | null;
  /**
   * When a short tone sounds as a phase's time is up: for the chair only by default (the chair
   * keeps the time and may be looking at the call, not the panel), always, or never.
   */
  readonly sound: SoundSetting;
  /**
   * This member's own servers for networks that block calls, used next to the companion's and
   * the group's (lib/connection/ice-config.ts). Empty by default: no third party learns a
   * member's address unless someone chose that server.
   */
  readonly iceServers: readonly IceServer[];
  /**
   * Connect to the others only through a relay server (`iceTransportPolicy: 'relay'`), so
   * that they never learn this member's address.
   */
  readonly relayOnly: boolean;
}

/** Who hears the time-up tone on this device. */
export type SoundSetting = 'chair' | 'always' | 'never';

const SOUND_SETTINGS: readonly SoundSetting[] = ['chair', 'always', 'never'];

export function isSoundSetting(value: unknown): value is SoundSetting {
  return SOUND_SETTINGS.some((setting) => setting === value);
}

/**
 * Whether the tone sounds for a member, with this setting: `keepsTime` for the chair and the
 * timekeeper the chair named ('chair' says "only when I chair or keep the time").
 */
export function soundFor(setting: SoundSetting, keepsTime: boolean): boolean {
  return setting === 'always' || (setting === 'chair' && keepsTime);
}

/** Why a signaling address was not accepted. */
export type SignalingUrlError = ServerAddressError;

/**
 * Checks a signaling address typed by a member: a ws:// or wss:// URL without credentials. The
 * same rule as an invite link's server (`parseServerAddress`), but typed, so the web panel's
 * http(s) address is refused with a word on the scheme rather than silently rewritten.
 */
export function parseSignalingUrl(
  text: string,
): { ok: true; url: string } | { ok: false; error: SignalingUrlError } {
  const parsed = parseServerAddress(text);
  if (parsed.ok && !/^wss?:/i.test(text.trim())) return { ok: false, error: 'scheme' };
  return parsed;
}

/** The host (and port) of a server address, as a member would recognise it. */
export function serverHost(signalingUrl: string): string {
  try {
    return new URL(signalingUrl).host || signalingUrl;
  } catch {
    return signalingUrl;
  }
}

/** The web panel's address on the same companion server as a signaling address. */
export function panelUrlFor(signalingUrl: string): string {
  return signalingUrl.replace(/^ws(s?):/, 'http$1:') + '/';
}

/** Decodes stored settings, falling back to the defaults for anything missing or malformed. */
export function decodeSettings(value: unknown, defaults: Settings): Settings {
  if (!isRecord(value)) return defaults;
  const signaling =
    typeof value.signalingUrl === 'string' ? parseSignalingUrl(value.signalingUrl) : null;
  return {
    signalingUrl: signaling?.ok ? signaling.url : defaults.signalingUrl,
    locale: isLocale(value.locale) ? value.locale : defaults.locale,
    sound: isSoundSetting(value.sound) ? value.sound : defaults.sound,
    iceServers: Array.isArray(value.iceServers)
      ? decodeIceServers(value.iceServers)
      : defaults.iceServers,
    relayOnly: typeof value.relayOnly === 'boolean' ? value.relayOnly : defaults.relayOnly,
  };
}

/**
 * The stored settings; what is missing or unreadable reads as `defaults`, which depend on where
 * the panel runs (extension or web page). Version 1 is the object stored before versioned items; version 2 names who hears the
 * time-up tone; version 3 adds the member's own connection servers and "only through the server".
 */
export function settingsItem(defaults: Settings): StoredItem<Settings> {
  return defineStoredItem({
    key: 'settings',
    version: 3,
    decode: (value) => decodeSettings(value, defaults),
    migrations: {
      // Version 1 had a switch, off by default: on stays on for everyone; off (nearly always
      // never touched) becomes the new default, the tone for the chair only.
      2: (previous) =>
        isRecord(previous)
          ? {
              ...previous,
              sound:
                previous.sound === true ? 'always' : previous.sound === false ? 'chair' : undefined,
            }
          : previous,
      // Nobody had servers of their own, and every connection could be direct.
      3: (previous) =>
        isRecord(previous) ? { ...previous, iceServers: [], relayOnly: false } : previous,
    },
  });
}
