/** Bytes as base64 text for storage; chunked, since String.fromCharCode(...bytes) overflows the stack for a large document. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Base64url text (RFC 4648 section 5, padding optional) back to bytes; null when it is not. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  const plain = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(plain + '='.repeat((4 - (plain.length % 4)) % 4));
}

/** Base64 text back to bytes; null when it is not base64 (stored data may be damaged). */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
