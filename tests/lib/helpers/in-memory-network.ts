import * as Y from 'yjs';

/**
 * N members' documents on a fake network: updates queue up until `flush()` delivers them,
 * members can be disconnected (their updates wait) and reconnected (they exchange what the
 * other side misses, as y-webrtc's sync step does). Deterministic: no timers, no randomness.
 */
export class InMemoryNetwork {
  readonly docs: Y.Doc[];
  private readonly queue: Array<{ from: number; to: number; update: Uint8Array }> = [];
  private readonly online: boolean[];

  constructor(members: number) {
    this.docs = Array.from({ length: members }, () => new Y.Doc());
    this.online = this.docs.map(() => true);
    this.docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === this) return;
        if (!this.online[from]) return;
        this.docs.forEach((_, to) => {
          if (to !== from && this.online[to]) this.queue.push({ from, to, update });
        });
      });
    });
  }

  /** Delivers every queued update, including those that deliveries cause, until quiet. */
  flush(): void {
    while (this.queue.length > 0) {
      const message = this.queue.shift()!;
      if (this.online[message.to]) Y.applyUpdate(this.docs[message.to]!, message.update, this);
    }
  }

  /** Cuts a member off: its edits stay local until it reconnects. */
  disconnect(member: number): void {
    this.online[member] = false;
  }

  /** Brings a member back and exchanges the missing state with every online member. */
  reconnect(member: number): void {
    this.online[member] = true;
    const doc = this.docs[member]!;
    this.docs.forEach((other, index) => {
      if (index === member || !this.online[index]) return;
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)), this);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), this);
    });
  }
}
