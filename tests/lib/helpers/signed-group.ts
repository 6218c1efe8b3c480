import { GroupSession } from '../../../lib/connection/group-session';
import type { GroupSessionDeps, GroupSnapshot } from '../../../lib/connection/group-session';
import type { RoomHandle } from '../../../lib/connection/room-connection';
import { deriveRoomKeys } from '../../../lib/invite/room-name';
import { knock, newBox, openAnswer, readAnswer } from '../../../lib/shared-doc/admission';
import type { DeviceSigner, SessionSigner } from '../../../lib/shared-doc/signed';
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

  /**
   * Opens a member's panel; the id it passes is replaced by its device key's. `options` may give
   * the panel a cache, or rooms of its own (the group's, with something taken out).
   */
  async open(
    name: string,
    device: DeviceSigner,
    options: Partial<
      Pick<GroupSessionDeps, 'provePresenceAhead' | 'meetingCache' | 'openRoom'>
    > = {},
  ): Promise<GroupSession> {
    const session = await GroupSession.open(
      {
        secret: this.secret,
        memberId: 'ignored-0001',
        memberName: name,
        groupName: this.groupName,
      },
      { openRoom: this.rooms.openerFor(name), clock: this.clock, device, ...options },
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
    // Bounded by rounds, not by time alone: WebCrypto on a loaded machine takes its while.
    for (let round = 0; round < 400; round++) {
      this.settle();
      for (const knock of chair.snapshot().knocks) await chair.admit(knock.memberId);
      this.settle();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const meetingId = chair.snapshot().meetingId;
      if (members.every((m) => m.snapshot().meetingId === meetingId && m.snapshot().meeting)) {
        this.settle();
        return;
      }
    }
    throw new Error('not every member was let in');
  }

  /**
   * Delivers, draws frames and lets WebCrypto's promises run until `holds` is true of the
   * session's snapshot; bounded by rounds (a loaded machine takes its while).
   */
  async eventually(
    session: GroupSession,
    holds: (snapshot: GroupSnapshot) => boolean,
  ): Promise<GroupSnapshot> {
    for (let round = 0; round < 400; round++) {
      this.settle();
      if (holds(session.snapshot())) return session.snapshot();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`never held: ${JSON.stringify(session.snapshot())}`);
  }

  dispose(): void {
    for (const session of this.sessions) session.dispose();
  }
}

/**
 * A raw seat in the meeting the chair shows, for a hostile member with a card of their own: they
 * ask in the lobby like a panel (admission) and the chair lets them in; `settle` delivers.
 */
export async function admittedRoom(options: {
  readonly secret: Uint8Array;
  readonly open: (keys: { roomName: string; password: string }) => RoomHandle;
  readonly chair: GroupSession;
  readonly signer: SessionSigner;
  readonly now: number;
  readonly settle: () => void;
}): Promise<RoomHandle> {
  const { chair, signer, settle } = options;
  const meetingId = chair.snapshot().meetingId!;
  const lobby = options.open(await deriveRoomKeys(options.secret, { kind: 'lobby' }));
  const box = newBox();
  knock(lobby.doc, meetingId, signer, box, options.now);
  settle();
  const admitted = await chair.admit(signer.card.memberId);
  if (!admitted.ok) throw new Error(`not let in: ${admitted.reason}`);
  settle();
  const answer = readAnswer(lobby.doc, meetingId, signer.card.memberId, box);
  if (answer?.kind !== 'admitted') throw new Error('no answer that lets in');
  const key = await openAnswer(answer, box, meetingId, signer.card.memberId);
  if (!key) throw new Error('the key did not open');
  const room = options.open(await deriveRoomKeys(key, { kind: 'meeting', meetingId }));
  settle();
  return room;
}
