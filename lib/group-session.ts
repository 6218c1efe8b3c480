import { deriveRoomKeys } from './room-name';
import { openRoom } from './room-connection';
import type { RoomHandle, RoomOptions } from './room-connection';
import { announceMeeting, newMeetingId, readCurrentMeeting } from './lobby';
import { readSession } from './session-state';
import type { SessionState } from './session-state';
import { goToPhase, nextPhase, previousPhase, startMeeting } from './session-commands';
import type { CommandResult } from './session-commands';
import { listMembers, PRESENCE_FIELD } from './presence';
import type { Member, PresenceState } from './presence';
import { describeConnection } from './connection-status';
import type { ConnectionStatus } from './connection-status';

/** Who this member is in the group. */
export interface GroupIdentity {
  readonly secret: Uint8Array;
  readonly memberId: string;
  readonly memberName: string;
  readonly groupName: string;
}

/** Everything the panel shows about a group session, as plain readonly values. */
export interface GroupSnapshot {
  /** Null while no meeting runs (or before the lobby has told us which one does). */
  readonly meetingId: string | null;
  readonly session: SessionState | null;
  readonly members: readonly Member[];
  readonly connection: ConnectionStatus;
}

const CONNECTING: ConnectionStatus = { kind: 'connecting' };

/**
 * One member's live connection to their group: the lobby room (which meeting is running) and
 * the running meeting's own room with its fresh document. It owns both room handles and follows
 * the lobby to the current meeting; `dispose()` releases everything.
 */
export class GroupSession {
  private lobby: RoomHandle | null = null;
  private meeting: RoomHandle | null = null;
  private meetingId: string | null = null;
  private snapshotValue: GroupSnapshot = {
    meetingId: null,
    session: null,
    members: [],
    connection: CONNECTING,
  };
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: Array<() => void> = [];
  private meetingCleanups: Array<() => void> = [];
  private disposed = false;
  private switching: Promise<void> = Promise.resolve();

  private constructor(
    private readonly identity: GroupIdentity,
    private readonly options: RoomOptions,
    private readonly now: () => number,
  ) {}

  /** Connects to the group's lobby and, when one runs, to its current meeting. */
  static async open(
    identity: GroupIdentity,
    options: RoomOptions,
    now: () => number = Date.now,
  ): Promise<GroupSession> {
    const session = new GroupSession(identity, options, now);
    await session.connectLobby();
    return session;
  }

  /** The current snapshot; the same object until something changes. */
  snapshot(): GroupSnapshot {
    return this.snapshotValue;
  }

  /** Calls `listener` after every change of the snapshot; returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts a new meeting with this member as chair, in a fresh document. */
  async startMeeting(methodId: string): Promise<CommandResult> {
    const meetingId = newMeetingId();
    await this.follow(meetingId);
    const meeting = this.meeting;
    if (!meeting || this.disposed) return { ok: false, reason: 'already-started' };
    const result = startMeeting(meeting.doc, {
      methodId,
      chairId: this.identity.memberId,
      chairName: this.identity.memberName,
      groupName: this.identity.groupName,
      now: this.now(),
    });
    if (result.ok && this.lobby) {
      announceMeeting(this.lobby.doc, { meetingId, startedAt: this.now() });
    }
    return result;
  }

  /** The chair's "next phase". */
  nextPhase(): CommandResult {
    return this.onMeeting((doc) => nextPhase(doc, this.identity.memberId, this.now()));
  }

  /** The chair's "previous phase". */
  previousPhase(): CommandResult {
    return this.onMeeting((doc) => previousPhase(doc, this.identity.memberId, this.now()));
  }

  /** The chair jumps to a phase. */
  goToPhase(index: number): CommandResult {
    return this.onMeeting((doc) => goToPhase(doc, this.identity.memberId, index, this.now()));
  }

  /** Leaves the group's rooms; safe to call more than once. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.leaveMeeting();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.lobby?.release();
    this.lobby = null;
    this.listeners.clear();
  }

  private onMeeting(run: (doc: RoomHandle['doc']) => CommandResult): CommandResult {
    if (!this.meeting) return { ok: false, reason: 'not-chair' };
    return run(this.meeting.doc);
  }

  private async connectLobby(): Promise<void> {
    const keys = await deriveRoomKeys(this.identity.secret, { kind: 'lobby' });
    if (this.disposed) return;
    const lobby = openRoom(keys, this.options);
    this.lobby = lobby;
    this.setPresence(lobby);
    const onLobbyUpdate = (): void => {
      const pointer = readCurrentMeeting(lobby.doc);
      if (pointer && pointer.meetingId !== this.meetingId) void this.follow(pointer.meetingId);
      this.refresh();
    };
    lobby.doc.on('update', onLobbyUpdate);
    const onAwareness = (): void => this.refresh();
    lobby.awareness.on('change', onAwareness);
    const offConnection = lobby.onConnectionChange(() => this.refresh());
    this.cleanups.push(() => {
      lobby.doc.off('update', onLobbyUpdate);
      lobby.awareness.off('change', onAwareness);
      offConnection();
    });
    onLobbyUpdate();
  }

  /** Switches to the meeting with this id; switches are serialised so that none interleave. */
  private follow(meetingId: string): Promise<void> {
    this.switching = this.switching.then(async () => {
      if (this.disposed || this.meetingId === meetingId) return;
      const keys = await deriveRoomKeys(this.identity.secret, { kind: 'meeting', meetingId });
      if (this.disposed) return;
      this.leaveMeeting();
      const meeting = openRoom(keys, this.options);
      this.meeting = meeting;
      this.meetingId = meetingId;
      this.setPresence(meeting);
      const onChange = (): void => this.refresh();
      meeting.doc.on('update', onChange);
      meeting.awareness.on('change', onChange);
      const offConnection = meeting.onConnectionChange(onChange);
      this.meetingCleanups.push(() => {
        meeting.doc.off('update', onChange);
        meeting.awareness.off('change', onChange);
        offConnection();
      });
      this.refresh();
    });
    return this.switching;
  }

  private leaveMeeting(): void {
    for (const cleanup of this.meetingCleanups.splice(0)) cleanup();
    this.meeting?.release();
    this.meeting = null;
    this.meetingId = null;
  }

  private setPresence(room: RoomHandle): void {
    const presence: PresenceState = {
      memberId: this.identity.memberId,
      name: this.identity.memberName,
    };
    room.awareness.setLocalStateField(PRESENCE_FIELD, presence);
  }

  private refresh(): void {
    if (this.disposed) return;
    const room = this.meeting ?? this.lobby;
    const session = this.meeting ? readSession(this.meeting.doc) : null;
    const members = room
      ? listMembers(
          room.awareness.getStates(),
          session ?? readSession(room.doc),
          this.identity.memberId,
        )
      : [];
    const others = members.filter((m) => !m.isSelf).length;
    const connection = room
      ? describeConnection({ ...room.connectionFacts(), members: others })
      : CONNECTING;
    const next: GroupSnapshot = {
      meetingId: this.meetingId,
      session: session?.started ? session : null,
      members,
      connection,
    };
    if (sameSnapshot(this.snapshotValue, next)) return;
    this.snapshotValue = next;
    for (const listener of [...this.listeners]) listener();
  }
}

function sameSnapshot(a: GroupSnapshot, b: GroupSnapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
