import { afterEach, describe, expect, it } from 'vitest';
import { GroupSession } from '../../../lib/connection/group-session';
import { LOAD_STALL_MS } from '../../../lib/connection/load-watch';
import type { RoomHandle } from '../../../lib/connection/room-connection';
import type { RoomKeys } from '../../../lib/invite/room-name';
import { deriveRoomKeys } from '../../../lib/invite/room-name';
import { FakeClock } from '../helpers/fake-clock';
import { InMemoryRooms } from '../helpers/in-memory-rooms';
import { member } from '../helpers/meeting';
import type { TestMember } from '../helpers/meeting';
import { until } from '../helpers/until-snapshot';

const SECRET = Uint8Array.from({ length: 16 }, (_, i) => 40 + i);
const anna = member('Anna');
const bram = member('Bram');
/** Long enough for every refresh that waits for a frame to run. */
const A_FRAME = 100;

const sessions: GroupSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

/**
 * In-memory rooms whose meeting room reports a receive progress set by the test, as the framing
 * of a y-webrtc room reports a large meeting arriving in parts.
 */
function withProgress() {
  let progress: number | null = null;
  const listeners = new Set<() => void>();
  return {
    wrap:
      (open: (keys: RoomKeys) => RoomHandle) =>
      (keys: RoomKeys): RoomHandle => {
        const room = open(keys);
        return {
          ...room,
          receiveProgress: () => progress,
          onConnectionChange(listener) {
            listeners.add(listener);
            const off = room.onConnectionChange(listener);
            return () => {
              listeners.delete(listener);
              off();
            };
          },
        };
      },
    arrive(share: number | null): void {
      progress = share;
      for (const listener of [...listeners]) listener();
    },
  };
}

async function open(
  rooms: InMemoryRooms,
  clock: FakeClock,
  who: TestMember,
  openRoom = rooms.openerFor(who.name),
): Promise<GroupSession> {
  const session = await GroupSession.open(
    { secret: SECRET, memberId: who.id, memberName: who.name, groupName: 'Intervisie B3' },
    { openRoom, clock },
  );
  sessions.push(session);
  return session;
}

/**
 * Anna runs a meeting; Bram hears of it in the lobby, but nothing of the meeting itself reaches
 * him yet (Anna's meeting room is cut off, as when its WebRTC connections fail).
 */
async function bramWaiting(
  opener: (rooms: InMemoryRooms) => (keys: RoomKeys) => RoomHandle = (rooms) =>
    rooms.openerFor(bram.name),
) {
  const rooms = new InMemoryRooms();
  const clock = new FakeClock();
  const chair = await open(rooms, clock, anna);
  const waiting = await open(rooms, clock, bram, opener(rooms));
  expect(await chair.startMeeting('basic')).toEqual({ ok: true });
  const meetingId = chair.snapshot().meetingId ?? '';
  const { roomName } = await deriveRoomKeys(SECRET, { kind: 'meeting', meetingId });
  rooms.disconnect(anna.name, roomName);
  rooms.flush();
  await until(waiting, (s) => s.meetingId === meetingId);
  rooms.flush();
  clock.advance(A_FRAME);
  return { rooms, clock, waiting, roomName };
}

describe('a member waiting for the meeting to arrive', () => {
  it('sees it loading, then after LOAD_STALL_MS a stall with advice, and the meeting once it arrives', async () => {
    const { rooms, clock, waiting, roomName } = await bramWaiting();
    expect(waiting.snapshot().meeting).toBeNull();
    expect(waiting.snapshot().loading).toEqual({ percent: null, stalled: false });
    clock.advance(LOAD_STALL_MS);
    expect(waiting.snapshot().loading).toEqual({ percent: null, stalled: true });
    rooms.reconnect(anna.name, roomName);
    rooms.flush();
    clock.advance(A_FRAME);
    expect(waiting.snapshot().meeting?.started).toBe(true);
    expect(waiting.snapshot().loading).toBeNull();
  });

  it('sees how much of a large meeting has arrived, and no stall while parts keep coming', async () => {
    const framed = withProgress();
    const { clock, waiting } = await bramWaiting((rooms) =>
      framed.wrap(rooms.openerFor(bram.name)),
    );
    framed.arrive(0.4);
    clock.advance(A_FRAME);
    expect(waiting.snapshot().loading).toEqual({ percent: 40, stalled: false });
    clock.advance(LOAD_STALL_MS - 2 * A_FRAME);
    framed.arrive(0.8);
    clock.advance(LOAD_STALL_MS - 2 * A_FRAME);
    expect(waiting.snapshot().loading).toEqual({ percent: 80, stalled: false });
  });

  it('shows no loading to a member who has the meeting', async () => {
    const rooms = new InMemoryRooms();
    const clock = new FakeClock();
    const chair = await open(rooms, clock, anna);
    expect(await chair.startMeeting('basic')).toEqual({ ok: true });
    clock.advance(LOAD_STALL_MS * 2);
    expect(chair.snapshot().meeting?.started).toBe(true);
    expect(chair.snapshot().loading).toBeNull();
  });
});
