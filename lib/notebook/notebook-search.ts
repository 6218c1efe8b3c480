/** Searching notes as a member remembers them: by any words, in any field, in any spelling. */

import type { Note } from './note-codec';

/** Lower case without diacritics, so that "een" finds "één" and "client" finds "cliënt". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function searchableText(note: Note): string {
  const parts = [note.text, note.groupName, note.phaseName];
  const home = note.takeHome;
  if (home) {
    parts.push(home.coreQuestion ?? '', home.caseTitle ?? '', home.intentions);
    for (const advice of home.advice) parts.push(advice.text, advice.authorName, advice.why ?? '');
  }
  return fold(parts.join('\n'));
}

/**
 * The notes in which every word of the query occurs, ignoring case and diacritics, in their
 * order; every note for a blank query.
 */
export function searchNotes(notes: readonly Note[], query: string): Note[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return notes.filter((note) => {
    const haystack = searchableText(note);
    return words.every((word) => haystack.includes(word));
  });
}
