/**
 * One WebRTC data-channel connection to another member, as y-webrtc asks of it: the part of
 * simple-peer's API that patches/y-webrtc+10.3.0.patch uses, on the platform's RTCPeerConnection.
 * The panel's build puts this class where y-webrtc imports `simple-peer/simplepeer.min.js`
 * (wxt.config.ts); Node members keep simple-peer itself, so every mixed test is also a test
 * that the two speak the same signals.
 *
 * Why not simple-peer in the panel: its browser bundle carries Node's streams, Buffer and their
 * helpers (98 KB of the group's 504 KB chunk), and a reloading panel compiled and ran all of it
 * before its board showed. Kring sends whole messages over one data channel and never uses
 * streams, media or renegotiation.
 *
 * What it keeps of simple-peer, so that members of either build connect:
 * - the signals: `{ type: 'offer' | 'answer', sdp }`, `{ type: 'candidate', candidate }` (trickled
 *   one by one), and `{ type: 'renegotiate', renegotiate: true }`, which asks the side that
 *   made the offer to make another;
 * - the side that makes the offer makes the data channel (a random label; the other side takes
 *   the channel it is given), `binaryType` arraybuffer;
 * - events `signal`, `connect`, `data` (a Uint8Array; Kring sends no text, and text from a peer
 *   is dropped), `error` (then `close`), `close`; `send` hands a message to the channel as it is
 *   (the channel throws when it is not open, as before);
 * - `destroy()` closes the channel and the connection and says `close` once, a microtask later.
 *
 * One difference: `connect` comes when the data channel opens. simple-peer waited for the ICE
 * state as well and then for a getStats call (the addresses it found, which Kring never read):
 * in node-webrtc under load that was hundreds of ms, during which the side that answered could
 * already hear its peer.
 *
 * Signals come from peers (through the signaling server, sealed with the room key): one that is
 * not an offer, an answer, a candidate or a request to renegotiate ends this connection with an
 * error, as simple-peer did; nothing is thrown at the caller.
 */
import { randomId } from '../util/random-id';

/** The WebRTC classes: the browser's, or node-webrtc's in Node (`peerOpts.wrtc`). */
export interface WebRtcImplementation {
  readonly RTCPeerConnection: typeof RTCPeerConnection;
  readonly RTCSessionDescription: typeof RTCSessionDescription;
  readonly RTCIceCandidate: typeof RTCIceCandidate;
}

/** What y-webrtc passes: `{ initiator, ...peerOpts }` (RoomOptions.peerOpts, ice-config.ts). */
export interface DataPeerOptions {
  readonly initiator?: boolean;
  readonly config?: RTCConfiguration;
  readonly wrtc?: WebRtcImplementation;
  readonly channelName?: string;
  readonly channelConfig?: RTCDataChannelInit;
}

export type PeerSignal =
  | { readonly type: 'offer' | 'answer'; readonly sdp: string }
  | { readonly type: 'candidate'; readonly candidate: RTCIceCandidateInit }
  | { readonly type: 'renegotiate'; readonly renegotiate: true };

/** An error with simple-peer's codes, which a caller may log. */
export class PeerError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'PeerError';
  }
}

/** simple-peer's: a channel stuck in "closing" this long counts as closed (a Chromium bug). */
export const CHANNEL_CLOSING_MS = 5_000;

type Listener = (...args: never[]) => void;

/** Reads a signal from a peer: the shape simple-peer sends, or null. */
export function readSignal(data: unknown): PeerSignal | null {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null) return null;
  const signal = value as Record<string, unknown>;
  if ((signal.type === 'offer' || signal.type === 'answer') && typeof signal.sdp === 'string') {
    return { type: signal.type, sdp: signal.sdp };
  }
  if (signal.renegotiate === true) return { type: 'renegotiate', renegotiate: true };
  const candidate = signal.candidate;
  if (typeof candidate === 'object' && candidate !== null) {
    const fields = candidate as Record<string, unknown>;
    if (typeof fields.candidate !== 'string') return null;
    const index = fields.sdpMLineIndex;
    const mid = fields.sdpMid;
    return {
      type: 'candidate',
      candidate: {
        candidate: fields.candidate,
        sdpMLineIndex: typeof index === 'number' ? index : null,
        sdpMid: typeof mid === 'string' ? mid : null,
      },
    };
  }
  return null;
}

function platformWebRtc(): WebRtcImplementation | null {
  const scope = globalThis as Partial<WebRtcImplementation>;
  if (!scope.RTCPeerConnection || !scope.RTCSessionDescription || !scope.RTCIceCandidate) {
    return null;
  }
  return scope as WebRtcImplementation;
}

/** Takes every handler off a channel: nothing it says reaches this peer any more. */
function detach(channel: RTCDataChannel): void {
  channel.onmessage = null;
  channel.onopen = null;
  channel.onclose = null;
  channel.onerror = null;
}

export default class DataPeer {
  readonly initiator: boolean;
  /** True from `destroy()` on: nothing more is sent, read or said but the one `close`. */
  destroyed = false;
  /** simple-peer's name; the y-webrtc patch reads its `readyState` (canNote). */
  _channel: RTCDataChannel | null = null;
  private readonly pc: RTCPeerConnection | null = null;
  private readonly rtc: WebRtcImplementation | null;
  private readonly listeners = new Map<string, Listener[]>();
  private pendingCandidates: RTCIceCandidateInit[] = [];
  private connected = false;
  private negotiating = false;
  private negotiateAgain = false;
  private closingCheck: ReturnType<typeof setInterval> | null = null;

  constructor(options: DataPeerOptions = {}) {
    this.initiator = options.initiator === true;
    this.rtc = options.wrtc ?? platformWebRtc();
    if (!this.rtc) {
      this.destroy(
        new PeerError('This browser cannot make WebRTC connections', 'ERR_WEBRTC_SUPPORT'),
      );
      return;
    }
    let pc: RTCPeerConnection;
    try {
      pc = new this.rtc.RTCPeerConnection({ iceServers: [], ...options.config });
    } catch (error) {
      this.destroy(new PeerError(String(error), 'ERR_PC_CONSTRUCTOR'));
      return;
    }
    this.pc = pc;
    pc.onicecandidate = (event) => {
      if (this.destroyed || !event.candidate) return;
      const { candidate, sdpMLineIndex, sdpMid } = event.candidate;
      this.emit('signal', { type: 'candidate', candidate: { candidate, sdpMLineIndex, sdpMid } });
    };
    pc.oniceconnectionstatechange = () => {
      const state = pc.iceConnectionState;
      if (state === 'failed')
        this.destroy(new PeerError('Ice connection failed.', 'ERR_ICE_CONNECTION_FAILURE'));
      if (state === 'closed')
        this.destroy(new PeerError('Ice connection closed.', 'ERR_ICE_CONNECTION_CLOSED'));
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'failed') {
        this.destroy(new PeerError('Connection failed.', 'ERR_CONNECTION_FAILURE'));
      }
    };
    pc.onsignalingstatechange = () => {
      if (pc.signalingState !== 'stable' || this.destroyed) return;
      this.negotiating = false;
      if (this.negotiateAgain) {
        this.negotiateAgain = false;
        this.negotiate();
      }
    };
    if (this.initiator) {
      this.takeChannel(
        pc.createDataChannel(options.channelName ?? randomId(20), options.channelConfig),
      );
      // simple-peer waits a task before the first offer: Chrome once crashed without it.
      setTimeout(() => this.negotiate(), 0);
    } else {
      pc.ondatachannel = (event) => this.takeChannel(event.channel);
    }
  }

  on(event: 'signal', listener: (signal: PeerSignal) => void): this;
  on(event: 'data', listener: (data: Uint8Array) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'connect' | 'close', listener: () => void): this;
  on(event: string, listener: Listener): this {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
    return this;
  }

  once(event: 'connect' | 'close', listener: () => void): this {
    const once = (): void => {
      this.off(event, once);
      listener();
    };
    return this.on(event, once);
  }

  off(event: string, listener: Listener): this {
    const list = this.listeners.get(event);
    if (list)
      this.listeners.set(
        event,
        list.filter((each) => each !== listener),
      );
    return this;
  }

  /** Calls each listener of `event` (also what tests use to play a peer's part). */
  emit(event: string, ...args: unknown[]): boolean {
    const list = this.listeners.get(event);
    if (!list || list.length === 0) return false;
    for (const listener of [...list]) (listener as (...values: unknown[]) => void)(...args);
    return true;
  }

  /** A signal from the other side, as the signaling server brought it. */
  signal(data: unknown): void {
    const pc = this.pc;
    const rtc = this.rtc;
    if (this.destroyed || !pc || !rtc) return;
    const signal = readSignal(data);
    if (!signal) {
      this.destroy(new PeerError('signal() called with invalid signal data', 'ERR_SIGNALING'));
      return;
    }
    if (signal.type === 'renegotiate') {
      if (this.initiator) this.negotiate();
      return;
    }
    if (signal.type === 'candidate') {
      if (pc.remoteDescription?.type) this.addCandidate(signal.candidate);
      else this.pendingCandidates.push(signal.candidate);
      return;
    }
    pc.setRemoteDescription(new rtc.RTCSessionDescription(signal))
      .then(() => {
        if (this.destroyed) return;
        const pending = this.pendingCandidates;
        this.pendingCandidates = [];
        for (const candidate of pending) this.addCandidate(candidate);
        if (pc.remoteDescription?.type === 'offer') {
          this.describe(pc, pc.createAnswer(), 'ERR_CREATE_ANSWER');
        }
      })
      .catch((error: unknown) => {
        this.destroy(new PeerError(String(error), 'ERR_SET_REMOTE_DESCRIPTION'));
      });
  }

  /** Hands one message to the data channel (which throws when it is not open). */
  send(data: Uint8Array): void {
    if (this.destroyed) return;
    const channel = this._channel;
    if (!channel) throw new PeerError('The data channel is not there yet', 'ERR_DATA_CHANNEL');
    channel.send(data as Uint8Array<ArrayBuffer>);
  }

  /** Closes the connection; `error` (when given) and then `close` follow once, a microtask later. */
  destroy(error?: Error): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.connected = false;
    if (this.closingCheck !== null) clearInterval(this.closingCheck);
    this.closingCheck = null;
    const channel = this._channel;
    if (channel) {
      detach(channel);
      try {
        channel.close();
      } catch {
        // Already closed.
      }
    }
    const pc = this.pc;
    if (pc) {
      pc.onicecandidate = null;
      pc.oniceconnectionstatechange = null;
      pc.onconnectionstatechange = null;
      pc.onsignalingstatechange = null;
      pc.ondatachannel = null;
      try {
        pc.close();
      } catch {
        // Already closed.
      }
    }
    // As simple-peer: events that came together with this call are still handled first.
    queueMicrotask(() => {
      if (error) this.emit('error', error);
      this.emit('close');
    });
  }

  private takeChannel(channel: RTCDataChannel): void {
    if (this.destroyed) return;
    // A second channel from the other side (both offered at once) replaces the first, as in
    // simple-peer; the first no longer speaks for this connection, nor ends it when it closes.
    const before = this._channel;
    if (before) detach(before);
    if (this.closingCheck !== null) clearInterval(this.closingCheck);
    this._channel = channel;
    channel.binaryType = 'arraybuffer';
    channel.onopen = () => {
      if (this.destroyed || this.connected) return;
      this.connected = true;
      this.emit('connect');
    };
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (this.destroyed) return;
      // Kring sends bytes only; a text message from a peer is dropped here.
      if (event.data instanceof ArrayBuffer) this.emit('data', new Uint8Array(event.data));
    };
    channel.onclose = () => this.destroy();
    channel.onerror = (event: Event) => {
      const cause = (event as Event & { error?: unknown }).error;
      const message = cause instanceof Error ? cause.message : 'Data channel error';
      this.destroy(new PeerError(message, 'ERR_DATA_CHANNEL'));
    };
    // Chromium can leave a channel in "closing" without ever saying "close" (crbug 882743).
    let closing = false;
    this.closingCheck = setInterval(() => {
      if (channel.readyState !== 'closing') closing = false;
      else if (closing) this.destroy();
      else closing = true;
    }, CHANNEL_CLOSING_MS);
  }

  /** The side that made the offer offers again; the other asks it to (simple-peer's signal). */
  private negotiate(): void {
    const pc = this.pc;
    if (this.destroyed || !pc) return;
    if (!this.initiator) {
      this.emit('signal', { type: 'renegotiate', renegotiate: true });
      return;
    }
    if (this.negotiating) {
      this.negotiateAgain = true;
      return;
    }
    this.negotiating = true;
    this.describe(pc, pc.createOffer(), 'ERR_CREATE_OFFER');
  }

  /** Sets the offer or answer being made as this side's description, then signals it. */
  private describe(
    pc: RTCPeerConnection,
    making: Promise<RTCSessionDescriptionInit>,
    code: 'ERR_CREATE_OFFER' | 'ERR_CREATE_ANSWER',
  ): void {
    making
      .then((made) => pc.setLocalDescription(made).then(() => made))
      .then((made) => {
        if (this.destroyed) return;
        const description = pc.localDescription ?? made;
        this.emit('signal', { type: description.type, sdp: description.sdp ?? '' });
      })
      .catch((error: unknown) => {
        this.destroy(new PeerError(String(error), code));
      });
  }

  private addCandidate(candidate: RTCIceCandidateInit): void {
    const pc = this.pc;
    const rtc = this.rtc;
    if (this.destroyed || !pc || !rtc) return;
    let made: RTCIceCandidate;
    try {
      made = new rtc.RTCIceCandidate(candidate);
    } catch {
      return; // A candidate this side cannot read is one path less, not the end.
    }
    pc.addIceCandidate(made).catch(() => {
      // As simple-peer for mDNS (.local) candidates: a path that cannot be used is left out.
      // Unlike simple-peer it never ends the connection: other candidates may still work.
    });
  }
}
