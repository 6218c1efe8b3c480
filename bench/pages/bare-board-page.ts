/**
 * The late-join baseline's page: yjs + y-webrtc directly, joining a room where a bare Node peer
 * holds Kring's heavy meeting document, and rendering its questions (with the answered mark and
 * rating) and its advice (starred ones first, in their order) with plain DOM after every update.
 * It reads the document's maps as they are (a signed value's envelope `{ v }` is opened, nothing
 * is verified). Room, password and signaling server come from the query
 * (?room=&password=&signaling=), the only input, checked before use; with `&wait=1` it joins
 * on a click on its Join button (the new member's case) instead of at once (the reload's).
 */
import * as Y from 'yjs';
import { WebrtcProvider } from 'y-webrtc';

const params = new URLSearchParams(location.search);
const room = params.get('room') ?? '';
const password = params.get('password') ?? '';
const signaling = params.get('signaling') ?? '';
const main = document.createElement('main');
document.body.append(main);

type Entry = Readonly<Record<string, unknown>>;

/** A map's values as plain records: envelopes opened, anything else skipped. */
function records(map: Y.Map<unknown>): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const [key, raw] of map.entries()) {
    const value =
      typeof raw === 'object' && raw !== null && 'v' in raw ? (raw as { v: unknown }).v : raw;
    if (typeof value === 'object' && value !== null) out.set(key, value as Entry);
  }
  return out;
}

const text = (entry: Entry | undefined): string =>
  typeof entry?.text === 'string' ? entry.text : '';

function join(): void {
  const doc = new Y.Doc();
  new WebrtcProvider(room, doc, {
    signaling: [signaling],
    password,
    peerOpts: { config: { iceServers: [] } },
  });
  const questionList = document.createElement('ul');
  questionList.id = 'questions';
  const adviceList = document.createElement('ol');
  adviceList.id = 'advice';
  main.append(questionList, adviceList);
  const render = () => {
    const questionMarks = records(doc.getMap('questionMarks'));
    const questions = [...records(doc.getMap('questions'))];
    questionList.replaceChildren(
      ...questions.map(([id, q]) => {
        const li = document.createElement('li');
        const mark = questionMarks.get(id);
        li.textContent = `${text(q)} ${mark?.answered === true ? '✓' : ''} ${typeof mark?.rating === 'string' ? mark.rating : ''}`;
        return li;
      }),
    );
    const adviceMarks = records(doc.getMap('adviceMarks'));
    const place = (id: string): number => {
      const order = adviceMarks.get(id)?.order;
      return typeof order === 'number' ? order : Number.MAX_SAFE_INTEGER;
    };
    const advice = [...records(doc.getMap('advice'))].sort(([a], [b]) => place(a) - place(b));
    adviceList.replaceChildren(
      ...advice.map(([id, a]) => {
        const li = document.createElement('li');
        li.textContent = `${adviceMarks.get(id)?.starred === true ? '★ ' : ''}${text(a)}`;
        return li;
      }),
    );
  };
  doc.on('update', render);
  render();
}

if (room === '' || !/^wss?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(signaling)) {
  main.textContent = 'Missing room or loopback signaling server in the address.';
} else if (params.get('wait') === '1') {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Join';
  button.addEventListener('click', () => {
    button.remove();
    join();
  });
  main.append(button);
} else {
  join();
}
