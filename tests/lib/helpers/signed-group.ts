import { GroupSession } from '../../../lib/connection/group-session';
import type { DeviceSigner } from '../../../lib/shared-doc/signed';
import { FakeClock } from './fake-clock';
import { InMemoryRooms } from './in-memory-rooms';

/**
 * Members of one group in signed sessions (a device key each) on in-memory rooms, with one
 * clock that moves only when told: for tests of who may write what (lib/shared-doc/signed.ts).
 */
export class SignedGroup {
  readonly rooms = new InMemoryRooms();
  readonly clock = new FakeClock();
  readonly sessions: GroupSession[] = [];

  constructor(
    private readonly secret: Uint8Array,
    private readonly groupName = 'Testgroep',
  ) {}

  /** Opens a member's panel; the id it passes is replaced by its device key's. */
  async open(name: string, device: DeviceSigner): Promise<GroupSession> {
    const session = await GroupSession.open(
      {
        secret: this.secret,
        memberId: 'ignored-0001',
        memberName: name,
        groupName: this.groupName,
      },
      { openRoom: this.rooms.openerFor(name), clock: this.clock, device },
    );
    this.sessions.push(session);
    return session;
  }

  /** Delivers everything and draws the frames after, until the panels have written back too. */
  settle(): void {
    for (let round = 0; round < 3; round++) {
      this.rooms.flush();
      this.clock.nextFrame();
    }
  }

  dispose(): void {
    for (const session of this.sessions) session.dispose();
  }
}
