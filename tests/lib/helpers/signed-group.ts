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

  /**
   * The chair lets in every member who asks (admission, lib/shared-doc/admission.ts) until each
   * of `members` shows the chair's meeting. Sealing and opening keys are asynchronous: the
   * rounds also let those promises run.
   */
  async letIn(chair: GroupSession, members: readonly GroupSession[]): Promise<void> {
    for (let round = 0; round < 40; round++) {
      this.settle();
      for (const knock of chair.snapshot().knocks) await chair.admit(knock.memberId);
      this.settle();
      await new Promise((resolve) => setTimeout(resolve, 1));
      const meetingId = chair.snapshot().meetingId;
      if (members.every((m) => m.snapshot().meetingId === meetingId && m.snapshot().meeting)) {
        this.settle();
        return;
      }
    }
    throw new Error('not every member was let in');
  }

  dispose(): void {
    for (const session of this.sessions) session.dispose();
  }
}
