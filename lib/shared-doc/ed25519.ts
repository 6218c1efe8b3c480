import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { fromBase64Url } from '../util/base64';
import { rememberBounded } from '../util/bounded';

/**
 * Ed25519 for the signed writes of a meeting (signed.ts), faster for the session keys that sign
 * and verify again and again (issue 15). The curve arithmetic is @noble/curves' own points; what
 * is done here is keeping per key what noble works out again on every call.
 *
 * Verifying: a phase change is two signed values (three until the sixteenth round of issue 15),
 * and every other panel verifies them before it shows the new phase. With `ed25519.verify` that was about 1.3 ms each on this
 * project's 2-core machine, most of it multiplying the writer's public key by the challenge
 * scalar with no table. The same few session keys sign everything in a meeting, so each key is
 * decoded once and, from its third signature on, given a table of multiples (a fixed window of
 * 6 bits, built once in about 8 ms): then about 0.4 ms a signature. The check is RFC 8032's
 * (section 5.1.7), strict: the public key and R must be canonical encodings of curve points,
 * the public key must not be of small order, S must be below the group order L, and the
 * cofactored equation [8][S]B = [8]R + [8][k]A must hold, with k = SHA-512(R || A || M) mod L.
 * It accepts every signature this project's signers make; it is stricter than
 * `ed25519.verify`'s default only for encodings no signer makes.
 *
 * Signing: `ed25519.sign` derives the secret scalar and the public key from the secret again on
 * every signature (a constant-time multiplication of the base point that it then discards). A
 * session signs every write of its panel, so `sessionSigner` does that once; each signature is
 * RFC 8032's (section 5.1.6), byte for byte the one `ed25519.sign` makes, with the same
 * constant-time multiplication for R.
 */

const Point = ed25519.Point;
const ORDER = Point.Fn.ORDER;
/** Window of the per-key table: 6 bits was the fastest per signature for its build time. */
const TABLE_WINDOW = 6;
/** A key gets its table from this signature on: a key that signs once is not worth 8 ms. */
const TABLE_AFTER_USES = 3;
/** Keys kept decoded (a meeting has at most a few dozen session keys). */
const MAX_KEYS = 256;

interface KnownKey {
  readonly point: InstanceType<typeof Point>;
  uses: number;
}

/** Decoded public keys by their base64 or hex text; null: not a valid public key. */
const keys = new Map<string, KnownKey | null>();

function littleEndian(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i -= 1) n = (n << 8n) | BigInt(bytes[i]!);
  return n;
}

function keyId(publicKey: Uint8Array): string {
  let id = '';
  for (const byte of publicKey) id += byte.toString(16).padStart(2, '0');
  return id;
}

function knownKey(publicKey: Uint8Array): KnownKey | null {
  const id = keyId(publicKey);
  const cached = keys.get(id);
  if (cached !== undefined) return cached;
  let known: KnownKey | null = null;
  try {
    const point = Point.fromBytes(publicKey, false);
    if (!point.isSmallOrder()) known = { point, uses: 0 };
  } catch {
    known = null;
  }
  rememberBounded(keys, id, known, MAX_KEYS);
  return known;
}

/**
 * Whether `verifyEd25519` would take this signature as soon as the curve equation holds: S below
 * the group order and a public key it accepts (canonical, not of small order). Where that is so,
 * an Ed25519 "valid" from elsewhere (the browser's WebCrypto, which compares R's encoding with
 * the encoding of [S]B - [k]A, cofactorless) implies `verifyEd25519`'s own, cofactored check:
 * R is then that very point. vouch-ahead.ts relies on it.
 */
export function strictFormOk(signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  return littleEndian(signature.subarray(32)) < ORDER && knownKey(publicKey) !== null;
}

/** Whether `signature` is `publicKey`'s Ed25519 signature of `message` (RFC 8032, strict). */
export function verifyEd25519(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  const key = knownKey(publicKey);
  if (!key) return false;
  const s = littleEndian(signature.subarray(32));
  if (s >= ORDER) return false;
  const rBytes = signature.subarray(0, 32);
  let r: InstanceType<typeof Point>;
  try {
    r = Point.fromBytes(rBytes, false);
  } catch {
    return false;
  }
  key.uses += 1;
  if (key.uses === TABLE_AFTER_USES) key.point.precompute(TABLE_WINDOW, false);
  const k =
    littleEndian(sha512.create().update(rBytes).update(publicKey).update(message).digest()) % ORDER;
  const sB = s === 0n ? Point.ZERO : Point.BASE.multiplyUnsafe(s);
  const kA = k === 0n ? Point.ZERO : key.point.multiplyUnsafe(k);
  return r.add(kA).subtract(sB).clearCofactor().is0();
}

function littleEndianBytes(n: bigint): Uint8Array {
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i += 1) {
    bytes[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return bytes;
}

/**
 * Builds the base point's table now. The first public key or signature in a page builds it
 * (about 45 ms in Node here, 20 to 40 ms in the panel, measured after the click on Join and on
 * Open, where a session's key is made before its rooms open); afterwards each takes under a
 * millisecond. The panel calls this in idle time once the group view's code is here.
 */
export function warmBaseTable(): void {
  Point.BASE.multiply(1n);
}

/**
 * A new Ed25519 key made by the platform (WebCrypto): its secret (the 32-byte seed) and its
 * public key, both native work. Deriving the public key here instead is a multiplication of the
 * base point, and the page's first one builds the base point's table (`warmBaseTable`): 20 to 90
 * ms on the main thread between a returning member's reload and the board (issue 15). Null
 * where the platform has no Ed25519 or refuses to hand the key out: the caller makes one itself.
 */
export async function platformKeyPair(): Promise<{
  readonly secret: Uint8Array;
  readonly publicKey: Uint8Array;
  /** The same key as the platform holds it: `platformSign` signs with it. */
  readonly privateKey: CryptoKey;
} | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  try {
    const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const jwk = await subtle.exportKey('jwk', pair.privateKey);
    const secret = jwk.d === undefined ? null : fromBase64Url(jwk.d);
    const publicKey = jwk.x === undefined ? null : fromBase64Url(jwk.x);
    if (secret?.length !== 32 || publicKey?.length !== 32) return null;
    return { secret, publicKey, privateKey: pair.privateKey };
  } catch {
    return null;
  }
}

/**
 * The platform's Ed25519 signature of `message` (RFC 8032: deterministic, byte for byte the one
 * `sessionSigner` makes for the same secret); null where the platform refuses.
 */
export async function platformSign(
  privateKey: CryptoKey,
  message: Uint8Array,
): Promise<Uint8Array | null> {
  try {
    const signature = new Uint8Array(
      await globalThis.crypto.subtle.sign(
        { name: 'Ed25519' },
        privateKey,
        Uint8Array.from(message),
      ),
    );
    return signature.length === 64 ? signature : null;
  } catch {
    return null;
  }
}

/**
 * The public key of `secret` (32 random bytes) and a function that signs with it. `publicKey`,
 * when given, is the platform's for this very secret (`platformKeyPair`): not worked out again.
 */
export function sessionSigner(
  secret: Uint8Array,
  knownPublicKey?: Uint8Array,
): {
  readonly publicKey: Uint8Array;
  readonly sign: (message: Uint8Array) => Uint8Array;
} {
  if (secret.length !== 32) throw new Error('an Ed25519 secret key is 32 bytes');
  const hashed = sha512(secret);
  // RFC 8032 5.1.5: the lower half, clamped, is the secret scalar; the upper half the prefix.
  const head = hashed.slice(0, 32);
  head[0]! &= 248;
  head[31]! &= 127;
  head[31]! |= 64;
  const scalar = littleEndian(head) % ORDER;
  const prefix = hashed.slice(32);
  const publicKey = knownPublicKey ?? Point.BASE.multiply(scalar).toBytes();
  return {
    publicKey,
    sign(message) {
      const r = littleEndian(sha512.create().update(prefix).update(message).digest()) % ORDER;
      const rBytes = Point.BASE.multiply(r).toBytes();
      const k =
        littleEndian(sha512.create().update(rBytes).update(publicKey).update(message).digest()) %
        ORDER;
      const signature = new Uint8Array(64);
      signature.set(rBytes, 0);
      signature.set(littleEndianBytes((r + k * scalar) % ORDER), 32);
      return signature;
    },
  };
}
