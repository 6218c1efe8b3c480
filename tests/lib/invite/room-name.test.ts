import { describe, expect, it } from 'vitest';
import {
  deriveGroupId,
  deriveMeetingCacheKey,
  deriveRoomKeys,
} from '../../../lib/invite/room-name';
import { createInvite } from '../../../lib/invite/invite';

describe('room names', () => {
  it('derives the same room and password for every member of a group', async () => {
    const { secret, code } = createInvite();
    const a = await deriveRoomKeys(secret, { kind: 'lobby' });
    const b = await deriveRoomKeys(Uint8Array.from(secret), { kind: 'lobby' });
    expect(a).toEqual(b);
    expect(a.roomName).toMatch(/^kring-[0-9a-f]{64}$/);
    expect(a.roomName).not.toContain(code);
  });

  it('gives every meeting its own room, apart from the lobby and from other groups', async () => {
    const one = createInvite().secret;
    const two = createInvite().secret;
    const names = await Promise.all([
      deriveRoomKeys(one, { kind: 'lobby' }),
      deriveRoomKeys(one, { kind: 'meeting', meetingId: 'aaaaaaaaaaaa' }),
      deriveRoomKeys(one, { kind: 'meeting', meetingId: 'bbbbbbbbbbbb' }),
      deriveRoomKeys(two, { kind: 'lobby' }),
    ]);
    expect(new Set(names.map((k) => k.roomName)).size).toBe(4);
    expect(new Set(names.map((k) => k.password)).size).toBe(4);
  });

  it('never uses the secret itself as room name or password', async () => {
    const { secret } = createInvite((bytes) => bytes.fill(0xab));
    const hex = Buffer.from(secret).toString('hex');
    const keys = await deriveRoomKeys(secret, { kind: 'lobby' });
    expect(keys.roomName).not.toContain(hex);
    expect(keys.password).not.toContain(hex);
    expect(keys.password).not.toBe(keys.roomName.slice('kring-'.length));
  });

  it('derives a stable group id that differs from the room name', async () => {
    const { secret } = createInvite();
    const id = await deriveGroupId(secret);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await deriveGroupId(secret)).toBe(id);
    expect((await deriveRoomKeys(secret, { kind: 'lobby' })).roomName).not.toContain(id);
  });

  it("derives the meeting cache's key from the secret: the same for the group, kept inside WebCrypto", async () => {
    const one = createInvite().secret;
    const two = createInvite().secret;
    const key = await deriveMeetingCacheKey(one);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    const iv = new Uint8Array(12);
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      key,
      new Uint8Array([1, 2, 3]),
    );
    const again = await deriveMeetingCacheKey(Uint8Array.from(one));
    expect([
      ...new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, again, sealed)),
    ]).toEqual([1, 2, 3]);
    const other = await deriveMeetingCacheKey(two);
    await expect(crypto.subtle.decrypt({ name: 'AES-GCM', iv }, other, sealed)).rejects.toThrow();
    // Not a room password either: that is a SHA-256 of the secret under another label.
    const password = (await deriveRoomKeys(one, { kind: 'lobby' })).password;
    const asKey = await crypto.subtle.importKey(
      'raw',
      Buffer.from(password, 'hex'),
      'AES-GCM',
      false,
      ['decrypt'],
    );
    await expect(crypto.subtle.decrypt({ name: 'AES-GCM', iv }, asKey, sealed)).rejects.toThrow();
  });
});
