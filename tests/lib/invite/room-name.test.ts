import { describe, expect, it } from 'vitest';
import { deriveGroupId, deriveRoomKeys } from '../../../lib/invite/room-name';
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
});
