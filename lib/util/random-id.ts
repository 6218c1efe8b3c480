/** A random hex id of `bytes` random bytes from the platform's cryptographic source. */
export function randomId(bytes: number): string {
  const raw = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(raw);
  let out = '';
  for (const byte of raw) out += byte.toString(16).padStart(2, '0');
  return out;
}
