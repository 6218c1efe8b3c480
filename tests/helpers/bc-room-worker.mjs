// A page of the same browser, for tests/lib/connection/broadcast-channel-sync.test.ts: a worker
// thread (Node's BroadcastChannel reaches the other threads of its process, as a browser's
// reaches the other pages of its origin) that joins a y-webrtc room with no signaling server,
// so that the channel is its only way to the others.
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';

const doc = new Y.Doc();
doc.getMap('written').set('worker', workerData.value);
const provider = new WebrtcProvider(workerData.room, doc, {
  signaling: [],
  password: workerData.password,
});
const report = () =>
  parentPort.postMessage({ written: Object.fromEntries(doc.getMap('written').entries()) });
doc.on('update', report);
parentPort.on('message', (message) => {
  if (message === 'report') report();
  if (message === 'close') {
    provider.destroy();
    parentPort.close();
  }
});
