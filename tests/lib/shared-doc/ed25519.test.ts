import { describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import {
  platformKeyPair,
  platformSign,
  sessionSigner,
  verifyEd25519,
  warmBaseTable,
} from '../../../lib/shared-doc/ed25519';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { cardKnown, newSessionSigner, verifyCard } from '../../../lib/shared-doc/signed';
import { vouchOwnCard } from '../../../lib/shared-doc/vouch-ahead';

const encoder = new TextEncoder();
const ORDER = ed25519.Point.Fn.ORDER;

function keyPair() {
  const secret = ed25519.utils.randomSecretKey();
  return { secret, publicKey: ed25519.getPublicKey(secret) };
}

function littleEndian(n: bigint): Uint8Array {
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i += 1) {
    bytes[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return bytes;
}

function scalarOf(signature: Uint8Array): bigint {
  let n = 0n;
  for (let i = 63; i >= 32; i -= 1) n = (n << 8n) | BigInt(signature[i]!);
  return n;
}

describe('verifyEd25519', () => {
  it('agrees with noble on signatures of many keys, before and after a key has its table', () => {
    for (let k = 0; k < 6; k += 1) {
      const { secret, publicKey } = keyPair();
      // Five signatures each: the key is given its table at the third.
      for (let i = 0; i < 5; i += 1) {
        const message = encoder.encode(`kring-write\nscope\nmeeting\nphaseIndex\n${k}${i}`);
        const signature = ed25519.sign(message, secret);
        expect(verifyEd25519(signature, message, publicKey)).toBe(true);
        const other = encoder.encode(`kring-write\nscope\nmeeting\nphaseIndex\n${k}${i}!`);
        expect(verifyEd25519(signature, other, publicKey)).toBe(false);
        expect(ed25519.verify(signature, other, publicKey)).toBe(false);
      }
    }
  });

  it('refuses a signature of another key, a changed signature and wrong lengths', () => {
    const signer = keyPair();
    const other = keyPair();
    const message = encoder.encode('De fase is nu: Analyse');
    const signature = ed25519.sign(message, signer.secret);
    expect(verifyEd25519(signature, message, other.publicKey)).toBe(false);
    for (const at of [0, 31, 32, 63]) {
      const changed = signature.slice();
      changed[at]! ^= 1;
      expect(verifyEd25519(changed, message, signer.publicKey)).toBe(false);
    }
    expect(verifyEd25519(signature.subarray(0, 63), message, signer.publicKey)).toBe(false);
    expect(verifyEd25519(signature, message, signer.publicKey.subarray(0, 31))).toBe(false);
  });

  it('refuses S + L, the same signature made malleable', () => {
    const { secret, publicKey } = keyPair();
    const message = encoder.encode('Wat maakte het zo lastig?');
    const signature = ed25519.sign(message, secret);
    const s = scalarOf(signature);
    const malleable = signature.slice();
    malleable.set(littleEndian(s + ORDER), 32);
    expect(s + ORDER < 2n ** 256n).toBe(true);
    expect(verifyEd25519(signature, message, publicKey)).toBe(true);
    expect(verifyEd25519(malleable, message, publicKey)).toBe(false);
  });

  it('refuses a small-order public key, whose (R = identity, S = 0) would sign every message', () => {
    const identity = new Uint8Array(32);
    identity[0] = 1; // y = 1, x = 0: the neutral point
    const signature = new Uint8Array(64);
    signature.set(identity, 0);
    for (const text of ['Volgende fase', 'Iets anders']) {
      expect(verifyEd25519(signature, encoder.encode(text), identity)).toBe(false);
    }
  });

  it('refuses encodings that are not points, without throwing', () => {
    const { secret, publicKey } = keyPair();
    const message = encoder.encode('x');
    const signature = ed25519.sign(message, secret);
    // y = p + 1 (not canonical) and y = 2 (no such point): neither decodes strictly.
    const notCanonical = littleEndian(2n ** 255n - 19n + 1n);
    const noPoint = littleEndian(2n);
    for (const r of [notCanonical, noPoint]) {
      const bad = signature.slice();
      bad.set(r, 0);
      expect(verifyEd25519(bad, message, publicKey)).toBe(false);
      expect(verifyEd25519(signature, message, r)).toBe(false);
    }
  });
});

describe('sessionSigner', () => {
  it('makes the public key and, byte for byte, the signatures of ed25519.sign', () => {
    // The table the panel builds in idle time changes nothing a signature says.
    warmBaseTable();
    warmBaseTable();
    for (let k = 0; k < 8; k += 1) {
      const secret = ed25519.utils.randomSecretKey();
      const signer = sessionSigner(secret);
      expect(signer.publicKey).toEqual(ed25519.getPublicKey(secret));
      for (const text of ['', 'Volgende fase', `kring-write\nscope\nmeeting\ntimer\n${k}\n{}`]) {
        const message = encoder.encode(text.repeat(k + 1));
        const signature = signer.sign(message);
        expect(signature).toEqual(ed25519.sign(message, secret));
        expect(verifyEd25519(signature, message, signer.publicKey)).toBe(true);
      }
    }
  });

  it('refuses a secret that is not 32 bytes', () => {
    expect(() => sessionSigner(new Uint8Array(31))).toThrow();
  });
});

describe("the platform's Ed25519 (WebCrypto)", () => {
  it('makes a key whose public key and signatures are, byte for byte, those of this secret', async () => {
    for (let k = 0; k < 4; k += 1) {
      const made = await platformKeyPair();
      expect(made).not.toBeNull();
      const { secret, publicKey, privateKey } = made!;
      expect(publicKey).toEqual(ed25519.getPublicKey(secret));
      const signer = sessionSigner(secret, publicKey);
      for (const text of [
        '',
        'kring-presence\n123456\nanna-000001',
        'Volgende fase'.repeat(k + 1),
      ]) {
        const message = encoder.encode(text);
        const native = await platformSign(privateKey, message);
        expect(native).toEqual(signer.sign(message));
        expect(native).toEqual(ed25519.sign(message, secret));
      }
    }
  });

  it('signs ahead for a session: the same signature later, and other messages signed as before', async () => {
    const signer = await newSessionSigner(await memoryDeviceKey(), 'Anna');
    expect(signer.signAhead).toBeTypeOf('function');
    const publicKey = Uint8Array.from(atob(signer.card.session), (c) => c.charCodeAt(0));
    const proof = encoder.encode('kring-presence\n4242\nanna-000001');
    const before = signer.sign(proof);
    await signer.signAhead!(proof);
    expect(signer.sign(proof)).toEqual(before);
    expect(verifyEd25519(signer.sign(proof), proof, publicKey)).toBe(true);
    // Another message (the same length, one byte off) is not answered from what was made ahead.
    const other = encoder.encode('kring-presence\n4243\nanna-000001');
    expect(signer.sign(other)).not.toEqual(before);
    expect(verifyEd25519(signer.sign(other), other, publicKey)).toBe(true);
    // A long message is never kept: signed each time, and right.
    const long = encoder.encode('x'.repeat(4000));
    await signer.signAhead!(long);
    expect(verifyEd25519(signer.sign(long), long, publicKey)).toBe(true);
  });

  it("has the platform verify a new session's own card, which is then known and valid", async () => {
    const signer = await newSessionSigner(await memoryDeviceKey(), 'Bram');
    await vouchOwnCard(signer.card);
    expect(cardKnown({ ...signer.card })).toBe(true);
    expect(verifyCard({ ...signer.card })).toEqual(signer.card);
    // The verdict is the certificate's: the same card under another name is not taken for it.
    expect(verifyCard({ ...signer.card, name: 'Mallory' })).toBeNull();
  });
});
