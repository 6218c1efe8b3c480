/** Searching notes as a member remembers them: by any words, in any field, in any spelling. */

import type { Note } from './note-codec';

/** Lower case without diacritics, so that "een" finds "één" and "client" finds "cliënt". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Every field a search looks in, folded: what the in-memory index keeps per note. */
export function searchableText(note: Note): string {
  const parts = [note.text, note.groupName, note.phaseName];
  const home = note.takeHome;
  if (home) {
    parts.push(home.coreQuestion ?? '', home.caseTitle ?? '', home.intentions);
    for (const advice of home.advice) parts.push(advice.text, advice.authorName, advice.why ?? '');
    for (const item of [...(home.questions ?? []), ...(home.associations ?? [])]) {
      parts.push(item.text, item.authorName);
    }
  }
  return fold(parts.join('\n'));
}

/** The folded words of a query; none for a blank one. */
export function queryWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** Whether every word occurs in a note's searchable text. */
export function holdsEvery(haystack: string, words: readonly string[]): boolean {
  return words.every((word) => haystack.includes(word));
}

/**
 * The notes in which every word of the query occurs, ignoring case and diacritics, in their
 * order; every note for a blank query.
 */
export function searchNotes(notes: readonly Note[], query: string): Note[] {
  const words = queryWords(query);
  return notes.filter((note) => holdsEvery(searchableText(note), words));
}
