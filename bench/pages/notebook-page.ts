/**
 * Bench page: lib/notebook in Chromium's real IndexedDB. Exposes `window.bench` for
 * bench/notebook-section.ts: fill a notebook with N realistic notes, then time searches.
 */
import { Notebook } from '../../lib/notebook/notebook';
import { notesToJson } from '../../lib/notebook/notebook-export';
import type { Note } from '../../lib/notebook/note-codec';

const WORDS = (
  'ouder gesprek boos team collega leidinggevende cliënt moeder vader school grens rust ' +
  'onzekerheid afspraak verwachting gevoel twijfel zorg overleg dossier huisbezoek telefoon ' +
  'werkdruk feedback vertrouwen conflict signaal melding jeugd planning vakantie rooster ' +
  'verandering begeleiding supervisie intervisie vraag advies inzicht patroon reactie'
).split(' ');

/** A deterministic pseudo-random source, so every run fills the same notes. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function notes(count: number): Note[] {
  const random = seeded(15);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const out: Note[] = [];
  for (let i = 0; i < count; i += 1) {
    const sentences = 1 + Math.floor(random() * 6);
    const text = Array.from({ length: sentences }, () => {
      const n = 6 + Math.floor(random() * 12);
      const words = Array.from({ length: n }, pick).join(' ');
      return `${words[0]!.toUpperCase()}${words.slice(1)}.`;
    }).join(' ');
    const meeting = Math.floor(i / 25);
    out.push({
      id: `note-${String(i).padStart(6, '0')}`,
      groupId: `group-${meeting % 6}`,
      groupName: [
        'Team Oost',
        'Jeugdzorg Noord',
        'Intervisie A',
        'Huisartsen',
        'Wijkteam',
        'Leraren',
      ][meeting % 6]!,
      meetingId: `meeting-${meeting}`,
      meetingDate: 1_700_000_000_000 + meeting * 86_400_000,
      phaseId: ['inventory', 'analysis', 'advising', 'evaluating'][i % 4]!,
      phaseName: ['Inventarisatie', 'Analyse', 'Advies', 'Evaluatie'][i % 4]!,
      kind: 'note',
      text,
      takeHome: null,
      createdAt: 1_700_000_000_000 + i * 1000,
      updatedAt: 1_700_000_000_000 + i * 1000,
    });
  }
  return out;
}

declare global {
  interface Window {
    bench: {
      fill(count: number, passphrase: string | null): Promise<{ ms: number; added: number }>;
      search(query: string): Promise<{ ms: number; found: number }>;
      words: readonly string[];
    };
  }
}

let book: Notebook | null = null;

window.bench = {
  words: WORDS,
  async fill(count, passphrase) {
    book?.close();
    book = Notebook.open({ name: `bench-${passphrase === null ? 'plain' : 'sealed'}` });
    if (passphrase !== null) {
      const enabled = await book.enableEncryption(passphrase);
      if (!enabled.ok) throw new Error(`enableEncryption: ${enabled.reason}`);
    }
    // In batches: one import file holds at most 5 MiB (MAX_IMPORT_BYTES).
    const all = notes(count);
    const t0 = performance.now();
    let added = 0;
    for (let i = 0; i < all.length; i += 2500) {
      const result = await book.importJson(notesToJson(all.slice(i, i + 2500), Date.now()));
      if (!result.ok) throw new Error(`import: ${JSON.stringify(result)}`);
      added += result.added;
    }
    return { ms: performance.now() - t0, added };
  },
  async search(query) {
    if (book === null) throw new Error('fill first');
    const t0 = performance.now();
    const found = await book.search(query);
    return { ms: performance.now() - t0, found: found.length };
  },
};
