import { afterEach, describe, expect, it } from 'vitest';
import { GroupSession } from '../../../lib/connection/group-session';
import { addPitch } from '../../../lib/shared-doc/board-commands';
import { markPageGoing, pageGoing } from '../../../lib/util/page-going';
import { FakeClock } from '../helpers/fake-clock';
import { InMemoryRooms } from '../helpers/in-memory-rooms';
import { member } from '../helpers/meeting';
import type { TestMember } from '../helpers/meeting';
import { until } from '../helpers/until-snapshot';

/**
 * A page that is going (`pagehide`, not into the back/forward cache) leaves its rooms, which
 * clears this member's presence: a session heard that as news and read its meeting again inside
 * the page's unload, for a screen nobody sees, and a reloading panel's next page waited for it
 * (components/shell/lazy-views.ts `leaveAllRooms`). From the mark on, nothing is read again.
 */
const SECRET = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
const anna = member('Anna');
const bram = member('Bram');
const rooms = new InMemoryRooms();
const clock = new FakeClock();
const sessions: GroupSession[] = [];

async function open(who: TestMember): Promise<GroupSession> {
  const session = await GroupSession.open(
    { secret: SECRET, memberId: who.id, memberName: who.name, groupName: 'Intervisie B3' },
    { openRoom: rooms.openerFor(who.name), clock },
  );
  sessions.push(session);
  return session;
}

function settle(): void {
  for (let round = 0; round < 2; round++) {
    rooms.flush();
    clock.nextFrame();
  }
}

afterEach(() => {
  for (const session of sessions) session.dispose();
});

describe('a page that is going', () => {
  it('reads nothing more, where the same change showed before the mark', async () => {
    const [chair, other] = [await open(anna), await open(bram)];
    expect(await chair.startMeeting('basic')).toEqual({ ok: true });
    rooms.flush();
    await until(other, (s) => s.meeting !== null);
    settle();

    // Before: a pitch of Bram's shows in Anna's panel.
    expect(other.run((ctx) => addPitch(ctx, 'Een ouder die steeds boos belt', 'case'))).toEqual({
      ok: true,
    });
    settle();
    await until(chair, (s) => s.board?.pitches.length === 1);

    let refreshed = 0;
    chair.subscribe(() => refreshed++);
    expect(pageGoing()).toBe(false);
    markPageGoing();
    expect(pageGoing()).toBe(true);
    expect(other.run((ctx) => addPitch(ctx, 'Samenwerken met een nieuwe collega', 'case'))).toEqual(
      { ok: true },
    );
    settle();
    clock.advance(1_000);
    settle();
    expect(refreshed).toBe(0);
    expect(chair.snapshot().board?.pitches).toHaveLength(1);
  });
});
