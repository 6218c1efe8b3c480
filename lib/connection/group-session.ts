import * as Y from 'yjs';
import { deriveRoomKeys } from '../invite/room-name';
import { KEPT_MEETING_MAX_AGE_MS } from '../util/limits';
import { shownName } from '../util/clean-name';
import type { RoomKeys } from '../invite/room-name';
import type { RoomHandle } from './room-connection';
import { FRAME_MS, systemClock } from './clock';
import { PresenceWatch } from './presence-watch';
import type { Clock } from './clock';
import { announceMeeting, markMeetingEnded, newMeetingId, readLobby } from '../shared-doc/lobby';
import type { LobbyState, StartedMeeting } from '../shared-doc/lobby';
import { LOCAL_ORIGIN } from '../shared-doc/doc-schema';
import { readMeeting, roleOf } from '../shared-doc/meeting-state';
import type { MeetingState } from '../shared-doc/meeting-state';
import {
  changeTimer,
  fitChairToGroup,
  setTimekeeper,
  goToPhase,
  nextPhase,
  previousPhase,
  startMeeting,
} from '../shared-doc/meeting-commands';
import type { CommandResult, TimerAction } from '../shared-doc/meeting-commands';
import { heardGroupName } from '../shared-doc/group-name';
import { decodePresence, listMembers, PRESENCE_FIELD } from '../shared-doc/presence';
import type { Member, PresenceState } from '../shared-doc/presence';
import { readBoard } from '../shared-doc/board-state';
import type { BoardState } from '../shared-doc/board-state';
import type { CommandContext } from '../shared-doc/board-commands';
import { handChair, takeChair, takeChairBack } from '../shared-doc/board-commands';
import { readTimer } from '../shared-doc/timer';
import type { TimerState } from '../shared-doc/timer';
import { ClockOffsets } from '../shared-doc/clock-offsets';
import { endMeeting, readEndedSummary } from '../shared-doc/meeting-end';
import { tendMeeting } from '../shared-doc/meeting-upkeep';
import type { MeetingSummary } from '../shared-doc/meeting-end';
import type { Role } from '../method/roles';
import { countViaServer, describeConnection, memberLinks } from './connection-status';
import type { PeerLink } from './relay-plan';
import type { ConnectionStatus } from './connection-status';
import { LoadWatch } from './load-watch';
import {
  enforceSignatures,
  provenSignatures,
  vouchFor,
  vouchVerified,
  learnCard,
  newSessionSigner,
  onTrustChange,
  fingerprintOf,
  publishCard,
  rejectedWrites,
} from '../shared-doc/signed';
import type { DeviceSigner, RejectedWrite, SessionSigner } from '../shared-doc/signed';
import { provePresencesAhead, provenWritesAhead, vouchOwnCard } from '../shared-doc/vouch-ahead';
import type { ProvenWrites } from '../shared-doc/vouch-ahead';
import {
  decodePresence as readPresence,
  presenceProof,
  proofBytes,
  ProofsInFlight,
  provenCard,
} from '../shared-doc/presence';
import { judgeAgain } from '../shared-doc/last-valid';
import { MEETING_KEYS, lobbyMap, meetingMap } from '../shared-doc/doc-schema';
import type { MeetingLoading } from './load-watch';
import {
  admit,
  hasKnocked,
  isAdmissionKey,
  knock,
  knockBytes,
  meetingIdOf,
  newBox,
  newMeetingKey,
  openAnswer,
  readAnswer,
  readKnocks,
  refuse,
  roomCheckOf,
  unansweredKnocks,
} from '../shared-doc/admission';
import type { Box, Knock } from '../shared-doc/admission';
import { issueNewInvite, NEW_INVITE_KEY, readNewInvite } from './new-invite';
import { FRESH_ROOM_KEY, markFreshRoom, readFreshRoom } from './fresh-room';
import { DOORKEEPER_KEY, readDoorkeeper, setDoorkeeper } from './doorkeeper';
import { readTimekeeper } from '../shared-doc/timekeeper';
import { createInvite } from '../invite/invite';
import { shareEqual } from '../util/share-equal';
import { sameBytes } from '../util/bytes';
import { HandoffDesk } from './meeting-handoff';
import { traceMark } from '../util/trace';
import { pageGoing } from '../util/page-going';

/** Who this member is in the group. */
export interface GroupIdentity {
  readonly secret: Uint8Array;
  readonly memberId: string;
  readonly memberName: string;
  /** '' while this member does not know it (joined with an invite): then it is learnt. */
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
  /**
   * Where this panel keeps the group's shared state between reloads (lib/device/meeting-cache.ts,
   * sealed with the group's key); none: a reload starts from what the others have.
   */
  readonly meetingCache?: MeetingCachePort;
  /**
   * This device's key pair (lib/device/device-key.ts). With it, the member's id is the key's
   * (`memberIdOf`), every meeting document enforces signatures and every write is signed
   * (shared-doc/signed.ts), and presence proves its card. Without it (unit tests of the lobby
   * and of the meeting logic), documents are read and written unsigned.
   */
  readonly device?: DeviceSigner;
  /**
   * The cache for another secret of this group: when the chair issues a new invite, the panel
   * moves its lobby and its cache to the new secret (new-invite.ts). None: the cache stays.
   */
  readonly cacheFor?: (secret: Uint8Array) => MeetingCachePort;
  /**
   * A new member's lobby presences are verified by WebCrypto before a read counts them
   * (`proveAhead`): a member shows a few ms later, and a panel joining a group of eight does not
   * spend 40 ms of curve math on the main thread ahead of the lobby's first sync. The panel turns
   * it on; without it (unit tests that read presence right after it arrives) presence is verified
   * on read.
   */
  readonly provePresenceAhead?: boolean;
}

/**
 * The shared state a panel keeps for one group: the lobby, and each meeting it holds that has
 * not ended (Yjs full-state updates). Declared here for lib/device/meeting-cache.ts to fill,
 * since connection/ and device/ do not import each other; the panel hands one to the other.
 */
export interface CachedGroupState {
  readonly savedAt: number;
  readonly lobby: Uint8Array | null;
  readonly meetings: ReadonlyArray<KeptMeeting>;
  /** The keys of the meetings this panel was let into (signed sessions), by meeting id. */
  readonly keys?: ReadonlyArray<{
    readonly meetingId: string;
    readonly key: Uint8Array;
    /** The meeting's first key, when it moved to a fresh room (fresh-room.ts). */
    readonly first?: Uint8Array;
  }>;
  /** Members this device has met in the group's meetings: let in without asking the chair. */
  readonly regulars?: readonly Regular[];
}

/** One meeting's shared state, and the proofs of the signatures this panel verified in it. */
export interface KeptMeeting {
  readonly meetingId: string;
  readonly state: Uint8Array;
  /** `provenSignatures` of its document: a restore need not verify those again. */
  readonly proven?: Uint8Array;
}

/** A member this device remembers from the group's meetings. */
export interface Regular {
  readonly memberId: string;
  readonly name: string;
}

/** One group's cache; neither method rejects (a cache that fails is a cache that is empty). */
export interface MeetingCachePort {
  load(): Promise<CachedGroupState | null>;
  save(record: CachedGroupState): Promise<void>;
  /** Wipes it (the group moved to a new invite); optional. */
  clear?(): Promise<void>;
}

/**
 * Whether this panel has heard its group yet. 'looking' until another member's panel (presence)
 * or document update reached us; 'alone' when the signaling server has been reachable for
 * ALONE_AFTER_MS and still nobody appeared (ALONE_DESPITE_PEERS_MS while the server says other
 * panels are there). A panel that is looking must not offer to start a meeting as if none ran:
 * while the server is down, the group may well be in one.
 */
export type LobbyHearing = 'looking' | 'heard' | 'alone';

/** Everything the panel shows about a group session, as plain readonly values. */
export interface GroupSnapshot {
  /** Null while no meeting runs (or before the lobby has told us which one does). */
  readonly meetingId: string | null;
  readonly meeting: MeetingState | null;
  readonly members: readonly Member[];
  /**
   * How other members are reached, by member id: 'direct' or 'server' (the encrypted relay).
   * A member missing here is still connecting, or heard only through a third member.
   */
  readonly links: Readonly<Record<string, PeerLink>>;
  readonly connection: ConnectionStatus;
  /**
   * Peers that receive the lobby or the meeting shown without showing a presence: "someone
   * unknown is connected" (unseen-peers.ts); the larger count of the two rooms.
   */
  readonly unknownPeers: number;
  /** The boards as this member may see them; null while no meeting runs. */
  readonly board: BoardState | null;
  readonly role: Role | null;
  readonly timer: TimerState | null;
  /** Milliseconds to add to our clock to read the timer on its writer's clock. */
  readonly timerOffset: number;
  /** The member the chair named to keep the time too (timekeeper.ts); null: the chair alone. */
  readonly timekeeper: string | null;
  /**
   * False when the chair's panel has been gone for a few seconds: then a member may take the
   * chair. A short absence (joining, a reconnect) does not count.
   */
  readonly chairPresent: boolean;
  /**
   * False when the case bringer's panel has been gone for a few seconds (the same grace as the
   * chair's): what only they do on the board (marking answers, choosing the core question,
   * starring advice) waits for them. True without a case bringer.
   */
  readonly bringerPresent: boolean;
  /** The summary the group keeps, once the chair has ended the meeting. */
  readonly ended: MeetingSummary | null;
  /** How far this panel has heard its group (see LobbyHearing). */
  readonly lobby: LobbyHearing;
  /**
   * The meeting the group is in by the lobby's rule; differs from `meetingId` while this member
   * looks at another meeting that was started at the same time.
   */
  readonly groupMeetingId: string | null;
  /** Other meetings that run (started, not ended) besides the one shown, in the lobby's order. */
  readonly otherMeetings: readonly StartedMeeting[];
  /**
   * While the meeting named by the lobby has not arrived: how far it is, or that it stalled
   * (load-watch.ts). Null otherwise.
   */
  readonly loading: MeetingLoading | null;
  /**
   * The group's name: this member's own, or else the one the others say (group-name.ts) once
   * heard; null while nobody has said.
   */
  readonly groupName: string | null;
  /**
   * Writes this panel refused in the meeting shown (forged, unsigned, not theirs, not allowed in
   * their role), by who they claim to be from; for the chair to see. Empty for other members.
   */
  readonly rejected: readonly RejectedSummary[];
  /** This member's id (the device key's, in a signed session). */
  readonly selfId: string;
  /** True when this member's chair was taken while they were away: they may take it back. */
  readonly mayTakeBack: boolean;
  /**
   * This member is asking to be let into the group's meeting (signed sessions): waiting for the
   * chair, or refused. Null when in the meeting, or when none runs.
   */
  readonly admission: AdmissionView | null;
  /**
   * Members asking to join the meeting shown, for its chair (or the member the chair lets open
   * the door) to let in or refuse; else empty.
   */
  readonly knocks: readonly KnockView[];
  /** The member the chair lets answer who asks, besides the chair; null: the chair alone. */
  readonly doorkeeper: string | null;
  /**
   * The group's invite code when the chair issued a new one and this panel moved to it (the
   * panel remembers it in place of the old); null while the group keeps the invite it opened with.
   */
  readonly newInvite: string | null;
}

/** Where this member's ask to join stands. */
export interface AdmissionView {
  readonly state: 'asking' | 'refused';
  /** This device's fingerprint, for the chair to compare with what they see. */
  readonly fingerprint: string;
  /** Who refused, when refused. */
  readonly refusedBy: string | null;
  /** Who started the meeting asked for, as the lobby names them (null: a panel that wrote none). */
  readonly chairName: string | null;
  /**
   * While asking: 'chair' when the member who started the meeting has not been in the lobby for
   * a while (someone else may still let them in), 'everyone' when nobody of the group has; null
   * while they are there, or not yet known.
   */
  readonly away: 'chair' | 'everyone' | null;
}

/** A member asking to join, as the chair sees them. */
export interface KnockView {
  /** The meeting asked for: the one shown, or another this member chairs (started apart). */
  readonly meetingId: string;
  readonly memberId: string;
  readonly name: string;
  readonly fingerprint: string;
}

/** Refused writes of one claimed writer. */
export interface RejectedSummary {
  /** The name of the member the writes claim to be from, when known; null: nobody known. */
  readonly name: string | null;
  readonly memberId: string | null;
  readonly count: number;
}

/**
 * How long after a stretch alone a take-over of this member's chair is still taken as made
 * while they were away (it reaches the panel with the others' presence as it comes back).
 */
const RECENTLY_ALONE_MS = 5_000;

/**
 * How long another member's presence in the lobby may stand alone before it counts as having
 * heard the group (GroupSession's `hearing`). Their state follows a round trip later, and their
 * answer says so (RoomHandle.syncedWithPeer, through the relay too): this only bounds the wait
 * for a peer whose presence came and whose answer does not. A round trip is 300 ms on a slow
 * network (TURN over TCP), and more on a busy machine: at 1.5 s, a newcomer was once offered
 * "I chair today" for a moment before asking to be let in (slow-network e2e, fresh-clone CI).
 */
export const PRESENCE_SETTLE_MS = 5_000;

/** How long the chair's panel stays in the old room after moving the meeting to a fresh one. */
export const FRESH_ROOM_LINGER_MS = 1_500;

/** How often a panel refreshes the clock reading in its presence. */
const CLOCK_REFRESH_MS = 10_000;

/**
 * How long the chair must be missing from presence before a member may take the chair: a member
 * who just joined has not heard everybody yet, and a WebRTC reconnect takes a moment.
 */
export const CHAIR_GRACE_MS = 5_000;

/**
 * How long the signaling server must be reachable with nobody else appearing before a panel
 * counts itself alone and offers to start a meeting. Others appear within a second or two on a
 * working network; a meeting started wrongly alone still loses to the one already running.
 */
export const ALONE_AFTER_MS = 5_000;

/**
 * How long instead while the server says other panels of the group are there (their
 * announcements, RoomHandle.peersThere) and none has shown itself yet: no WebRTC path reaches
 * them (a firewalled TURN server, a strict network), and they come through the encrypted relay
 * once it starts (relay-plan RP10: 2 s after they are heard in the lobby, more when the server
 * is slow to pass it on), their state a round trip or PRESENCE_SETTLE_MS after.
 * Counting alone before that offered a newcomer the group's first member's screen (the invite
 * as step one, "I chair today") while the group was waiting to let them in. Bounded all the
 * same: a panel that announces and never shows a presence must not keep everyone looking.
 */
export const ALONE_DESPITE_PEERS_MS = 20_000;

/**
 * The panel saves its cache at most this often while changes keep coming: often enough for a
 * crash to lose little, rarely enough to cost nothing in a busy phase.
 */
export const CACHE_SAVE_DELAY_MS = 2_000;

/**
 * How soon a change is saved after a quiet while, and always a meeting just joined (it arrived
 * at once), this member's own write, a meeting key just received and a regular just let in:
 * kept within a moment. The save on `pagehide` is not to
 * be counted on: sealing and storing are asynchronous, and a reloading page is gone before they
 * finish.
 */
export const CACHE_SETTLE_MS = 300;

/** Other meetings a snapshot lists at most: more is junk in the lobby, not a group. */
const MAX_OTHER_MEETINGS = 3;

/**
 * The chair-only keys of the meeting's document that this layer defines (who else lets people
 * in, the fresh room, the new invite): a new chair's panel writes them again in its own name
 * with the rest (meeting-upkeep.ts), so that they survive a second hand-over.
 */
const CONNECTION_CHAIR_KEYS: readonly string[] = [DOORKEEPER_KEY, FRESH_ROOM_KEY, NEW_INVITE_KEY];

/** Origin of a cached state applied to a document: not news from the group. */
const CACHE_ORIGIN = Symbol('kring-cache');

const NO_MEETINGS: LobbyState = { current: null, running: [], ended: new Set() };

const CONNECTING: ConnectionStatus = { kind: 'connecting' };

/** The snapshot before anything is known. */
export const EMPTY_SNAPSHOT: GroupSnapshot = {
  meetingId: null,
  meeting: null,
  members: [],
  links: {},
  connection: CONNECTING,
  unknownPeers: 0,
  board: null,
  role: null,
  timer: null,
  timerOffset: 0,
  timekeeper: null,
  chairPresent: false,
  bringerPresent: true,
  ended: null,
  lobby: 'looking',
  groupMeetingId: null,
  otherMeetings: [],
  loading: null,
  groupName: null,
  rejected: [],
  selfId: '',
  mayTakeBack: false,
  admission: null,
  knocks: [],
  doorkeeper: null,
  newInvite: null,
};

/** A meeting room this panel holds: the one it shows, or one kept for content it has. */
interface HeldMeeting {
  readonly room: RoomHandle;
  readonly cleanups: Array<() => void>;
}

/**
 * One member's live connection to their group: the lobby room (which meeting is running) and
 * the running meeting's own room with its fresh document. It owns both room handles and follows
 * the lobby to the current meeting; `dispose()` releases everything.
 */
export class GroupSession {
  private lobby: RoomHandle | null = null;
  /** The meeting shown: its room (one of `held`) and id. */
  private meeting: RoomHandle | null = null;
  private meetingId: string | null = null;
  private snapshotValue: GroupSnapshot = EMPTY_SNAPSHOT;
  private readonly offsets = new ClockOffsets();
  private readonly lastClocks = new Map<string, number>();
  private stopClockRefresh: (() => void) | null = null;
  /** Whether the chair counts as present (CHAIR_GRACE_MS after they went missing). */
  private readonly chairWatch: PresenceWatch;
  /** Whether the case bringer does, with the same grace. */
  private readonly bringerWatch: PresenceWatch;
  /**
   * The refresh due when an ask has waited long enough without the chair, or anyone
   * (admissionView).
   */
  private cancelAwayCheck: (() => void) | null = null;
  /** The refresh waiting (scheduleRefresh): at once, or in the next frame. */
  private cancelFrame: (() => void) | null = null;
  /** When the last refresh ran (the clock's time), for scheduleRefresh's one-per-frame rule. */
  private lastRefreshAt = -Infinity;
  /** This member's own write waits for its transactions to end before refreshing. */
  private refreshAfterWrite = false;
  /**
   * Counts refreshes as they begin. A refresh writes now and then (tendMeeting, the chair's
   * step back); the write refreshes again at once, nested, and that newer view is the one to
   * keep: the outer refresh, finding the count moved on, publishes nothing.
   */
  private refreshCount = 0;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: Array<() => void> = [];
  private disposed = false;
  private switching: Promise<void> = Promise.resolve();

  /** Since when this panel has seen nobody else, and how long its last such stretch lasted. */
  private readonly alone = { since: null as number | null, lasted: 0, endedAt: 0 };
  /** This panel's session key and card (signed sessions only). */
  private signer: SessionSigner | null = null;
  private readonly openRoom: GroupSessionDeps['openRoom'];
  private readonly clock: Clock;

  // --- Admission (issue 13, point 1): signed sessions only ---
  /** The keys of meetings this panel started or was let into, by meeting id. */
  private readonly meetingKeys = new Map<string, Uint8Array>();
  /** This member's ask to join a meeting: its box, and the refusal when one came. */
  private asking: {
    meetingId: string;
    box: Box;
    refusedBy: string | null;
    opening: boolean;
    /** The knock waiting to be written (see ask). */
    knocking: (() => void) | null;
    /** Asking for the meeting's fresh room: the check its key must meet (fresh-room.ts). */
    check?: string;
    /** When this ask began, and when the lobby last showed its chair and anyone (clock's time). */
    since: number;
    chairSeenAt: number | null;
    othersSeenAt: number | null;
  } | null = null;
  /** The first key of meetings that moved to a fresh room: it proves the meeting to joiners. */
  private readonly firstKeys = new Map<string, Uint8Array>();
  /** Members met in the group's meetings (remembered on the device): let in without asking. */
  private readonly regulars = new Map<string, string>();
  /** Knocks being answered now, by member id (sealing is asynchronous). */
  private readonly answering = new Set<string>();
  /** Whether new presences are verified natively before a read counts them (`proveAhead`). */
  private readonly provesAhead: boolean;
  /** The presences the browser is proving for this panel (`proveAhead`). */
  private readonly proving = new ProofsInFlight();
  /** A meeting's first state over the lobby for whoever was just let in (meeting-handoff.ts). */
  private readonly handoff: HandoffDesk;

  // --- A new invite (issue 13, point 2) ---
  /** The group's secret now: the invite's, or the new one the chair issued. */
  private secret: Uint8Array;
  /** The code this panel moved to, and the move in progress. */
  private movedTo: string | null = null;
  private moving: Promise<void> | null = null;
  private readonly lobbyCleanups: Array<() => void> = [];
  private readonly cacheFor: GroupSessionDeps['cacheFor'];
  private readonly loadWatch: LoadWatch;

  // --- Rejoining after a reload, and meetings started at the same time (issue 10, point 2) ---
  /**
   * Every meeting room this panel holds: the one shown, and others still running that it has
   * content of (a meeting started at the same moment as the group's), so that their content
   * stays reachable in their own rooms for whoever opens them.
   */
  private readonly held = new Map<string, HeldMeeting>();
  /** Cached meeting states not yet applied to a room, by meeting id. */
  private readonly restored = new Map<string, KeptMeeting>();
  /** The kept copies' proven writes, hashed natively while the rest opens (vouch-ahead.ts). */
  private readonly restoredAhead = new Map<string, Promise<ProvenWrites | null>>();
  private restoredLobby: Uint8Array | null = null;
  /** The meeting the member chose to look at instead of the group's; null: follow the group. */
  private chosen: string | null = null;
  private lobbyState: LobbyState = NO_MEETINGS;
  private heard = false;
  /** When another member's presence first showed in the lobby; null before (`hearing`). */
  private presenceHeardAt: number | null = null;
  private cancelSettleCheck: (() => void) | null = null;
  /** The group's name as this member knows it: their own, or learnt from the others. */
  private groupName: string | null;
  private connectedSince: number | null = null;
  /**
   * Whether this panel counted itself alone since the server became reachable: it stays so
   * until the group is heard, also when a newcomer's announcement comes after (which would
   * otherwise lengthen the wait and take back the start and the invite just offered).
   */
  private countedAlone = false;
  private cancelAloneCheck: (() => void) | null = null;
  /** Held meetings updated since the last look at whether they ended, looked at once a frame. */
  private readonly endChecks = new Set<string>();
  private cancelEndCheck: (() => void) | null = null;
  private cache: MeetingCachePort | null;
  private cancelSave: (() => void) | null = null;
  /** When the last save was started, and when the next is due, on the clock. */
  private lastSaveAt = Number.NEGATIVE_INFINITY;
  private saveDue = Number.POSITIVE_INFINITY;
  /** Meetings held at the last save: one that was not (just joined, just opened) is saved soon. */
  private keptMeetings: ReadonlySet<string> = new Set();
  private unsaved = false;
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly identity: GroupIdentity,
    deps: GroupSessionDeps,
  ) {
    this.openRoom = deps.openRoom;
    this.clock = deps.clock ?? systemClock;
    this.provesAhead = deps.provePresenceAhead === true;
    this.loadWatch = new LoadWatch(this.clock, () => this.refresh());
    this.chairWatch = new PresenceWatch(this.clock, CHAIR_GRACE_MS, () => this.refresh());
    this.bringerWatch = new PresenceWatch(this.clock, CHAIR_GRACE_MS, () => this.refresh());
    this.cache = deps.meetingCache ?? null;
    this.secret = identity.secret;
    this.cacheFor = deps.cacheFor;
    this.groupName = identity.groupName.trim() || null;
    this.snapshotValue = { ...EMPTY_SNAPSHOT, selfId: identity.memberId };
    this.handoff = new HandoffDesk({
      clock: this.clock,
      lobbyNotes: () => this.lobby?.notes ?? null,
      heldMeeting: (meetingId) => {
        const held = this.held.get(meetingId);
        const key = this.meetingKeys.get(meetingId);
        if (!held || !key) return null;
        return { doc: held.room.doc, key, letsIn: () => this.opensDoor(held.room.doc) };
      },
    });
  }

  /**
   * Connects to the group's lobby and, when one runs, to its current meeting. What the panel
   * kept on the device is applied first, so that a reload shows the running meeting at once,
   * also while no other member can be reached.
   */
  static async open(identity: GroupIdentity, deps: GroupSessionDeps): Promise<GroupSession> {
    // A signed session's member id is its device key's: nobody else can write as this member.
    const own = deps.device ? { ...identity, memberId: deps.device.memberId } : identity;
    const session = new GroupSession(own, deps);
    traceMark('session-open');
    // The session key, the kept copy and the lobby's room name do not wait for each other. The
    // reads go first: making the session key takes the main thread (the first one in a page
    // builds the signing table, 20 to 90 ms), and the copy's storage read and the room key's
    // derivation go on meanwhile instead of starting after it.
    const restored = session.restore().then(() => traceMark('copy-read'));
    const lobbyKeys = deriveRoomKeys(session.secret, { kind: 'lobby' });
    const signer = deps.device
      ? newSessionSigner(deps.device, identity.memberName).then(async (made) => {
          await vouchOwnCard(made.card);
          traceMark('session-key-made');
          return made;
        })
      : null;
    const [made, , keys] = await Promise.all([signer, restored, lobbyKeys]);
    session.signer = made;
    await session.connectLobby(keys);
    await session.switching;
    traceMark('session-opened');
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
    chairJoinsIn = false,
    chairIsExternal = false,
  ): Promise<CommandResult> {
    // A signed session's meeting has a key of its own, and its id is the key's (admission.ts).
    const key = this.signer ? newMeetingKey() : null;
    const meetingId = key ? meetingIdOf(key) : newMeetingId();
    if (key) {
      this.meetingKeys.set(meetingId, key);
      this.changed();
    }
    this.chosen = null;
    await this.follow(meetingId);
    const meeting = this.meeting;
    if (!meeting || this.disposed) return { ok: false, reason: 'already-started' };
    const now = this.clock.now();
    const result = startMeeting(meeting.doc, {
      methodId,
      chairId: this.identity.memberId,
      chairName: this.identity.memberName,
      groupName: this.groupName ?? '',
      now,
      ...(phaseMinutes ? { phaseMinutes } : {}),
      chairJoinsIn,
      chairIsExternal,
    });
    if (result.ok && this.lobby) {
      announceMeeting(this.lobby.doc, {
        meetingId,
        startedAt: now,
        chairName: this.identity.memberName,
        chairId: this.identity.memberId,
      });
    }
    return result;
  }

  /**
   * Shows another running meeting (one started at the same time as the group's), or the group's
   * own again. Its content comes from whoever holds it; this panel keeps following it until
   * the member opens the group's meeting.
   */
  openMeeting(meetingId: string): Promise<void> {
    const running = this.lobbyState.running.some((m) => m.meetingId === meetingId);
    if (!running && !this.held.has(meetingId)) return Promise.resolve();
    this.chosen = this.lobbyState.current?.meetingId === meetingId ? null : meetingId;
    // Without its key (signed sessions), the member asks its chair to be let in first.
    if (this.signer && !this.meetingKeys.has(meetingId)) {
      this.ask(meetingId);
      this.refresh();
      return Promise.resolve();
    }
    return this.follow(meetingId);
  }

  /**
   * Saves the cache now (the page is going away), after any save in flight. A panel without a
   * cache, or with nothing new, resolves at once.
   */
  saveNow(): Promise<void> {
    this.cancelSave?.();
    this.cancelSave = null;
    const cache = this.cache;
    if (!cache || !this.unsaved || !this.lobby) return this.saving;
    this.unsaved = false;
    this.lastSaveAt = this.clock.now();
    // Read now, while the rooms are open; sealing and storing take their time after.
    const record = this.cachedState();
    this.keptMeetings = new Set(this.held.keys());
    this.saving = this.saving.then(() => cache.save(record)).catch(() => undefined);
    return this.saving;
  }
  // --- end of rejoining ---

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

  /**
   * The chair lets a member who asks to join into the meeting shown: the meeting's key, sealed
   * for that member's ask, goes into the lobby (admission.ts).
   */
  async admit(memberId: string, meetingId = this.meetingId): Promise<CommandResult> {
    const found = this.knockToAnswer(memberId, meetingId);
    if (!found.ok) return found.result;
    const { lobby, key, knocked, signer, first } = found;
    traceMark('admit');
    this.answering.add(memberId);
    try {
      // The meeting's first state goes on the knocker's data channels beside the answer, as soon
      // as it is sealed (usually it was, when the knock note came): the knocker keeps it until
      // the answer's key opens it. Not after the answer: this panel's own refresh, once the
      // answer is written, would hold it up.
      this.handoff.admitted(knocked.meetingId, knocked.box);
      const done = await admit(lobby.doc, key, knocked, signer, this.clock.now(), first);
      if (!done) return { ok: false, reason: 'not-allowed' };
      traceMark('admit-answered');
      // "Whoever you let in comes straight in next time": remembered now, not only once their
      // presence shows in the meeting's room. A member whose panel closed (or lost its copy)
      // before that came back to a chair who had to let them in again.
      this.rememberRegular(knocked.memberId, knocked.name);
      return { ok: true };
    } finally {
      this.answering.delete(memberId);
      this.scheduleRefresh();
    }
  }

  /** The chair refuses a member who asks to join: they get no key, and see who refused. */
  refuse(memberId: string, meetingId = this.meetingId): CommandResult {
    const found = this.knockToAnswer(memberId, meetingId);
    if (!found.ok) return found.result;
    refuse(found.lobby.doc, found.knocked, found.signer, this.clock.now());
    return { ok: true };
  }

  /** A member who was refused asks again (a new ask, which the old refusal does not answer). */
  askAgain(): void {
    const asking = this.asking;
    if (!asking || asking.refusedBy === null || !this.lobby || !this.signer) return;
    this.asking = this.newAsk(asking.meetingId);
    knock(this.lobby.doc, asking.meetingId, this.signer, this.asking.box, this.clock.now());
    this.refresh();
  }

  /**
   * The chair gives the group a new invite (new-invite.ts): members in this meeting move along,
   * everyone else needs the new code. Signed sessions only (it relies on admission).
   */
  newInvite(): CommandResult {
    if (!this.signer) return { ok: false, reason: 'not-allowed' };
    const { code } = createInvite();
    return this.onMeeting((doc) =>
      issueNewInvite(doc, this.identity.memberId, code, this.clock.now()),
    );
  }

  /** The chair lets a member answer who asks to join too, or nobody but the chair (null). */
  letOpenTheDoor(memberId: string | null): CommandResult {
    return this.onMeeting((doc) => setDoorkeeper(doc, this.identity.memberId, memberId));
  }

  /**
   * The chair moves the meeting to a fresh room (fresh-room.ts): the members it sees present
   * come along by themselves, a peer connected without showing who it is stays behind.
   */
  freshRoom(): CommandResult {
    const meetingId = this.meetingId;
    const current = meetingId ? this.meetingKeys.get(meetingId) : undefined;
    if (!this.signer || !meetingId || !current || !this.meeting) {
      return { ok: false, reason: 'not-started' };
    }
    const key = newMeetingKey();
    // The new key first: the marker's own refresh must find this panel already holding it.
    const first = this.firstKeys.get(meetingId);
    this.firstKeys.set(meetingId, first ?? current);
    this.meetingKeys.set(meetingId, key);
    const result = markFreshRoom(this.meeting.doc, this.identity.memberId, roomCheckOf(key));
    if (!result.ok) {
      this.meetingKeys.set(meetingId, current);
      if (first) this.firstKeys.set(meetingId, first);
      else this.firstKeys.delete(meetingId);
      return result;
    }
    this.changed();
    // A moment in the old room first, so that the marker reaches everyone before we leave it.
    this.clock.after(FRESH_ROOM_LINGER_MS, () => {
      if (!this.disposed && this.meetingKeys.get(meetingId) === key) void this.moveRoom(meetingId);
    });
    return result;
  }

  /** The chair names a member who keeps the time too (pause, a minute more), or nobody (null). */
  keepTime(memberId: string | null): CommandResult {
    return this.onMeeting((doc) => setTimekeeper(doc, this.identity.memberId, memberId));
  }

  /** The chair, or the timekeeper, pauses, resumes or extends the phase timer; the chair resets it. */
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

  /** A chair whose chair was taken while they were away takes it back. */
  takeChairBack(): CommandResult {
    return this.run((ctx) => takeChairBack(ctx));
  }

  /** The chair ends the meeting: the boards are cleared for everyone; the summary stays. */
  endMeeting(): CommandResult {
    const meetingId = this.meetingId;
    if (!meetingId) return { ok: false, reason: 'not-started' };
    const now = this.clock.now();
    const result = this.onMeeting((doc) => endMeeting(doc, this.identity.memberId, meetingId, now));
    if (result.ok && this.lobby) markMeetingEnded(this.lobby.doc, meetingId, now);
    return result;
  }

  /** The chair's "next phase"; the new phase judges the group's size afresh (goToPhase). */
  nextPhase(): CommandResult {
    return this.onMeeting((doc) =>
      nextPhase(doc, this.identity.memberId, this.clock.now(), this.present()),
    );
  }

  /** The chair's "previous phase". */
  previousPhase(): CommandResult {
    return this.onMeeting((doc) =>
      previousPhase(doc, this.identity.memberId, this.clock.now(), this.present()),
    );
  }

  /** The people in the meeting as this panel last listed them, this member included. */
  private present(): number {
    return this.snapshotValue.members.length;
  }

  /** The chair hands the chair to another member. */
  handChair(toId: string, toName: string): CommandResult {
    return this.run((ctx) => handChair(ctx, toId, toName));
  }

  /** The chair jumps to a phase. */
  goToPhase(index: number): CommandResult {
    return this.onMeeting((doc) =>
      goToPhase(doc, this.identity.memberId, index, this.clock.now(), undefined, this.present()),
    );
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

  /** Leaves the group's rooms; safe to call more than once. What is unsaved is saved first. */
  dispose(): void {
    if (this.disposed) return;
    void this.saveNow();
    this.disposed = true;
    this.handoff.stop();
    this.stopClockRefresh?.();
    this.chairWatch.dispose();
    this.bringerWatch.dispose();
    this.cancelAwayCheck?.();
    this.cancelFrame?.();
    this.cancelAloneCheck?.();
    this.cancelSettleCheck?.();
    this.cancelEndCheck?.();
    this.loadWatch.stop();
    for (const meetingId of [...this.held.keys()]) this.release(meetingId);
    this.meeting = null;
    this.meetingId = null;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const cleanup of this.lobbyCleanups.splice(0)) cleanup();
    this.lobby?.release();
    this.lobby = null;
    this.listeners.clear();
  }

  /** The knock of `memberId` to a meeting this member chairs and holds the key of. */
  private knockToAnswer(
    memberId: string,
    meetingId: string | null,
  ):
    | {
        ok: true;
        lobby: RoomHandle;
        key: Uint8Array;
        knocked: Knock;
        signer: SessionSigner;
        first: Uint8Array;
      }
    | { ok: false; result: CommandResult } {
    const lobby = this.lobby;
    const signer = this.signer;
    const key = meetingId ? this.meetingKeys.get(meetingId) : undefined;
    const held = meetingId ? this.held.get(meetingId) : undefined;
    if (!meetingId || !lobby || !signer || !key || !held) {
      return { ok: false, result: { ok: false, reason: 'not-started' } };
    }
    if (!this.opensDoor(held.room.doc)) {
      return { ok: false, result: { ok: false, reason: 'not-chair' } };
    }
    const knocked = readKnocks(lobby.doc, meetingId).find((k) => k.memberId === memberId);
    if (!knocked || this.answering.has(memberId)) {
      return { ok: false, result: { ok: false, reason: 'not-allowed' } };
    }
    return { ok: true, lobby, key, knocked, signer, first: this.firstKeys.get(meetingId) ?? key };
  }

  private onMeeting(run: (doc: RoomHandle['doc']) => CommandResult): CommandResult {
    if (!this.meeting) return { ok: false, reason: 'not-chair' };
    return run(this.meeting.doc);
  }

  private async connectLobby(derived?: RoomKeys): Promise<void> {
    const keys = derived ?? (await deriveRoomKeys(this.secret, { kind: 'lobby' }));
    if (this.disposed) return;
    const lobby = this.openRoom(keys);
    this.lobby = lobby;
    // Its presence's proof signed natively now (signed.ts `signAhead`): everything below reads the
    // room whole, so the microtasks this takes miss nothing.
    await this.proofAhead(lobby);
    if (this.disposed) return;
    if (this.restoredLobby) applyCached(lobby.doc, this.restoredLobby);
    this.restoredLobby = null;
    // The lobby may have learnt something while the room opened, before anything listened.
    this.changed();
    this.setPresence(lobby);
    // Presence carries a fresh clock reading, from which the others estimate our clock offset.
    this.stopClockRefresh ??= this.clock.every(CLOCK_REFRESH_MS, () => {
      if (this.meeting) this.setPresence(this.meeting);
    });
    const onLobbyUpdate = (_update?: Uint8Array, origin?: unknown): void => {
      if (_update && isNews(origin)) this.heard = true;
      if (_update) this.changed();
      this.followLobby();
      // This member's own write to the lobby (a meeting announced or ended, an answer to a
      // knock) shows at once, as on the meeting's document.
      if (_update && origin === LOCAL_ORIGIN) this.refreshOnceWritten(lobby.doc);
      else this.scheduleRefresh();
    };
    lobby.doc.on('update', onLobbyUpdate);
    const onAwareness = (): void => {
      this.listenForOthers(lobby);
      this.proveAhead(lobby);
      this.scheduleRefresh();
    };
    lobby.awareness.on('change', onAwareness);
    const offConnection = lobby.onConnectionChange(() => {
      this.handoff.askNewPeers();
      this.scheduleRefresh();
    });
    const offNotes = lobby.notes?.listen((peer, note) => this.handoff.receive(peer, note));
    this.lobbyCleanups.push(() => {
      lobby.doc.off('update', onLobbyUpdate);
      lobby.awareness.off('change', onAwareness);
      offConnection();
      offNotes?.();
    });
    this.listenForOthers(lobby);
    onLobbyUpdate();
  }

  /** Switches to the meeting with this id; switches are serialised so that none interleave. */
  private follow(meetingId: string): Promise<void> {
    this.switching = this.switching.then(async () => {
      if (this.disposed || this.meetingId === meetingId) return;
      const held = this.held.get(meetingId) ?? (await this.hold(meetingId));
      if (!held || this.disposed) return;
      await this.proofAhead(held.room);
      if (this.disposed) return;
      const previous = this.meetingId;
      this.meeting = held.room;
      this.meetingId = meetingId;
      this.chairWatch.reset();
      this.bringerWatch.reset();
      this.alone.since = null;
      this.alone.lasted = 0;
      this.setPresence(held.room);
      if (previous !== null) this.putAside(previous);
      this.refresh();
    });
    return this.switching;
  }

  /**
   * Signs this member's presence proof for `room` ahead, natively where the platform can: on a
   * reload's way to the board it was the page's first signature, which in JavaScript first
   * builds the signing table (docs/benchmarks.md, twenty-first round).
   */
  private async proofAhead(room: RoomHandle): Promise<void> {
    const signer = this.signer;
    if (!signer?.signAhead) return;
    await signer.signAhead(proofBytes(room.awareness.clientID, signer.card.memberId));
  }

  private setPresence(room: RoomHandle): void {
    const signer = this.signer;
    const presence: PresenceState = {
      memberId: this.identity.memberId,
      name: signer ? signer.card.name : this.identity.memberName,
      clock: this.clock.now(),
      ...(this.groupName !== null ? { groupName: this.groupName } : {}),
      // The card and a proof for this awareness client: the name shown is bound to our key.
      ...(signer
        ? { card: signer.card, proof: presenceProof(signer, room.awareness.clientID) }
        : {}),
    };
    // A room kept in the background has no presence at all (see putAside): set it whole.
    const state = room.awareness.getLocalState() ?? {};
    room.awareness.setLocalState({ ...state, [PRESENCE_FIELD]: presence });
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

  /**
   * Refreshes at most once a frame, however many updates and presence changes arrive: every
   * refresh reads the meeting and its boards, and a peer that floods the document with updates
   * must not cost a read each (issue 10). What arrives after a quiet frame shows as soon as the
   * message is handled (a phase change must not wait for the next frame, issue 15); what
   * arrives within a frame of the last refresh waits for the next frame, with whatever else
   * comes before it. The clock draws the frame.
   */
  private scheduleRefresh(): void {
    if (this.disposed || this.cancelFrame || pageGoing()) return;
    const run = (): void => {
      this.cancelFrame = null;
      this.refresh();
    };
    const quiet = this.clock.now() - this.lastRefreshAt >= FRAME_MS;
    this.cancelFrame = quiet ? this.clock.soon(run) : this.clock.frame(run);
  }

  /**
   * This member's own write shows at once, but after the document's other update listeners:
   * the room sends the update to the peers first, so they do not wait for this panel's read.
   */
  private refreshOnceWritten(doc: Y.Doc): void {
    if (this.refreshAfterWrite) return;
    this.refreshAfterWrite = true;
    // Yjs ends every transaction with this event; only a throwing update listener would skip
    // it, and that leaves the document itself unable to finish another transaction.
    doc.once('afterAllTransactions', () => {
      this.refreshAfterWrite = false;
      this.refresh();
    });
  }

  private refresh(): void {
    if (this.disposed) return;
    const count = ++this.refreshCount;
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.lastRefreshAt = this.clock.now();
    const room = this.meeting ?? this.lobby;
    const meeting = this.meeting ? readMeeting(this.meeting.doc) : null;
    const members = room
      ? listMembers(
          room.awareness.getStates(),
          meeting ?? readMeeting(room.doc),
          this.identity.memberId,
          {
            proven: this.signer !== null,
            inFlight: this.proving,
            // Our own presence is our local state: not verified again (presence.ts).
            self: this.signer
              ? { clientId: room.awareness.clientID, card: this.signer.card }
              : null,
          },
        )
      : [];
    const unproven = this.unprovenPeers();
    // Counted only in a running meeting: waiting alone in the lobby before it says nothing.
    this.noteAlone(
      meeting?.started === true && members.length > 0 && members.every((m) => m.isSelf),
    );
    const others = members.filter((m) => !m.isSelf).length;
    const links = room?.peerLinks
      ? memberLinks(room.awareness.getStates(), room.peerLinks(), this.identity.memberId)
      : {};
    const connection = room
      ? describeConnection({
          ...room.connectionFacts(),
          members: others,
          viaServer: countViaServer(links),
        })
      : CONNECTING;
    const started = meeting?.started ? meeting : null;
    const timer = this.meeting && started ? readTimer(this.meeting.doc) : null;
    const next: GroupSnapshot = {
      meetingId: this.meetingId,
      meeting: started,
      members,
      links,
      connection,
      unknownPeers:
        Math.max(this.lobby?.unknownPeers?.() ?? 0, this.meeting?.unknownPeers?.() ?? 0) + unproven,
      board:
        this.meeting && started
          ? readBoard(this.meeting.doc, started.method, this.identity.memberId, undefined, started)
          : null,
      role: started ? roleOf(started, this.identity.memberId) : null,
      timer,
      timerOffset: timer ? this.offsets.offset(timer.clockOf) : 0,
      timekeeper: this.meeting && started ? readTimekeeper(this.meeting.doc) : null,
      chairPresent: started?.chairId
        ? this.counted(this.chairWatch, started.chairId, members)
        : false,
      bringerPresent: started?.caseBringerId
        ? this.counted(this.bringerWatch, started.caseBringerId, members)
        : true,
      ended: this.meeting && started?.ended ? readEndedSummary(this.meeting.doc) : null,
      // Rejoining and concurrent meetings (issue 10, point 2).
      lobby: this.hearing(),
      groupName: this.learnGroupName(started),
      groupMeetingId: this.lobbyState.current?.meetingId ?? null,
      otherMeetings: this.lobbyState.running
        .filter((m) => m.meetingId !== this.meetingId)
        .slice(0, MAX_OTHER_MEETINGS),
      // A large meeting arriving, or not arriving (issue 10, point 1).
      loading: this.loadWatch.update(
        this.meetingId !== null && !started ? this.meetingId : null,
        this.meeting?.receiveProgress?.() ?? null,
      ),
      // Signed writes (issue 13, point 4).
      rejected:
        this.meeting && started && roleOf(started, this.identity.memberId) === 'chair'
          ? summariseRejected(rejectedWrites(this.meeting.doc), members)
          : [],
      selfId: this.identity.memberId,
      mayTakeBack:
        started !== null &&
        !started.ended &&
        started.chairTakenOver !== null &&
        started.chairTakenOver.from === this.identity.memberId &&
        started.chairId !== this.identity.memberId,
      // Admission (issue 13, point 1).
      admission: this.admissionView(members),
      knocks: this.knocksFor(),
      doorkeeper: this.meeting && started ? readDoorkeeper(this.meeting.doc) : null,
      newInvite: this.movedTo,
    };
    if (this.meeting && started && this.signer) {
      this.followInvite(this.meeting.doc);
      this.followFreshRoom(this.meeting.doc);
    }
    if (started && !started.ended) this.learnRegulars(members);
    // The chair has been missing long enough here: a take-over this panel refused while it
    // still saw the chair is judged again (signed sessions).
    if (this.meeting && started?.chairId && !next.chairPresent && this.signer) {
      if (judgeAgain(meetingMap(this.meeting.doc), MEETING_KEYS.chairId)) this.scheduleRefresh();
    }
    // Writes back what a peer garbled, or clears late writes after the end.
    if (this.meeting && started) {
      tendMeeting(this.meeting.doc, this.identity.memberId, members, CONNECTION_CHAIR_KEYS);
    }
    // A chair who started with too few people stops asking and advising once enough are here
    // (meeting-commands.ts fitChairToGroup).
    if (this.meeting && started?.chairJoinsIn && started.chairId === this.identity.memberId) {
      fitChairToGroup(this.meeting.doc, this.identity.memberId, members.length, started);
    }
    // Either write above has refreshed again, nested, from the document as it is now: that view
    // is published, and this one, read before the write, is not.
    if (count !== this.refreshCount) return;
    // Parts equal to the last snapshot's stay its objects (rows React already rendered), and an
    // unchanged snapshot is the last one itself: no listener is called (issue 15).
    const shared = shareEqual(this.snapshotValue, next);
    if (shared !== this.snapshotValue) {
      this.snapshotValue = shared;
      for (const listener of [...this.listeners]) listener();
    }
  }

  private admissionView(members: readonly Member[]): AdmissionView | null {
    const asking = this.asking;
    if (!asking || !this.signer || this.meetingKeys.has(asking.meetingId)) return null;
    const started = this.lobbyState.running.find((m) => m.meetingId === asking.meetingId) ?? null;
    return {
      state: asking.refusedBy === null ? 'asking' : 'refused',
      fingerprint: fingerprintOf(this.signer.card),
      refusedBy: asking.refusedBy,
      chairName: started?.chairName ?? null,
      away: asking.refusedBy === null ? this.awayFromAsk(asking, started, members) : null,
    };
  }

  /**
   * Whom a member asking to join waits for in vain: 'everyone' when nobody is in the lobby
   * besides others asking too, 'chair' when the member who started the meeting is not (by id;
   * by name from a panel that wrote none). Said only after CHAIR_GRACE_MS of asking without
   * them, and of not seeing them since: the lobby's presences arrive one connection at a time,
   * and a chair whose connection drops for a moment is back before the newcomer needs to know.
   * The chair's presence is what this member can see; a doorkeeper (in the meeting's document)
   * may still answer, so the panel says "may".
   */
  private awayFromAsk(
    asking: NonNullable<GroupSession['asking']>,
    started: StartedMeeting | null,
    members: readonly Member[],
  ): AdmissionView['away'] {
    const now = this.clock.now();
    // Who else is waiting to be let in (an unanswered knock for this meeting) cannot answer.
    const waiting = new Set(
      this.lobby ? unansweredKnocks(this.lobby.doc, asking.meetingId).map((k) => k.memberId) : [],
    );
    const others = members.filter((m) => !m.isSelf && !waiting.has(m.memberId));
    if (others.length > 0) asking.othersSeenAt = now;
    const chairKnown = started !== null && (started.chairId !== null || started.chairName !== null);
    const chairHere =
      chairKnown &&
      others.some((m) =>
        started.chairId !== null ? m.memberId === started.chairId : m.name === started.chairName,
      );
    if (chairHere) asking.chairSeenAt = now;
    /** How long until they count as gone (<= 0: gone), or null while they are here. */
    const leftOf = (here: boolean, seenAt: number | null) =>
      here ? null : CHAIR_GRACE_MS - (now - Math.max(asking.since, seenAt ?? -Infinity));
    const nobodyLeft = leftOf(others.length > 0, asking.othersSeenAt);
    const chairLeft = chairKnown ? leftOf(chairHere, asking.chairSeenAt) : null;
    const waits = [nobodyLeft, chairLeft].filter(
      (left): left is number => left !== null && left > 0,
    );
    this.cancelAwayCheck?.();
    this.cancelAwayCheck = null;
    if (waits.length > 0) {
      // A little late rather than early, as for the chair's grace in a meeting (chairPresent).
      this.cancelAwayCheck = this.clock.after(Math.min(...waits) + 50, () => {
        this.cancelAwayCheck = null;
        this.refresh();
      });
    }
    if (nobodyLeft !== null && nobodyLeft <= 0) return 'everyone';
    if (chairLeft !== null && chairLeft <= 0) return 'chair';
    return null;
  }

  /**
   * Whether the member `watch` follows (the chair, the case bringer) counts as present: while in
   * presence and for CHAIR_GRACE_MS after we first found them missing (or after we opened
   * another meeting); a refresh is due when that ends. The grace runs from the refresh that
   * finds them gone, not from the last one that saw them: refreshes come only with changes,
   * often more than CHAIR_GRACE_MS apart.
   */
  private counted(watch: PresenceWatch, id: string, members: readonly Member[]): boolean {
    return watch.present(
      id,
      members.some((m) => m.memberId === id),
    );
  }

  // --- Rejoining after a reload, and meetings started at the same time (issue 10, point 2) ---

  /** Reads what the panel kept; a cache too old, unreadable or absent restores nothing. */
  private async restore(): Promise<void> {
    if (!this.cache) return;
    const record = await this.cache.load().catch(() => null);
    if (!record) return;
    // The regulars outlive the meetings: they are whom this device met in the group.
    for (const { memberId, name } of record.regulars ?? []) this.regulars.set(memberId, name);
    // A meeting nobody ended (the chair closed the laptop) must not come back the next time.
    if (record.savedAt < this.clock.now() - KEPT_MEETING_MAX_AGE_MS) return;
    this.restoredLobby = record.lobby;
    for (const kept of record.meetings) {
      this.restored.set(kept.meetingId, kept);
      if (!kept.proven) continue;
      const ahead = provenWritesAhead(kept.meetingId, kept.state, kept.proven).catch(() => null);
      this.restoredAhead.set(kept.meetingId, ahead);
    }
    for (const { meetingId, key, first } of record.keys ?? []) {
      if (meetingIdOf(first ?? key) !== meetingId) continue;
      this.meetingKeys.set(meetingId, key);
      if (first) this.firstKeys.set(meetingId, first);
    }
  }

  /**
   * Follows the lobby: to the meeting the member chose, else the group's current one; drops
   * rooms and cached states of meetings that ended; holds running meetings the cache had.
   */
  private followLobby(): void {
    if (!this.lobby || this.disposed) return;
    const lobby = readLobby(this.lobby.doc);
    this.lobbyState = lobby;
    for (const meetingId of [...this.restored.keys()]) {
      if (!lobby.ended.has(meetingId)) continue;
      // Ended while this panel was away: its content goes from the device too.
      this.restored.delete(meetingId);
      this.restoredAhead.delete(meetingId);
      this.changed();
    }
    for (const meetingId of [...this.held.keys()]) {
      if (meetingId !== this.meetingId && lobby.ended.has(meetingId)) this.release(meetingId);
    }
    const target = this.chosen ?? lobby.current?.meetingId ?? null;
    // A signed session without the meeting's key asks to be let in, and follows once it is.
    if (target !== null && this.signer && !this.meetingKeys.has(target)) {
      this.ask(target);
      return;
    }
    if (this.asking?.check !== undefined) this.ask(this.asking.meetingId, this.asking.check);
    else if (this.asking && target !== this.asking.meetingId) this.asking = null;
    // Never away from a meeting because the lobby names none: after the end the members stay
    // on its summary, and a panel that restored a meeting keeps it while the lobby is quiet.
    if (target !== null && target !== this.meetingId) void this.follow(target);
    for (const { meetingId } of lobby.running) {
      if (meetingId !== target && this.restored.has(meetingId)) void this.holdAside(meetingId);
    }
  }

  /** Opens a meeting's room, with what the cache kept of it, and listens to it. */
  private async hold(meetingId: string): Promise<HeldMeeting | null> {
    // A signed session reaches a meeting only with its key (admission.ts); an unsigned one
    // (unit tests of the meeting logic) derives the room from the group's secret.
    const meetingKey = this.meetingKeys.get(meetingId);
    if (this.signer && !meetingKey) return null;
    // A kept copy's writes this device proved are hashed natively meanwhile, for its first read.
    const ahead = this.restoredAhead.get(meetingId) ?? null;
    this.restoredAhead.delete(meetingId);
    const [keys, provenAhead] = await Promise.all([
      deriveRoomKeys(meetingKey ?? this.secret, { kind: 'meeting', meetingId }),
      ahead,
    ]);
    if (this.disposed) return null;
    const existing = this.held.get(meetingId);
    if (existing) return existing;
    const room = this.openRoom(keys);
    // Before anything is read or applied: this document takes signed writes only.
    const signer = this.signer;
    if (signer) {
      enforceSignatures(room.doc, {
        scope: meetingId,
        signer,
        chairAbsent: (chairId) => this.chairAbsentFor(chairId),
      });
    }
    const cached = this.restored.get(meetingId);
    this.restored.delete(meetingId);
    // What this panel verified before it kept the copy is not verified again (signed.ts).
    if (cached?.proven) vouchFor(room.doc, cached.proven);
    if (cached && provenAhead) {
      vouchVerified(room.doc, provenAhead.writes, provenAhead.proofs);
      traceMark('copy-writes-proven-ahead');
    }
    if (cached) applyCached(room.doc, cached.state);
    if (cached) traceMark('copy-applied');
    if (signer) publishCard(room.doc, LOCAL_ORIGIN);
    const onUpdate = (_update: Uint8Array, origin: unknown): void => {
      if (isNews(origin)) this.heard = true;
      // Kept soon: a meeting not kept yet, and this member's own writes (the others have theirs,
      // but a reload a moment after posting must not lose what only this panel has).
      this.changed(!this.keptMeetings.has(meetingId) || origin === LOCAL_ORIGIN);
      this.checkEndSoon(meetingId);
      // This member's own command shows at once: a controlled input (a checkbox, a field) must
      // not snap back for a frame. Only what peers send waits for the next frame.
      if (origin === LOCAL_ORIGIN && this.meeting === room) this.refreshOnceWritten(room.doc);
      else this.scheduleRefresh();
    };
    const onAwareness = (): void => {
      this.listenForOthers(room);
      if (this.meeting === room) this.observeClocks(room);
      this.scheduleRefresh();
    };
    const onConnection = (): void => this.scheduleRefresh();
    room.doc.on('update', onUpdate);
    room.awareness.on('change', onAwareness);
    const offConnection = room.onConnectionChange(onConnection);
    const offTrust = onTrustChange(room.doc, () => this.scheduleRefresh());
    const held: HeldMeeting = {
      room,
      cleanups: [
        () => room.doc.off('update', onUpdate),
        () => room.awareness.off('change', onAwareness),
        offConnection,
        offTrust,
      ],
    };
    this.held.set(meetingId, held);
    this.listenForOthers(room);
    if (cached) this.changed();
    this.noticeEnd(meetingId, room);
    return held;
  }

  /**
   * A new member's lobby: the presences' cards and proofs are verified by the browser, off the
   * main thread, before a refresh reads them (vouch-ahead.ts); the refresh after shows whom they
   * prove. Only while this panel holds no meeting's key: then its next step, the knock, waits
   * for the lobby's first sync, which arrives just after the presences (measured: a refresh of
   * 40 ms ahead of it). A member with a kept copy renders its meeting meanwhile, and a presence
   * counted a few ms later there would cost a second render.
   */
  private proveAhead(room: RoomHandle): void {
    if (!this.signer || !this.provesAhead || this.meetingKeys.size > 0) return;
    void provePresencesAhead(room.awareness.getStates(), this.proving).then(
      (proven) => {
        if (proven && !this.disposed) this.scheduleRefresh();
      },
      () => undefined,
    );
  }

  /**
   * Peers in the rooms shown that say they are a member but cannot prove it (no card, a card
   * that does not verify, a proof for another client): someone unknown. Signed sessions only.
   * A proven presence's card is learnt by the meeting's document, for reading their writes.
   */
  private unprovenPeers(): number {
    if (!this.signer) return 0;
    let unknown = 0;
    for (const room of [this.lobby, this.meeting]) {
      if (!room) continue;
      const own = room.awareness.clientID;
      for (const [clientId, state] of room.awareness.getStates()) {
        if (clientId === own) continue;
        const presence = readPresence(state);
        // Not known yet either way while the browser verifies it (proveAhead).
        if (!presence || this.proving.has(presence, clientId)) continue;
        const card = provenCard(presence, clientId);
        if (!card) unknown += 1;
        else if (room === this.meeting) learnCard(room.doc, card);
      }
    }
    return unknown;
  }

  /**
   * Whether this panel has missed the chair `chairId` for the grace (signed take-over rule).
   * For this member's own chair: whether this panel has been cut off from everyone for the
   * grace, now or in its last stretch alone that ended moments ago (the others then missed
   * us, and a take-over that arrives as we come back is theirs to make). A chair whose panel
   * was with the group all along never accepts a take-over: it writes its chair back.
   */
  private chairAbsentFor(chairId: string): boolean {
    if (chairId === this.identity.memberId) {
      const now = this.clock.now();
      const alone = this.alone;
      if (alone.since !== null && now - alone.since >= CHAIR_GRACE_MS) return true;
      return alone.lasted >= CHAIR_GRACE_MS && now - alone.endedAt < RECENTLY_ALONE_MS;
    }
    return this.chairWatch.missingFor(chairId) >= CHAIR_GRACE_MS;
  }

  private noteAlone(alone: boolean): void {
    const now = this.clock.now();
    if (alone) {
      this.alone.since ??= now;
    } else if (this.alone.since !== null) {
      this.alone.lasted = now - this.alone.since;
      this.alone.endedAt = now;
      this.alone.since = null;
    }
  }

  /** A new ask to join `meetingId` (a fresh box), starting now; `check` for a fresh room. */
  private newAsk(meetingId: string, check?: string): NonNullable<GroupSession['asking']> {
    return {
      meetingId,
      box: newBox(),
      refusedBy: null,
      opening: false,
      knocking: null,
      ...(check !== undefined ? { check } : {}),
      since: this.clock.now(),
      chairSeenAt: null,
      othersSeenAt: null,
    };
  }

  /**
   * Asks to be let into the meeting (a knock in the lobby), once per ask, and takes the key when
   * the chair's answer opens to it; a refusal is kept for the panel to show.
   */
  private ask(meetingId: string, check?: string): void {
    const lobby = this.lobby;
    const signer = this.signer;
    if (!lobby || !signer || this.disposed) return;
    if (this.asking?.meetingId !== meetingId || this.asking.check !== check) {
      this.asking = this.newAsk(meetingId, check);
    }
    const asking = this.asking;
    const memberId = this.identity.memberId;
    const answer = readAnswer(lobby.doc, meetingId, memberId, asking.box);
    if (answer?.kind === 'refused') {
      if (asking.refusedBy !== answer.byName) {
        asking.refusedBy = answer.byName;
        this.scheduleRefresh();
      }
      return;
    }
    if (answer?.kind === 'admitted') {
      if (asking.opening) return;
      asking.opening = true;
      traceMark('answer-read');
      const expected =
        asking.check === undefined
          ? undefined
          : (key: Uint8Array) => roomCheckOf(key) === asking.check;
      void openAnswer(answer, asking.box, meetingId, memberId, expected).then((key) => {
        asking.opening = false;
        if (this.disposed || !key) return;
        traceMark('key-opened');
        const moving = this.meetingKeys.has(meetingId);
        if (moving && !this.firstKeys.has(meetingId)) {
          this.firstKeys.set(meetingId, this.meetingKeys.get(meetingId)!);
        }
        this.meetingKeys.set(meetingId, key);
        if (this.asking === asking) this.asking = null;
        // Kept within a moment: a panel reloaded (or closed) just after would otherwise ask to
        // be let in again, though its meeting may not have arrived yet to be saved with it.
        this.changed(true);
        if (moving) void this.moveRoom(meetingId);
        else {
          this.followLobby();
          // Its first state over the lobby, while the meeting's own room connects.
          void this.switching.then(() => {
            traceMark('handoff-ask');
            this.handoff.ask(meetingId);
          });
        }
        this.scheduleRefresh();
      });
      return;
    }
    // The lobby's peers hear of the knock over their data channels too: whoever lets us in sends
    // the meeting's first state right after the answer (meeting-handoff.ts).
    if (asking.check === undefined) this.handoff.knock(meetingId, asking.box.publicKey);
    // Our knock, written again when the lobby lost it (pruned, or a cache restored over it).
    if (!hasKnocked(lobby.doc, meetingId, memberId, asking.box)) {
      // Written once the update that told us of the meeting has been handled, not inside it: a
      // write made while a relayed message is being read did not reach the others. At once after
      // it (a microtask), not after a timer: the lobby's first sync comes from several peers in
      // a row, and a timer waited behind all of their messages and the waiting view's render
      // (about 50 ms in a profiled join) before the chair could hear of us.
      // Signed by the platform first (signed.ts `signAhead`): the knock is a new member's first
      // signature, and in JavaScript a page's first one builds the signing table (20 to 90 ms)
      // on the way to the chair.
      asking.knocking ??= this.clock.soon(() => {
        const stillAsking = () =>
          this.asking === asking &&
          !this.disposed &&
          this.lobby !== null &&
          !hasKnocked(this.lobby.doc, meetingId, memberId, asking.box);
        if (!stillAsking()) {
          asking.knocking = null;
          return;
        }
        const at = this.clock.now();
        const write = () => {
          asking.knocking = null;
          if (!stillAsking()) return;
          knock(this.lobby!.doc, meetingId, signer, asking.box, at);
          traceMark('knock-written');
        };
        if (!signer.signAhead) write();
        else {
          const bytes = knockBytes(meetingId, memberId, asking.box.publicKey, at);
          void signer.signAhead(bytes).then(write, write);
        }
      });
    }
  }

  /**
   * The chair's panel: the knocks to the meeting shown that wait for an answer. Members this
   * device remembers from earlier meetings are let in at once (regulars); the rest wait for the
   * chair.
   */
  private knocksFor(): KnockView[] {
    const lobby = this.lobby;
    if (!lobby || !this.signer) return [];
    const waiting: KnockView[] = [];
    // The meeting shown first, then any other this member chairs (one started apart).
    const ids = [...this.held.keys()].sort((a, b) =>
      a === this.meetingId ? -1 : b === this.meetingId ? 1 : 0,
    );
    for (const meetingId of ids) {
      const doc = this.held.get(meetingId)!.room.doc;
      if (!this.meetingKeys.has(meetingId) || !this.opensDoor(doc)) continue;
      for (const knocked of unansweredKnocks(lobby.doc, meetingId)) {
        if (knocked.memberId === this.identity.memberId) continue;
        if (this.answering.has(knocked.memberId)) continue;
        if (this.regulars.has(knocked.memberId)) {
          void this.admit(knocked.memberId, meetingId);
          continue;
        }
        waiting.push({
          meetingId,
          memberId: knocked.memberId,
          name: shownName(knocked.name),
          fingerprint: knocked.fingerprint,
        });
      }
    }
    return waiting;
  }

  /** Whether this member answers who asks to join this meeting: its chair, or the doorkeeper. */
  private opensDoor(doc: Y.Doc): boolean {
    const meeting = readMeeting(doc);
    if (!meeting.started || meeting.ended) return false;
    const self = this.identity.memberId;
    return roleOf(meeting, self) === 'chair' || readDoorkeeper(doc) === self;
  }

  /** Everyone proven present in a meeting is one of the group's: remembered as a regular. */
  private learnRegulars(members: readonly Member[]): void {
    if (!this.signer || !this.meeting) return;
    for (const member of members) this.rememberRegular(member.memberId, member.name);
  }

  /**
   * A member of the group, let in without waiting from now on (kept with the group's copy, within
   * a moment: a chair who reloads just after letting someone in would otherwise forget them, and
   * ask the group to wait for the door again).
   */
  private rememberRegular(memberId: string, name: string): void {
    if (memberId === this.identity.memberId || this.regulars.get(memberId) === name) return;
    this.regulars.set(memberId, name);
    this.changed(true);
  }

  /** Asks for the fresh room the chair moved the meeting shown to (fresh-room.ts). */
  private followFreshRoom(doc: Y.Doc): void {
    const meetingId = this.meetingId;
    const key = meetingId ? this.meetingKeys.get(meetingId) : undefined;
    if (!meetingId || !key || this.disposed) return;
    const marker = readFreshRoom(doc);
    if (!marker || roomCheckOf(key) === marker.check) return;
    if (this.asking?.meetingId === meetingId && this.asking.check === marker.check) return;
    this.ask(meetingId, marker.check);
  }

  /**
   * Moves a held meeting into the room of its current key: what the document holds goes along
   * (same meeting id, so every signature still holds), the old room is left.
   */
  private moveRoom(meetingId: string): Promise<void> {
    const held = this.held.get(meetingId);
    if (!held) return Promise.resolve();
    this.restored.set(meetingId, keptMeeting(meetingId, held.room.doc));
    const shown = this.meetingId === meetingId;
    this.release(meetingId);
    if (!shown) return this.holdAside(meetingId);
    this.meeting = null;
    this.meetingId = null;
    return this.follow(meetingId);
  }

  /** Moves along when the chair of the meeting shown issued a new invite (new-invite.ts). */
  private followInvite(doc: Y.Doc): void {
    if (this.moving || this.disposed) return;
    const invite = readNewInvite(doc);
    if (!invite || sameBytes(invite.secret, this.secret)) return;
    this.moving = this.moveTo(invite.secret, invite.code).finally(() => {
      this.moving = null;
    });
  }

  /**
   * Moves the lobby to the new secret: what the old lobby held (the meetings that run, who asks)
   * goes along into the new one, the meeting rooms stay as they are (they derive from the
   * meetings' keys), and the cache moves to the new secret's.
   */
  private async moveTo(secret: Uint8Array, code: string): Promise<void> {
    const old = this.lobby;
    const carried = old ? withoutAdmissions(old.doc) : null;
    for (const cleanup of this.lobbyCleanups.splice(0)) cleanup();
    old?.release();
    this.lobby = null;
    this.secret = secret;
    this.movedTo = code;
    if (this.cacheFor) {
      const before = this.cache;
      this.cache = this.cacheFor(secret);
      void before?.clear?.().catch(() => undefined);
    }
    this.restoredLobby = carried;
    await this.connectLobby();
    this.changed();
    this.refresh();
  }

  /** Holds a running meeting the cache had, without showing it, so its content stays reachable. */
  private holdAside(meetingId: string): Promise<void> {
    this.switching = this.switching.then(async () => {
      if (this.disposed || this.held.has(meetingId) || !this.restored.has(meetingId)) return;
      const held = await this.hold(meetingId);
      if (held && this.meeting !== held.room) held.room.awareness.setLocalState(null);
    });
    return this.switching;
  }

  /**
   * The member moves on from a meeting: its room is kept, without presence, while it runs and
   * has content (another meeting was chosen over it, or the member looks at another), and
   * released otherwise.
   */
  private putAside(meetingId: string): void {
    const held = this.held.get(meetingId);
    if (!held) return;
    const meeting = readMeeting(held.room.doc);
    const running = this.lobbyState.running.some((m) => m.meetingId === meetingId);
    if (running && meeting.started && !meeting.ended) {
      held.room.awareness.setLocalState(null);
    } else {
      this.release(meetingId);
    }
  }

  private release(meetingId: string): void {
    const held = this.held.get(meetingId);
    if (!held) return;
    this.held.delete(meetingId);
    for (const cleanup of held.cleanups.splice(0)) cleanup();
    held.room.release();
  }

  /**
   * A meeting whose document says it ended is recorded as ended in the lobby too (its chair's
   * panel may have gone before the lobby heard), and its cached state is wiped at once.
   */
  private checkEndSoon(meetingId: string): void {
    this.endChecks.add(meetingId);
    // Once a frame, not once an update: a flood of updates must not cost a read each.
    this.cancelEndCheck ??= this.clock.frame(() => {
      this.cancelEndCheck = null;
      for (const id of [...this.endChecks]) {
        const held = this.held.get(id);
        if (held) this.noticeEnd(id, held.room);
      }
      this.endChecks.clear();
    });
  }

  private noticeEnd(meetingId: string, room: RoomHandle): void {
    if (!this.lobby || this.lobbyState.ended.has(meetingId)) return;
    // Whether it ended is readMeeting's `ended`, read alone: this runs a frame after every
    // update, and the whole meeting's read was most of its cost (about 1 ms a phase change).
    const summary = readEndedSummary(room.doc);
    if (summary === null) return;
    const endedAt = summary.endedAt;
    markMeetingEnded(this.lobby.doc, meetingId, endedAt);
    void this.saveNow();
  }

  /**
   * A member who joined with an invite takes the group's name from the meeting or the others'
   * presence once heard, uses it from then on (a meeting they start carries it) and says it in
   * their own presence, so that a member who joins later learns it even with the founder away.
   */
  private learnGroupName(meeting: MeetingState | null): string | null {
    if (this.groupName !== null) return this.groupName;
    const presences = [this.lobby, this.meeting].flatMap((room) =>
      room ? [...room.awareness.getStates().values()] : [],
    );
    const heard = heardGroupName(meeting?.groupName ?? null, presences);
    if (heard === null) return null;
    this.groupName = heard;
    for (const room of [this.lobby, this.meeting]) if (room) this.setPresence(room);
    return heard;
  }

  /**
   * Any valid presence but our own in a meeting's room means the group has been heard; in the
   * lobby, it means someone is there, and `hearing` waits for what they hold.
   */
  private listenForOthers(room: RoomHandle): void {
    if (this.heard || (room === this.lobby && this.presenceHeardAt !== null)) return;
    const own = room.awareness.clientID;
    for (const [clientId, state] of room.awareness.getStates()) {
      if (clientId !== own && decodePresence(state)) {
        if (room === this.lobby) this.presenceHeardAt = this.clock.now();
        else this.heard = true;
        return;
      }
    }
  }

  /**
   * 'heard' once the group's state reached us (an update from a peer, or a peer's answer to our
   * sync request in the lobby, which says the group holds nothing we lack). A presence alone
   * arrives a round trip before that answer (each side sends its presence as the channel
   * opens, its state only when asked): until then a newcomer cannot know whether a meeting
   * runs, and 'heard' would offer a start to a member about to ask to be let in (seconds on a
   * slow network). A presence stands for the group after PRESENCE_SETTLE_MS all the same, for
   * a peer that shows itself and never answers.
   */
  private hearing(): LobbyHearing {
    if (this.heard) return 'heard';
    if (this.presenceHeardAt !== null) {
      const left = this.presenceHeardAt + PRESENCE_SETTLE_MS - this.clock.now();
      if (left <= 0 || (this.lobby?.syncedWithPeer?.() ?? true)) {
        this.heard = true;
        return 'heard';
      }
      this.cancelSettleCheck ??= this.clock.after(left + 50, () => {
        this.cancelSettleCheck = null;
        this.refresh();
      });
      return 'looking';
    }
    const connected = this.lobby?.connectionFacts().signalingConnected ?? false;
    if (!connected) {
      this.connectedSince = null;
      this.countedAlone = false;
      this.cancelAloneCheck?.();
      this.cancelAloneCheck = null;
      return 'looking';
    }
    if (this.countedAlone) return 'alone';
    const now = this.clock.now();
    this.connectedSince ??= now;
    const others = this.lobby?.peersThere?.() ?? 0;
    const wait = others > 0 ? ALONE_DESPITE_PEERS_MS : ALONE_AFTER_MS;
    const left = this.connectedSince + wait - now;
    if (left <= 0) {
      this.countedAlone = true;
      return 'alone';
    }
    this.cancelAloneCheck ??= this.clock.after(left + 50, () => {
      this.cancelAloneCheck = null;
      this.refresh();
    });
    return 'looking';
  }

  /**
   * Something to save changed: the save runs a little later, once for many changes, and at most
   * once every CACHE_SAVE_DELAY_MS; `soon` (a meeting not kept yet, an own write) only waits for
   * it to settle.
   */
  private changed(soon = false): void {
    if (!this.cache || this.disposed) return;
    this.unsaved = true;
    const now = this.clock.now();
    const wait = soon
      ? CACHE_SETTLE_MS
      : Math.max(CACHE_SETTLE_MS, this.lastSaveAt + CACHE_SAVE_DELAY_MS - now);
    if (this.cancelSave && this.saveDue <= now + wait) return;
    this.cancelSave?.();
    this.saveDue = now + wait;
    this.cancelSave = this.clock.after(wait, () => {
      this.cancelSave = null;
      void this.saveNow();
    });
  }

  /** The lobby and every held or restored meeting that runs, the one shown first. */
  private cachedState(): CachedGroupState {
    const meetings: KeptMeeting[] = [];
    const ids = [...this.held.keys()].sort((a, b) =>
      a === this.meetingId ? -1 : b === this.meetingId ? 1 : 0,
    );
    for (const meetingId of ids) {
      const doc = this.held.get(meetingId)!.room.doc;
      const meeting = readMeeting(doc);
      if (!meeting.started || meeting.ended || this.lobbyState.ended.has(meetingId)) continue;
      meetings.push(keptMeeting(meetingId, doc));
    }
    for (const [meetingId, kept] of this.restored) {
      if (!this.held.has(meetingId)) meetings.push(kept);
    }
    // Keys of the meetings kept, and of the one shown (its summary stays after the end).
    const keep = new Set([...meetings.map((m) => m.meetingId), this.meetingId]);
    const keys = [...this.meetingKeys]
      .filter(([meetingId]) => keep.has(meetingId) && !this.lobbyState.ended.has(meetingId))
      .map(([meetingId, key]) => {
        const first = this.firstKeys.get(meetingId);
        return first ? { meetingId, key, first } : { meetingId, key };
      });
    return {
      savedAt: this.clock.now(),
      lobby: this.lobby ? Y.encodeStateAsUpdate(this.lobby.doc) : null,
      meetings,
      keys,
      regulars: [...this.regulars].map(([memberId, name]) => ({ memberId, name })),
    };
  }
  // --- end of rejoining ---
}

/** An update from another panel, not our own command or our cache. */
function isNews(origin: unknown): boolean {
  return origin !== LOCAL_ORIGIN && origin !== CACHE_ORIGIN;
}

function keptMeeting(meetingId: string, doc: Y.Doc): KeptMeeting {
  return { meetingId, state: Y.encodeStateAsUpdate(doc), proven: provenSignatures(doc) };
}

/** Applies a cached state; one that does not decode is dropped (the group has the rest). */
function applyCached(doc: Y.Doc, state: Uint8Array): void {
  try {
    Y.applyUpdate(doc, state, CACHE_ORIGIN);
  } catch {
    // Sealed by us, so not expected; a damaged cache must not stop the panel.
  }
}

/** Refused writes by claimed writer, named from who is present when known. */
function summariseRejected(
  writes: readonly RejectedWrite[],
  members: readonly Member[],
): RejectedSummary[] {
  // Writers nobody present is known as are one line: "someone unknown".
  const byWriter = new Map<string | null, number>();
  for (const write of writes) {
    const known = members.some((m) => m.memberId === write.writerId) ? write.writerId : null;
    byWriter.set(known, (byWriter.get(known) ?? 0) + 1);
  }
  return [...byWriter].map(([memberId, count]) => ({
    memberId,
    name: members.find((m) => m.memberId === memberId)?.name ?? null,
    count,
  }));
}

/**
 * The lobby's state without who asked to join: those knocks were made in the old lobby, and
 * whoever made them but was not let in is not carried along to the new invite.
 */
function withoutAdmissions(lobby: Y.Doc): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(lobby));
  const map = lobbyMap(copy);
  for (const key of [...map.keys()]) if (isAdmissionKey(key)) map.delete(key);
  return Y.encodeStateAsUpdate(copy);
}
