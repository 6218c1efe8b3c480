import { SCALE_TOP } from './limits';

/** Small type guards for decoding untrusted values (peer data, storage) without casts. */

/** A plain object whose keys can be read as unknown values. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A trimmed string of 1 to max characters, or null. */
export function boundedString(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) return null;
  return trimmed;
}

/** A finite number, or null. */
export function finiteNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** An identifier made of 6 to 64 url-safe characters, or null. */
export function safeId(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{6,64}$/.test(value) ? value : null;
}

/**
 * A string of at most max characters, kept exactly as written: unlike boundedString it neither
 * trims nor refuses '', because autosaved text keeps its spaces and may be empty.
 */
export function untrimmedString(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length <= max ? value : null;
}

/**
 * A phase id as lib/method/methods.ts names phases ('goal', 'look-back'): 1 to 40 lower-case
 * letters, digits and hyphens, or null. Peers and stored notes both go through this one rule.
 */
export function safePhaseId(value: unknown): string | null {
  return typeof value === 'string' && /^[a-z0-9-]{1,40}$/.test(value) ? value : null;
}

/** The value of a JSON text, or undefined when it is not JSON (stored and imported text lies). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A point on the scaling question's scale: a whole number from 0 to SCALE_TOP. */
export function isScalePoint(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= SCALE_TOP;
}
