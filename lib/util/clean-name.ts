import { LIMITS } from './limits';

/**
 * Characters a name never needs and that can mislead: controls (C0 and C1), and invisible format
 * characters (zero-width spaces, word joiners, byte-order marks, soft hyphens, and the bidi
 * controls that reorder the text after them). The zero-width joiner and non-joiner stay: some
 * scripts and emoji need them.
 */
const MISLEADING = /[\p{Cc}\p{Cf}]/gu;
const JOINERS = new Set(['\u200c', '\u200d']);

/**
 * Cuts a display name (a member's, a group's) to its limit and strips controls and invisible
 * format characters, so that a name from a form or a peer can neither break a line, hide text
 * or reorder the text around it, nor look like another member's name while differing from it
 * by something nobody sees. Composed characters are put in one form (NFC): "é" typed two ways
 * is one name.
 */
export function cleanName(value: string, max: number): string {
  return value
    .normalize('NFC')
    .replace(MISLEADING, (ch) => (JOINERS.has(ch) ? ch : ''))
    .trim()
    .slice(0, max);
}

/**
 * A member's name from a peer as the panel shows it (the member list, who asks to join):
 * cleaned, so nothing invisible or reordering; '?' for a name that was nothing else.
 */
export function shownName(name: string): string {
  return cleanName(name, LIMITS.memberName) || '?';
}

/**
 * What two names are compared by when the panel decides whether two members could be taken for
 * each other (and then shows each one's device key): case, spacing, invisible characters and
 * compatibility forms (a full-width "Ａｎｎａ") do not count. Lookalike letters of other scripts
 * (a Cyrillic "а") still do: the key is shown only for names that differ in nothing else.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\p{White_Space}]/gu, '')
    .toLocaleLowerCase('und');
}
