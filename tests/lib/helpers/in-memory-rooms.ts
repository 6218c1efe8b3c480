import type { PeerNotes, RoomHandle } from '../../../lib/connection/room-connection';
import type { RoomKeys } from '../../../lib/invite/room-name';
import { InMemoryNetwork } from './in-memory-network';

interface Seat {
  readonly member: string;
  readonly roomName: string;
  readonly network: InMemoryNetwork;
  readonly index: number;
  readonly listeners: Set<() => void>;
  readonly noteListeners: Set<(peerId: string, note: Uint8Array) => void>;
  released: boolean;
}

interface QueuedNote {
  readonly to: Seat;
  readonly from: Seat;
  readonly note: Uint8Array;
}

/**
 * Rooms for GroupSession in place of y-webrtc: one InMemoryNetwork with presence per room name,
 * which every `openRoom` joins as a new member. Nothing travels between members until
 * `flush()`; members are cut off and brought back by name, in every room they have open.
 */
export class InMemoryRooms {
  private readonly networks = new Map<string, InMemoryNetwork>();
  private readonly seats: Seat[] = [];
  /** Members cut off from everyone until they reconnect, also in rooms they open meanwhile. */
  private readonly offline = new Set<string>();
  /** Notes to single peers (the y-webrtc patch's peer notes), delivered by `flush()`. */
  private readonly notes: QueuedNote[] = [];
  /** Rooms whose name passes the test stay without connections for these members. */
  private readonly cutOffRooms = new Map<string, (roomName: string) => boolean>();
  /**
   * Members whose rooms say whether a peer has answered their sync request (y-webrtc's
   * 'synced', RoomHandle.syncedWithPeer), and what they say; other members' rooms cannot tell.
   */
  private readonly syncReports = new Map<string, boolean>();
  /**
   * Members whose rooms say how many other panels the server tells them of (their
   * announcements, RoomHandle.peersThere), and how many; other members' rooms cannot tell.
   */
  private readonly peerReports = new Map<string, number>();

  /** The `openRoom` to give the GroupSession of `member` (a name for the calls below). */
  openerFor(member: string): (keys: RoomKeys) => RoomHandle {
    return (keys) => this.open(member, keys.roomName);
  }

  /** Delivers everything queued in every room, until all are quiet. */
  flush(): void {
    let delivered = true;
    while (delivered) {
      delivered = false;
      for (const { to, from, note } of this.notes.splice(0)) {
        delivered = true;
        if (!this.linked(from, to)) continue;
        for (const listener of [...to.noteListeners]) listener(String(from.index), note);
      }
      for (const network of this.networks.values()) {
        if (!network.pending) continue;
        network.flush();
        delivered = true;
      }
    }
  }

  /**
   * Cuts `member` off in every room they have open, or only in the room named `roomName`
   * (each room has its own WebRTC connections, which can drop on their own).
   */
  disconnect(member: string, roomName?: string): void {
    for (const seat of this.openSeats(member)) {
      if (roomName !== undefined && seat.roomName !== roomName) continue;
      seat.network.disconnect(seat.index);
      notify(seat);
    }
  }

  /**
   * Cuts `member` off from everyone, in the rooms they have open and in those they open later
   * (a panel reloaded while the signaling server is down), until `reconnect(member)`.
   */
  goOffline(member: string): void {
    this.offline.add(member);
    this.disconnect(member);
  }

  /**
   * Keeps `member` without connections in every room whose name passes `test`, also in those
   * opened later (a meeting's room whose WebRTC connections have not come up yet).
   */
  cutOff(member: string, test: (roomName: string) => boolean): void {
    this.cutOffRooms.set(member, test);
    for (const seat of this.openSeats(member)) {
      if (!test(seat.roomName)) continue;
      seat.network.disconnect(seat.index);
      notify(seat);
    }
  }

  /** Ends `cutOff` for `member`: those rooms connect. */
  connectRooms(member: string): void {
    const test = this.cutOffRooms.get(member);
    this.cutOffRooms.delete(member);
    if (!test) return;
    for (const seat of this.openSeats(member)) {
      if (!test(seat.roomName) || this.offline.has(member)) continue;
      seat.network.reconnect(seat.index);
      notify(seat);
    }
  }

  /** Brings `member` back in every room they have open (or only in `roomName`). */
  reconnect(member: string, roomName?: string): void {
    if (roomName === undefined) this.offline.delete(member);
    for (const seat of this.openSeats(member)) {
      if (roomName !== undefined && seat.roomName !== roomName) continue;
      seat.network.reconnect(seat.index);
      notify(seat);
    }
  }

  /**
   * From now on the rooms of `member` say whether a peer has answered their sync request:
   * `synced` (false until this is called again with true). Members never reported cannot tell.
   */
  reportSync(member: string, synced: boolean): void {
    this.syncReports.set(member, synced);
    for (const seat of this.openSeats(member)) notify(seat);
  }

  /**
   * From now on the rooms of `member` say the server tells them of `count` other panels, present
   * or not (a peer announced that no connection reaches). Members never reported cannot tell.
   */
  reportPeersThere(member: string, count: number): void {
    this.peerReports.set(member, count);
    for (const seat of this.openSeats(member)) notify(seat);
  }

  /** The names of the rooms `member` holds open (opened and not yet released). */
  openRooms(member: string): string[] {
    return this.openSeats(member).map((seat) => seat.roomName);
  }

  /** Whether two seats of one room have a connection now: both open and online. */
  private linked(a: Seat, b: Seat): boolean {
    return (
      a.network === b.network &&
      !a.released &&
      !b.released &&
      a.network.isOnline(a.index) &&
      b.network.isOnline(b.index)
    );
  }

  private openSeats(member: string): Seat[] {
    return this.seats.filter((seat) => seat.member === member && !seat.released);
  }

  private open(member: string, roomName: string): RoomHandle {
    let network = this.networks.get(roomName);
    if (!network) {
      network = new InMemoryNetwork(0, { awareness: true });
      this.networks.set(roomName, network);
    }
    const cut = this.cutOffRooms.get(member)?.(roomName) ?? false;
    const index = network.join({ online: !this.offline.has(member) && !cut });
    const seat: Seat = {
      member,
      roomName,
      network,
      index,
      listeners: new Set(),
      noteListeners: new Set(),
      released: false,
    };
    this.seats.push(seat);
    const notes: PeerNotes = {
      peers: () =>
        this.seats
          .filter((other) => other !== seat && this.linked(seat, other))
          .map((other) => String(other.index)),
      send: (peerId, note) => {
        const to = this.seats.find(
          (other) => other.network === network && String(other.index) === peerId,
        );
        if (!to || to === seat || !this.linked(seat, to)) return false;
        this.notes.push({ to, from: seat, note });
        return true;
      },
      listen(listener) {
        seat.noteListeners.add(listener);
        return () => seat.noteListeners.delete(listener);
      },
    };
    return {
      roomName,
      doc: network.docs[index]!,
      awareness: network.awarenessOf(index),
      connectionFacts: () => ({
        signalingConnected: seat.network.isOnline(seat.index),
        signalingFailed: false,
      }),
      notes,
      ...(this.syncReports.has(member)
        ? { syncedWithPeer: () => this.syncReports.get(member) === true }
        : {}),
      ...(this.peerReports.has(member)
        ? { peersThere: () => this.peerReports.get(member) ?? 0 }
        : {}),
      onConnectionChange(listener) {
        seat.listeners.add(listener);
        return () => seat.listeners.delete(listener);
      },
      release() {
        if (seat.released) return;
        seat.released = true;
        seat.listeners.clear();
        seat.noteListeners.clear();
        seat.network.leave(seat.index);
      },
    };
  }
}

function notify(seat: Seat): void {
  for (const listener of [...seat.listeners]) listener();
}
