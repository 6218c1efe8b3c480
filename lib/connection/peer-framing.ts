import { ChunkAssembler, splitMessage } from './message-chunks';

/**
 * What patches/y-webrtc+10.3.0.patch calls for each WebRTC connection: `split` before every
 * `peer.send`, `receive` on every incoming data-channel message (null: nothing to read yet), and
 * `close` when the connection ends.
 */
export interface PeerFraming {
  split(message: Uint8Array): Uint8Array[];
  receive(data: Uint8Array): Uint8Array | null;
  close(): void;
}

/**
 * The framing of every connection of one room, and how far the largest message now arriving
 * is: a meeting that arrives in many frames is shown to the joiner as progress.
 */
export class RoomFraming {
  private readonly assemblers = new Set<ChunkAssembler>();

  /**
   * @param now the time, for dropping unfinished messages that stopped arriving
   * @param onFrame called after each frame of a larger message, when progress may have moved
   */
  constructor(
    private readonly now: () => number,
    private readonly onFrame: () => void,
  ) {}

  /** A new connection's framing (passed to y-webrtc as its `framing` option). */
  connection(): PeerFraming {
    const assembler = new ChunkAssembler();
    this.assemblers.add(assembler);
    let nextId = 0;
    return {
      split: (message) => splitMessage(message, nextId++),
      receive: (data) => {
        const message = assembler.receive(data, this.now());
        if (message !== data) this.onFrame();
        return message;
      },
      close: () => {
        this.assemblers.delete(assembler);
        this.onFrame();
      },
    };
  }

  /** How far the furthest message now arriving is (0 to 1), or null when none is arriving. */
  progress(): number | null {
    const now = this.now();
    let best: number | null = null;
    for (const assembler of this.assemblers) {
      const share = assembler.progress(now);
      if (share !== null && (best === null || share > best)) best = share;
    }
    return best;
  }
}
