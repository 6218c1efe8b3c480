import * as Y from 'yjs';
import { deriveRoomKeys } from '../invite/room-name';
import type { RoomKeys } from '../invite/room-name';
import type { RoomHandle } from './room-connection';
import { systemClock } from './clock';
import type { Clock } from './clock';
import {
  announceMeeting,
  clearCurrentMeeting,
  newMeetingId,
  readCurrentMeeting,
} from '../shared-doc/lobby';
import { readMeeting, roleOf } from '../shared-doc/meeting-state';
import type { MeetingState } from '../shared-doc/meeting-state';
import {
  changeTimer,
  goToPhase,
  nextPhase,
  previousPhase,
  startMeeting,
} from '../shared-doc/meeting-commands';
import type { CommandResult, TimerAction } from '../shared-doc/meeting-commands';
import { decodePresence, listMembers, PRESENCE_FIELD } from '../shared-doc/presence';
import type { Member, PresenceState } from '../shared-doc/presence';
import { readBoard } from '../shared-doc/board-state';
import type { BoardState } from '../shared-doc/board-state';
import type { CommandContext } from '../shared-doc/board-commands';
import { handChair, takeChair } from '../shared-doc/board-commands';
import { readTimer } from '../shared-doc/timer';
import type { TimerState } from '../shared-doc/timer';
import { ClockOffsets } from '../shared-doc/clock-offsets';
import { endMeeting, readEndedSummary } from '../shared-doc/meeting-end';
import type { MeetingSummary } from '../shared-doc/meeting-end';
import type { Role } from '../method/roles';
import { describeConnection } from './connection-status';
import type { ConnectionStatus } from './connection-status';

/** Who this member is in the group. */
export interface GroupIdentity {
  readonly secret: Uint8Array;
  readonly memberId: string;
  readonly memberName: string;
  readonly groupName: string;
}

/**
 * What a session needs from the world. The panel passes y-webrtc rooms (`openRoom` of
 * room-connection.ts with its signaling options) and the system clock; tests pass in-memory
 * rooms and a clock they advance by hand.
 */
export interface GroupSessionDeps {
  /** Joins (or shares) the room for these keys; the session releases every handle it opens. */
  readonly openRoom: (keys: RoomKeys) => RoomHandle;
  /** The system clock unless given. */
  readonly clock?: Clock;
}

/** Everything the panel shows about a group session, as plain readonly values. */
export interface GroupSnapshot {
  /** Null while no meeting runs (or before the lobby has told us which one does). */
  readonly meetingId: string | null;
  readonly meeting: MeetingState | null;
  readonly members: readonly Member[];
  readonly connection: ConnectionStatus;
  /** The boards as this member may see them; null while no meeting runs. */
  readonly board: BoardState | null;
  readonly role: Role | null;
  readonly timer: TimerState | null;
  /** Milliseconds to add to our clock to read the timer on its writer's clock. */
  readonly timerOffset: number;
  /**
   * False when the chair's panel has been gone for a few seconds: then a member may take the
   * chair. A short absence (joining, a reconnect) does not count.
   */
  readonly chairPresent: boolean;
  /** The summary the group keeps, once the chair has ended the meeting. */
  readonly ended: MeetingSummary | null;
}

/** How often a panel refreshes the clock reading in its presence. */
const CLOCK_REFRESH_MS = 10_000;

/**
 * How long the chair must be missing from presence before a member may take the chair: a member
 * who just joined has not heard everybody yet, and a WebRTC reconnect takes a moment.
 */
export const CHAIR_GRACE_MS = 5_000;

const CONNECTING: ConnectionStatus = { kind: 'connecting' };

/** The snapshot before anything is known. */
export const EMPTY_SNAPSHOT: GroupSnapshot = {
  meetingId: null,
  meeting: null,
  members: [],
  connection: CONNECTING,
  board: null,
  role: null,
  timer: null,
  timerOffset: 0,
  chairPresent: false,
  ended: null,
};

/**
 * One member's live connection to their group: the lobby room (which meeting is running) and
 * the running meeting's own room with its fresh document. It owns both room handles and follows
 * the lobby to the current meeting; `dispose()` releases everything.
 */
export class GroupSession {
  private lobby: RoomHandle | null = null;
  private meeting: RoomHandle | null = null;
  private meetingId: string | null = null;
  private snapshotValue: GroupSnapshot = EMPTY_SNAPSHOT;
  private readonly offsets = new ClockOffsets();
  private readonly lastClocks = new Map<string, number>();
  private stopClockRefresh: (() => void) | null = null;
  /** Which chair we watch, and since when they have been missing from presence (null: present). */
  private chairWatch: { readonly id: string; missingSince: number | null } | null = null;
  private cancelChairCheck: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: Array<() => void> = [];
  private meetingCleanups: Array<() => void> = [];
  private disposed = false;
  private switching: Promise<void> = Promise.resolve();

  private readonly openRoom: GroupSessionDeps['openRoom'];
  private readonly clock: Clock;

  private constructor(
    private readonly identity: GroupIdentity,
    deps: GroupSessionDeps,
  ) {
    this.openRoom = deps.openRoom;
    this.clock = deps.clock ?? systemClock;
  }

  /** Connects to the group's lobby and, when one runs, to its current meeting. */
  static async open(identity: GroupIdentity, deps: GroupSessionDeps): Promise<GroupSession> {
    const session = new GroupSession(identity, deps);
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
  async startMeeting(
    methodId: string,
    phaseMinutes: readonly number[] | null = null,
  ): Promise<CommandResult> {
    const meetingId = newMeetingId();
    await this.follow(meetingId);
    const meeting = this.meeting;
    if (!meeting || this.disposed) return { ok: false, reason: 'already-started' };
    const result = startMeeting(meeting.doc, {
      methodId,
      chairId: this.identity.memberId,
      chairName: this.identity.memberName,
      groupName: this.identity.groupName,
      now: this.clock.now(),
      ...(phaseMinutes ? { phaseMinutes } : {}),
    });
    if (result.ok && this.lobby) {
      announceMeeting(this.lobby.doc, { meetingId, startedAt: this.clock.now() });
    }
    return result;
  }

  /**
   * Runs a board command as this member, on the running meeting's document. Returns the
   * command's result, or a refusal when no meeting runs.
   */
  run(command: (ctx: CommandContext) => CommandResult): CommandResult {
    if (!this.meeting) return { ok: false, reason: 'not-started' };
    return command({
      doc: this.meeting.doc,
      actorId: this.identity.memberId,
      actorName: this.identity.memberName,
      now: this.clock.now(),
    });
  }

  /** The chair pauses, resumes, extends or resets the phase timer. */
  timer(action: TimerAction): CommandResult {
    return this.onMeeting((doc) => {
      const timer = readTimer(doc);
      const offset = timer ? this.offsets.offset(timer.clockOf) : 0;
      return changeTimer(doc, this.identity.memberId, action, this.clock.now(), offset);
    });
  }

  /** A member takes the chair when the chair's panel has gone. */
  takeChair(): CommandResult {
    const present = this.snapshotValue.chairPresent;
    return this.run((ctx) => takeChair(ctx, present));
  }

  /** The chair ends the meeting: the boards are cleared for everyone; the summary stays. */
  endMeeting(): CommandResult {
    const meetingId = this.meetingId;
    if (!meetingId) return { ok: false, reason: 'not-started' };
    const result = this.onMeeting((doc) =>
      endMeeting(doc, this.identity.memberId, meetingId, this.clock.now()),
    );
    if (result.ok && this.lobby && readCurrentMeeting(this.lobby.doc)?.meetingId === meetingId) {
      clearCurrentMeeting(this.lobby.doc);
    }
    return result;
  }

  /** The chair's "next phase". */
  nextPhase(): CommandResult {
    return this.onMeeting((doc) => nextPhase(doc, this.identity.memberId, this.clock.now()));
  }

  /** The chair's "previous phase". */
  previousPhase(): CommandResult {
    return this.onMeeting((doc) => previousPhase(doc, this.identity.memberId, this.clock.now()));
  }

  /** The chair hands the chair to another member. */
  handChair(toId: string, toName: string): CommandResult {
    return this.run((ctx) => handChair(ctx, toId, toName));
  }

  /** The chair jumps to a phase. */
  goToPhase(index: number): CommandResult {
    return this.onMeeting((doc) => goToPhase(doc, this.identity.memberId, index, this.clock.now()));
  }

  /**
   * The shared documents exactly as every peer holds them (Yjs full state updates). For the
   * privacy check: whatever is not in here, no other member's panel can have received from us.
   */
  sharedState(): { readonly lobby: Uint8Array | null; readonly meeting: Uint8Array | null } {
    return {
      lobby: this.lobby ? Y.encodeStateAsUpdate(this.lobby.doc) : null,
      meeting: this.meeting ? Y.encodeStateAsUpdate(this.meeting.doc) : null,
    };
  }

  /** Leaves the group's rooms; safe to call more than once. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopClockRefresh?.();
    this.cancelChairCheck?.();
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
    const lobby = this.openRoom(keys);
    this.lobby = lobby;
    this.setPresence(lobby);
    // Presence carries a fresh clock reading, from which the others estimate our clock offset.
    this.stopClockRefresh = this.clock.every(CLOCK_REFRESH_MS, () => {
      if (this.meeting) this.setPresence(this.meeting);
    });
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
      const meeting = this.openRoom(keys);
      this.meeting = meeting;
      this.meetingId = meetingId;
      this.chairWatch = null;
      this.setPresence(meeting);
      const onChange = (): void => this.refresh();
      const onAwareness = (): void => {
        this.observeClocks(meeting);
        this.refresh();
      };
      meeting.doc.on('update', onChange);
      meeting.awareness.on('change', onAwareness);
      const offConnection = meeting.onConnectionChange(onChange);
      this.meetingCleanups.push(() => {
        meeting.doc.off('update', onChange);
        meeting.awareness.off('change', onAwareness);
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
      clock: this.clock.now(),
    };
    room.awareness.setLocalStateField(PRESENCE_FIELD, presence);
  }

  private observeClocks(room: RoomHandle): void {
    const received = this.clock.now();
    for (const state of room.awareness.getStates().values()) {
      const presence = decodePresence(state);
      if (!presence || presence.clock === undefined) continue;
      if (this.lastClocks.get(presence.memberId) === presence.clock) continue;
      this.lastClocks.set(presence.memberId, presence.clock);
      this.offsets.observe(presence.memberId, presence.clock, received);
    }
  }

  private refresh(): void {
    if (this.disposed) return;
    const room = this.meeting ?? this.lobby;
    const meeting = this.meeting ? readMeeting(this.meeting.doc) : null;
    const members = room
      ? listMembers(
          room.awareness.getStates(),
          meeting ?? readMeeting(room.doc),
          this.identity.memberId,
        )
      : [];
    const others = members.filter((m) => !m.isSelf).length;
    const connection = room
      ? describeConnection({ ...room.connectionFacts(), members: others })
      : CONNECTING;
    const started = meeting?.started ? meeting : null;
    const timer = this.meeting && started ? readTimer(this.meeting.doc) : null;
    const next: GroupSnapshot = {
      meetingId: this.meetingId,
      meeting: started,
      members,
      connection,
      board:
        this.meeting && started
          ? readBoard(this.meeting.doc, started.method, this.identity.memberId)
          : null,
      role: started ? roleOf(started, this.identity.memberId) : null,
      timer,
      timerOffset: timer ? this.offsets.offset(timer.clockOf) : 0,
      chairPresent: started?.chairId ? this.chairPresent(started.chairId, members) : false,
      ended: this.meeting && started?.ended ? readEndedSummary(this.meeting.doc) : null,
    };
    if (sameSnapshot(this.snapshotValue, next)) return;
    this.snapshotValue = next;
    for (const listener of [...this.listeners]) listener();
  }

  /**
   * The chair counts as present while they are in presence and for CHAIR_GRACE_MS after we
   * first found them missing (or after we started looking for a new chair); a refresh is due
   * when that ends. The grace runs from the refresh that finds them gone, not from the last one
   * that saw them: refreshes come only with changes, often more than CHAIR_GRACE_MS apart.
   */
  private chairPresent(chairId: string, members: readonly Member[]): boolean {
    const now = this.clock.now();
    if (this.chairWatch?.id !== chairId) this.chairWatch = { id: chairId, missingSince: null };
    if (members.some((m) => m.memberId === chairId)) {
      this.chairWatch.missingSince = null;
      return true;
    }
    this.chairWatch.missingSince ??= now;
    const left = this.chairWatch.missingSince + CHAIR_GRACE_MS - now;
    if (left <= 0) return false;
    this.cancelChairCheck?.();
    // A little late rather than early: a timer that fires early would find the grace not over.
    this.cancelChairCheck = this.clock.after(left + 50, () => {
      this.cancelChairCheck = null;
      this.refresh();
    });
    return true;
  }
}

function sameSnapshot(a: GroupSnapshot, b: GroupSnapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
