import { memberIdOf } from '../shared-doc/signed';
import type { DeviceSigner } from '../shared-doc/signed';
import type { DeviceKeyStore } from './device-key-store';

export type { DeviceKeyStore } from './device-key-store';

/**
 * This device's own key pair (issue 13): ECDSA P-256 made by WebCrypto with a private key that
 * cannot be exported, kept in the device's IndexedDB (a CryptoKey is stored as it is: the
 * browser keeps the key material, script never sees it). Its public key names the member in
 * every group (`memberIdOf`) and certifies the session keys that sign their writes
 * (shared-doc/signed.ts).
 *
 * Where IndexedDB cannot keep a key (a private window that refuses it), the key lives for the
 * page only: the member gets a new id next time, which costs nothing but the link to their
 * earlier writes in a meeting that still runs.
 */

const ALGORITHM: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

/** Loads this device's key pair, making (and keeping) one the first time. */
export async function loadDeviceKey(store: DeviceKeyStore): Promise<DeviceSigner> {
  let pair = await store.load().catch(() => null);
  if (!pair || !isUsable(pair)) {
    pair = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
    await store.save(pair).catch(() => undefined);
  }
  return deviceSignerOf(pair);
}

/** A device key that lives only in memory (tests, Node members, storage refused). */
export async function memoryDeviceKey(): Promise<DeviceSigner> {
  return deviceSignerOf(await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']));
}

/** The signer for a key pair (the private key stays inside WebCrypto). */
export async function deviceSignerOf(pair: CryptoKeyPair): Promise<DeviceSigner> {
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const privateKey = pair.privateKey;
  return {
    memberId: memberIdOf(publicKey),
    publicKey,
    sign: async (bytes) =>
      new Uint8Array(
        await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, toBuffer(bytes)),
      ),
  };
}

function isUsable(pair: CryptoKeyPair): boolean {
  return (
    typeof pair === 'object' &&
    pair.privateKey?.type === 'private' &&
    pair.publicKey?.type === 'public' &&
    pair.privateKey.algorithm.name === 'ECDSA'
  );
}

function toBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}
