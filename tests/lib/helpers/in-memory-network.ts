import * as Y from 'yjs';
import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';

interface Message {
  readonly kind: 'doc' | 'awareness';
  readonly from: number;
  readonly to: number;
  readonly update: Uint8Array;
}

/**
 * N members' documents on a fake network: updates queue up until `flush()` delivers them,
 * members can be disconnected (their updates wait) and reconnected (they exchange what the
 * other side misses, as y-webrtc's sync step does). Deterministic: no timers, no randomness.
 *
 * With `{ awareness: true }` every member also has a y-protocols Awareness (presence) whose
 * changes travel the same way; members may then also `join()` later and `leave()`.
 */
export class InMemoryNetwork {
  readonly docs: Y.Doc[] = [];
  private readonly presence: Array<Awareness | null> = [];
  private readonly queue: Message[] = [];
  private readonly online: boolean[] = [];
  /** Members who left for good: they never come back online. */
  private readonly gone = new Set<number>();
  private readonly withAwareness: boolean;

  constructor(members: number, options: { readonly awareness?: boolean } = {}) {
    this.withAwareness = options.awareness ?? false;
    for (let i = 0; i < members; i++) this.add();
  }

  /** True while messages are waiting for `flush()`. */
  get pending(): boolean {
    return this.queue.length > 0;
  }

  /** Delivers every queued update, including those that deliveries cause, until quiet. */
  flush(): void {
    while (this.queue.length > 0) {
      const message = this.queue.shift()!;
      if (!this.online[message.to]) continue;
      if (message.kind === 'doc') Y.applyUpdate(this.docs[message.to]!, message.update, this);
      else applyAwarenessUpdate(this.awarenessOf(message.to), message.update, this);
    }
  }

  /**
   * Delivers one queued message, picked with `random` among the oldest of each sender→receiver
   * pair (as Yjs' own tests do), so that a fuzz test sees members receive each other's edits in
   * any interleaving, also updates whose causes have not arrived yet. Each pair's own messages
   * stay in order because y-webrtc's data channels are ordered. Returns false when none waits.
   */
  flushRandomMessage(random: () => number): boolean {
    const pairs = new Set<string>();
    const oldest: number[] = [];
    this.queue.forEach(({ from, to }, index) => {
      const pair = `${from}>${to}`;
      if (pairs.has(pair)) return;
      pairs.add(pair);
      oldest.push(index);
    });
    if (oldest.length === 0) return false;
    const [message] = this.queue.splice(oldest[Math.floor(random() * oldest.length)]!, 1);
    if (!message || !this.online[message.to]) return true;
    if (message.kind === 'doc') Y.applyUpdate(this.docs[message.to]!, message.update, this);
    else applyAwarenessUpdate(this.awarenessOf(message.to), message.update, this);
    return true;
  }

  /** Cuts a member off: its edits stay local until it reconnects. */
  disconnect(member: number): void {
    if (!this.online[member]) return;
    this.online[member] = false;
    // Members who stop hearing each other drop each other from presence (y-protocols does so
    // after 30 s of silence; on this network no time passes, so at once).
    const own = this.presence[member];
    if (!own) return;
    this.presence.forEach((other, index) => {
      if (!other || index === member || !this.online[index]) return;
      removeAwarenessStates(other, [own.clientID], this);
      removeAwarenessStates(own, [other.clientID], this);
    });
  }

  /**
   * Brings a member back and exchanges the missing state with every online member. Presence
   * comes back with the next `flush()`, as each side renews its state.
   */
  reconnect(member: number): void {
    if (this.gone.has(member)) throw new Error(`member ${member} has left the network`);
    this.online[member] = true;
    const doc = this.docs[member]!;
    this.docs.forEach((other, index) => {
      if (index === member || !this.online[index]) return;
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)), this);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), this);
    });
    this.presence.forEach((awareness, index) => {
      // The same state with a higher clock: states that were dropped are taken up again.
      if (awareness && this.online[index]) awareness.setLocalState(awareness.getLocalState());
    });
  }

  /**
   * A new member joins: it receives every online member's document and presence at once, and
   * they receive its own (a panel that opens a room). Returns its index. With `online: false`
   * it joins cut off (a panel opened while the others cannot be reached) until `reconnect`.
   */
  join(options: { readonly online?: boolean } = {}): number {
    const member = this.add();
    if (options.online === false) {
      this.online[member] = false;
      return member;
    }
    const doc = this.docs[member]!;
    const own = this.presence[member];
    this.docs.forEach((other, index) => {
      if (index === member || !this.online[index]) return;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), this);
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc), this);
      const theirs = this.presence[index];
      if (own && theirs) {
        applyAwarenessUpdate(own, encodeAwarenessUpdate(theirs, [theirs.clientID]), this);
        applyAwarenessUpdate(theirs, encodeAwarenessUpdate(own, [own.clientID]), this);
      }
    });
    return member;
  }

  /**
   * A member leaves for good (its panel closes): its goodbye in presence reaches the others
   * with the next `flush()`, as y-webrtc's does; its document (and with it its presence) is
   * destroyed.
   */
  leave(member: number): void {
    this.presence[member]?.setLocalState(null);
    this.online[member] = false;
    this.gone.add(member);
    this.docs[member]!.destroy();
  }

  /** True while the member is connected. */
  isOnline(member: number): boolean {
    return this.online[member] === true;
  }

  /** A member's presence; only on a network made with `{ awareness: true }`. */
  awarenessOf(member: number): Awareness {
    const awareness = this.presence[member];
    if (!awareness) throw new Error(`member ${member} has no awareness on this network`);
    return awareness;
  }

  private add(): number {
    const from = this.docs.length;
    const doc = new Y.Doc();
    this.docs.push(doc);
    this.online.push(true);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send('doc', from, update);
    });
    if (!this.withAwareness) {
      this.presence.push(null);
      return from;
    }
    const awareness = new Awareness(doc);
    this.presence.push(awareness);
    awareness.on(
      'update',
      (
        changes: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ): void => {
        if (origin === this) return;
        const clients = [...changes.added, ...changes.updated, ...changes.removed];
        this.send('awareness', from, encodeAwarenessUpdate(awareness, clients));
      },
    );
    return from;
  }

  private send(kind: Message['kind'], from: number, update: Uint8Array): void {
    if (!this.online[from]) return;
    this.docs.forEach((_, to) => {
      if (to !== from && this.online[to]) this.queue.push({ kind, from, to, update });
    });
  }
}
