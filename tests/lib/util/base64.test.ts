import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../lib/util/base64';

describe('base64 for stored bytes', () => {
  it('round-trips every byte value and a document larger than one chunk', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64(toBase64(all))).toEqual(all);
    const large = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256);
    expect(fromBase64(toBase64(large))).toEqual(large);
    expect(toBase64(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
  });

  it('gives null for text that is not base64', () => {
    expect(fromBase64('not base64!')).toBeNull();
    expect(fromBase64('')).toEqual(new Uint8Array());
  });
});
