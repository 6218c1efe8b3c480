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
