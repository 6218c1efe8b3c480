import { beforeAll, describe, expect, it } from 'vitest';
import { PBKDF2_ITERATIONS } from '../../../lib/notebook/notebook-crypto';
import { OFF } from '../../../lib/notebook/note-codec';
import {
  decodeMeta,
  keyForNewPassphrase,
  MAX_ITERATIONS,
  metaMatches,
  verifyPassphrase,
} from '../../../lib/notebook/notebook-passphrase';
import type { EncryptionMeta } from '../../../lib/notebook/notebook-passphrase';
import type { UnlockedMode } from '../../../lib/notebook/note-codec';

// PBKDF2 runs 600k rounds (about 0.3 s here): these tests derive a few keys and get time.
const SLOW = 30_000;

describe('the passphrase check', () => {
  let made: { readonly mode: UnlockedMode; readonly meta: EncryptionMeta };
  beforeAll(async () => {
    made = await keyForNewPassphrase('een lange wachtwoordzin', PBKDF2_ITERATIONS);
  }, SLOW);

  it('stores the salt, the iterations and a check, but no key', () => {
    expect(Object.keys(made.meta).sort()).toEqual(['check', 'iterations', 'key', 'salt']);
    expect(made.meta.salt).toBe(made.mode.salt);
    expect(decodeMeta(made.meta)).toEqual(made.meta);
  });

  it(
    'unlocks with the right passphrase only',
    async () => {
      const right = await verifyPassphrase(made.meta, 'een lange wachtwoordzin');
      expect(right?.salt).toEqual(made.mode.salt);
      expect(await verifyPassphrase(made.meta, 'een andere wachtwoordzin')).toBeNull();
    },
    SLOW,
  );

  it('tells whether the stored setting is still the one a mode was made for', async () => {
    const other = await keyForNewPassphrase('een lange wachtwoordzin', PBKDF2_ITERATIONS);
    expect(metaMatches(made.meta, made.mode)).toBe(true);
    expect(metaMatches(other.meta, made.mode)).toBe(false);
    expect(metaMatches(undefined, made.mode)).toBe(false);
    expect(metaMatches(undefined, OFF)).toBe(true);
    expect(metaMatches(made.meta, OFF)).toBe(false);
  });

  it.each<[string, (meta: EncryptionMeta) => unknown]>([
    ['another key', (meta) => ({ ...meta, key: 'settings' })],
    ['a short salt', (meta) => ({ ...meta, salt: meta.salt.slice(1) })],
    ['too few iterations', (meta) => ({ ...meta, iterations: PBKDF2_ITERATIONS - 1 })],
    // A damaged row must not make an unlock run PBKDF2 for minutes.
    ['too many iterations', (meta) => ({ ...meta, iterations: MAX_ITERATIONS + 1 })],
    ['no check', (meta) => ({ ...meta, check: undefined })],
  ])(
    'treats a meta row with %s as damaged, so that no passphrase unlocks it',
    async (_, damage) => {
      expect(decodeMeta(damage(made.meta))).toBeNull();
      expect(await verifyPassphrase(damage(made.meta), 'een lange wachtwoordzin')).toBeNull();
    },
  );
});
