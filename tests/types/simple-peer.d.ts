/**
 * simple-peer's browser bundle, as y-webrtc imports it (Node members run it; the panel's build
 * puts lib/connection/data-peer.ts in its place). Typed only as far as the tests use it.
 */
declare module 'simple-peer/simplepeer.min.js' {
  const SimplePeer: new (options: {
    initiator?: boolean;
    wrtc?: unknown;
    config?: RTCConfiguration;
  }) => {
    on(event: string, listener: (...args: never[]) => void): unknown;
    signal(data: unknown): void;
    send(data: Uint8Array | string): void;
    destroy(): void;
  };
  export default SimplePeer;
}
