/**
 * The phase baseline's page: yjs + y-webrtc directly, rendering the shared phase and the
 * questions with plain DOM on every change. Room, password and signaling server come from the
 * query (?room=&password=&signaling=), the only input; checked before use.
 */
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';

const params = new URLSearchParams(location.search);
const room = params.get('room') ?? '';
const password = params.get('password') ?? '';
const signaling = params.get('signaling') ?? '';
const main = document.createElement('main');
document.body.append(main);

if (room === '' || !/^wss?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(signaling)) {
  main.textContent = 'Missing room or loopback signaling server in the address.';
} else {
  const doc = new Y.Doc();
  // Loopback only, as Kring's panels in the bench: no connection servers (simple-peer's default
  // would ask public STUN servers).
  const provider = new WebrtcProvider(room, doc, {
    signaling: [signaling],
    password,
    peerOpts: { config: { iceServers: [] } },
  });
  const heading = document.createElement('h2');
  heading.dataset.testid = 'current-phase';
  const list = document.createElement('ul');
  main.append(heading, list);
  const meta = doc.getMap<string>('meta');
  const questions = doc.getArray<string>('questions');
  const render = () => {
    heading.textContent = meta.get('phase') ?? '';
    const items = questions.toArray();
    for (let i = list.children.length; i < items.length; i += 1) {
      const li = document.createElement('li');
      li.textContent = items[i] ?? '';
      list.append(li);
    }
  };
  meta.observe(render);
  questions.observe(render);
  render();
  Object.assign(window, {
    benchPeers: () =>
      [...(provider.room?.webrtcConns.values() ?? [])].filter((c) => c.connected).length,
  });
}
