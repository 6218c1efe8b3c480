/**
 * The late-join baseline's Node peer: yjs + y-webrtc directly (@roamhq/wrtc, ws), no Kring
 * code, driven over IPC by bench/late-join-section.ts. It applies a document it is given (the
 * bytes of Kring's heavy meeting, as a Node member holds it) and then offers it in `room` on
 * `signalingUrl`, for bench/pages/bare-board-page.ts to join late. One process per peer:
 * y-webrtc allows one provider per room per JavaScript realm.
 */
import { WebSocket } from 'ws';
import wrtc from '@roamhq/wrtc';
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';

Object.assign(globalThis, { WebSocket });

export type BareBoardCommand =
  | { type: 'open'; room: string; password: string; signalingUrl: string; update: string }
  | { type: 'close' };

export type BareBoardEvent = { type: 'result'; ok: boolean; detail?: string };

const send = (event: BareBoardEvent) => process.send?.(event);
const doc = new Y.Doc();
let provider: WebrtcProvider | null = null;

process.on('message', (raw: unknown) => {
  // From our own bench process over IPC; checked for shape all the same.
  if (typeof raw !== 'object' || raw === null || !('type' in raw)) return;
  const command = raw as BareBoardCommand;
  switch (command.type) {
    case 'open':
      try {
        if (typeof command.update !== 'string') throw new Error('no document');
        Y.applyUpdate(doc, Buffer.from(command.update, 'base64'));
      } catch (error) {
        send({ type: 'result', ok: false, detail: String(error) });
        return;
      }
      provider = new WebrtcProvider(command.room, doc, {
        signaling: [command.signalingUrl],
        password: command.password,
        peerOpts: { wrtc, config: { iceServers: [] } },
      });
      send({ type: 'result', ok: true });
      return;
    case 'close':
      provider?.destroy();
      send({ type: 'result', ok: true });
      setTimeout(() => process.exit(0), 50);
      return;
    default:
      send({ type: 'result', ok: false, detail: 'unknown command' });
  }
});
