import { afterEach, describe, expect, it, vi } from 'vitest';
import * as ed25519 from '../../../lib/shared-doc/ed25519';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import { SignedGroup } from '../helpers/signed-group';

vi.mock('../../../lib/shared-doc/ed25519', async (importOriginal) => {
  const original = await importOriginal<typeof ed25519>();
  return { ...original, platformSign: vi.fn(original.platformSign) };
});
const platformSign = vi.mocked(ed25519.platformSign);

/**
 * Issue 15, a new member's join: the knock is that member's first signature, and in JavaScript
 * a page's first one builds the signing table (20 to 90 ms) just before the chair can hear of
 * them. It is signed by the platform instead (signed.ts `signAhead`), the same signature.
 */
const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 77);
const decoder = new TextDecoder();

let group: SignedGroup;
afterEach(() => group?.dispose());

describe("a new member's knock", () => {
  it('is signed by the platform, and the chair sees it as a valid knock', async () => {
    group = new SignedGroup(SECRET);
    const anna = await group.open('Anna', await memoryDeviceKey());
    expect(await anna.startMeeting('basic')).toEqual({ ok: true });
    platformSign.mockClear();
    const bram = await group.open('Bram', await memoryDeviceKey());
    await group.eventually(anna, (s) => s.knocks.length === 1);
    expect(anna.snapshot().knocks[0]).toMatchObject({ name: 'Bram' });
    const knocks = platformSign.mock.calls
      .map(([, bytes]) => decoder.decode(bytes))
      .filter((text) => text.startsWith('kring-knock\n'));
    expect(knocks).toHaveLength(1);
    expect(knocks[0]).toContain(`\n${bram.snapshot().selfId}\n`);
  });
});
