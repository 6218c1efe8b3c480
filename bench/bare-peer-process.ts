/**
 * The phase baseline's Node peer: yjs + y-webrtc directly (@roamhq/wrtc, ws), no Kring code,
 * driven over IPC by bench/phase-section.ts. It joins `room` on `signalingUrl`, and on command
 * sets the shared phase (`meta.phase`) or pushes a question (`questions`), one transaction each.
 * One process per peer: y-webrtc allows one provider per room per JavaScript realm.
 */
import { WebSocket } from 'ws';
import wrtc from '@roamhq/wrtc';
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';

Object.assign(globalThis, { WebSocket });

export type BareCommand =
  | { type: 'open'; room: string; password: string; signalingUrl: string }
  | { type: 'phase'; value: string }
  | { type: 'question'; text: string }
  | { type: 'peers' }
  | { type: 'close' };

export type BareEvent = { type: 'result'; ok: boolean; peers?: number; detail?: string };

const send = (event: BareEvent) => process.send?.(event);
const doc = new Y.Doc();
let provider: WebrtcProvider | null = null;

process.on('message', (raw: unknown) => {
  // From our own bench process over IPC; checked for shape all the same.
  if (typeof raw !== 'object' || raw === null || !('type' in raw)) return;
  const command = raw as BareCommand;
  switch (command.type) {
    case 'open':
      provider = new WebrtcProvider(command.room, doc, {
        signaling: [command.signalingUrl],
        password: command.password,
        peerOpts: { wrtc },
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
      const connected = conns ? [...conns.values()].filter((c) => c.connected).length : 0;
      send({ type: 'result', ok: true, peers: connected });
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
