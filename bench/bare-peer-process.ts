/**
 * The baselines' Node peer: yjs + y-webrtc directly (@roamhq/wrtc, ws), no Kring code, driven
 * over IPC. It joins `room` on `signalingUrl`, on loopback only (no connection servers, as
 * Kring's Node members). For bench/phase-section.ts it sets the shared phase (`meta.phase`) or
 * pushes a question (`questions`) on command, one transaction each; for
 * bench/late-join-section.ts it first applies the document it is given (`update`, base64: the
 * bytes of Kring's heavy meeting) and offers it to bench/pages/bare-board-page.ts.
 * One process per peer: y-webrtc allows one provider per room per JavaScript realm.
 */
import { WebSocket } from 'ws';
import wrtc from '@roamhq/wrtc';
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';

Object.assign(globalThis, { WebSocket });

export type BareCommand =
  | { type: 'open'; room: string; password: string; signalingUrl: string; update?: string }
  | { type: 'phase'; value: string }
  | { type: 'question'; text: string }
  | { type: 'peers' }
  | { type: 'close' };

/**
 * `peers`: connections open; `unannounced`: connections the provider never named in a `peers`
 * event (tests/lib/connection/offer-glare.test.ts; a listener only counts, it changes nothing).
 */
export type BareEvent = {
  type: 'result';
  ok: boolean;
  peers?: number;
  unannounced?: number;
  detail?: string;
};

const send = (event: BareEvent) => process.send?.(event);
const doc = new Y.Doc();
let provider: WebrtcProvider | null = null;
const announced = new WeakSet<object>();

process.on('message', (raw: unknown) => {
  // From our own bench process over IPC; checked for shape all the same.
  if (typeof raw !== 'object' || raw === null || !('type' in raw)) return;
  const command = raw as BareCommand;
  switch (command.type) {
    case 'open':
      if (command.update !== undefined) {
        try {
          if (typeof command.update !== 'string') throw new Error('no document');
          Y.applyUpdate(doc, Buffer.from(command.update, 'base64'));
        } catch (error) {
          send({ type: 'result', ok: false, detail: String(error) });
          return;
        }
      }
      provider = new WebrtcProvider(command.room, doc, {
        signaling: [command.signalingUrl],
        password: command.password,
        peerOpts: { wrtc, config: { iceServers: [] } },
      });
      provider.on('peers', () => {
        for (const conn of provider?.room?.webrtcConns.values() ?? []) announced.add(conn);
      });
      send({ type: 'result', ok: true });
      return;
    case 'phase':
      doc.transact(() => doc.getMap<string>('meta').set('phase', command.value));
      send({ type: 'result', ok: true });
      return;
    case 'question':
      doc.transact(() => doc.getArray<string>('questions').push([command.text]));
      send({ type: 'result', ok: true });
      return;
    case 'peers': {
      const conns = provider?.room?.webrtcConns;
      const all = conns ? [...conns.values()] : [];
      const connected = all.filter((c) => c.connected).length;
      const unannounced = all.filter((c) => !announced.has(c)).length;
      send({ type: 'result', ok: true, peers: connected, unannounced });
      return;
    }
    case 'close':
      provider?.destroy();
      send({ type: 'result', ok: true });
      setTimeout(() => process.exit(0), 50);
      return;
    default:
      send({ type: 'result', ok: false, detail: 'unknown command' });
  }
});
