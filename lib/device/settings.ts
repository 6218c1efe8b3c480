import { isRecord } from '../util/guards';
import { isLocale } from '../i18n/i18n';
import type { Locale } from '../i18n/i18n';
import { parseServerAddress } from '../invite/invite';
import type { ServerAddressError } from '../invite/invite';
import { defineStoredItem } from './stored-item';
import type { StoredItem } from './stored-item';

/** A member's settings for the panel, kept on their device. */
export interface Settings {
  /** The companion server the panel uses to find other members (ws:// or wss://). */
  readonly signalingUrl: string;
  /** The panel's language; null follows the browser. */
  readonly locale: Locale | null;
  /**
   * When a short tone sounds as a phase's time is up: for the chair only by default (the chair
   * keeps the time and may be looking at the call, not the panel), always, or never.
   */
  readonly sound: SoundSetting;
}

/** Who hears the time-up tone on this device. */
export type SoundSetting = 'chair' | 'always' | 'never';

const SOUND_SETTINGS: readonly SoundSetting[] = ['chair', 'always', 'never'];

export function isSoundSetting(value: unknown): value is SoundSetting {
  return SOUND_SETTINGS.some((setting) => setting === value);
}

/** Whether the tone sounds for a member in this role, with this setting. */
export function soundFor(setting: SoundSetting, isChair: boolean): boolean {
  return setting === 'always' || (setting === 'chair' && isChair);
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
  };
}

/**
 * The stored settings; what is missing or unreadable reads as `defaults`, which depend on where
 * the panel runs (extension or web page). Version 1 is the object stored before versioned items; version 2 names who hears the
 * time-up tone.
 */
export function settingsItem(defaults: Settings): StoredItem<Settings> {
  return defineStoredItem({
    key: 'settings',
    version: 2,
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
    },
  });
}
