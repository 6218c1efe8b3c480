import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeSealed,
  deriveKey,
  PBKDF2_ITERATIONS,
  randomSalt,
  seal,
  unseal,
} from '../../../lib/notebook/notebook-crypto';

// Every derivation costs 600k PBKDF2 rounds: the tests share one key and derive few others.
const SLOW = 30_000;

describe('notebook crypto', () => {
  const salt = randomSalt();
  let key: CryptoKey;

  beforeAll(async () => {
    key = await deriveKey('correct horse battery staple', salt, PBKDF2_ITERATIONS);
  }, SLOW);

  it('derives a non-extractable AES-GCM-256 key that only encrypts and decrypts', async () => {
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
    await expect(globalThis.crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('opens what it sealed, diacritics and emoji included', async () => {
    const text = 'Gesprek met de cliënt over één afspraak 🙂\nTweede regel';
    expect(await unseal(key, await seal(key, text))).toBe(text);
    expect(await unseal(key, await seal(key, ''))).toBe('');
  });

  it('draws a fresh 12-byte IV for every seal, so equal texts give different ciphertexts', async () => {
    const sealed = await Promise.all(Array.from({ length: 20 }, () => seal(key, 'same text')));
    const ivs = new Set(sealed.map((s) => Buffer.from(s.iv).toString('hex')));
    const data = new Set(sealed.map((s) => Buffer.from(s.data).toString('hex')));
    expect(sealed.every((s) => s.iv.length === 12)).toBe(true);
    expect(ivs.size).toBe(20);
    expect(data.size).toBe(20);
  });

  it('returns null instead of throwing for damaged data, a wrong context or a bad IV', async () => {
    const sealed = await seal(key, 'geheim', 'note-1');
    const flipped = new Uint8Array(sealed.data);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(await unseal(key, sealed, 'note-1')).toBe('geheim');
    expect(await unseal(key, { iv: sealed.iv, data: flipped }, 'note-1')).toBeNull();
    expect(await unseal(key, sealed, 'note-2')).toBeNull();
    expect(await unseal(key, sealed)).toBeNull();
    expect(
      await unseal(key, { iv: sealed.iv.slice(0, 8), data: sealed.data }, 'note-1'),
    ).toBeNull();
    expect(await unseal(key, { iv: sealed.iv, data: new Uint8Array(4) }, 'note-1')).toBeNull();
  });

  it(
    'returns null for a key from another passphrase, and derives the same key from NFC and NFD spellings',
    async () => {
      const sealed = await seal(key, 'geheim');
      const other = await deriveKey('Correct horse battery staple', salt, PBKDF2_ITERATIONS);
      expect(await unseal(other, sealed)).toBeNull();

      const nfc = 'cliënt één'.normalize('NFC');
      const nfd = nfc.normalize('NFD');
      expect(nfd).not.toBe(nfc);
      const sealedWithNfc = await seal(await deriveKey(nfc, salt, PBKDF2_ITERATIONS), 'x');
      const nfdKey = await deriveKey(nfd, salt, PBKDF2_ITERATIONS);
      expect(await unseal(nfdKey, sealedWithNfc)).toBe('x');
    },
    SLOW,
  );

  it('refuses fewer than 600000 PBKDF2 iterations', async () => {
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    await expect(deriveKey('pass', salt, 599_999)).rejects.toThrow(RangeError);
    await expect(deriveKey('pass', salt, 1000.5)).rejects.toThrow(RangeError);
  });

  it('makes 16-byte salts that differ every time', () => {
    const a = randomSalt();
    const b = randomSalt();
    expect(a).toHaveLength(16);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('decodes a stored sealed value only when its IV and ciphertext have sane sizes', async () => {
    const sealed = await seal(key, 'x');
    expect(decodeSealed({ iv: sealed.iv, data: sealed.data })).toEqual(sealed);
    expect(decodeSealed({ iv: [...sealed.iv], data: sealed.data })).toBeNull();
    expect(decodeSealed({ iv: sealed.iv })).toBeNull();
    expect(decodeSealed('sealed')).toBeNull();
    expect(decodeSealed(null)).toBeNull();
  });
});
