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
 * Letters that look like a Latin letter in the fonts a panel uses, by what they are read as
 * (lower case: keys are compared lowered, so a capital that looks Latin, Cyrillic "Н" or Greek
 * "Ρ", is listed by its lower case, "н", "ρ"). Cyrillic and Greek, the scripts a name typed to
 * pass for another's would borrow from, and the Latin and digit pairs that print alike in a
 * sans-serif font (I and l, 0 and O). Not Unicode's whole confusables table: the point is that
 * a member cannot take another's name with a letter nobody can tell apart, and a pair this
 * misses only goes without the device key. Diacritics stay: "Zoë" is not "Zoe".
 */
const LOOKALIKES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    a: 'аα\u0251',
    b: 'вβь',
    c: 'сϲ',
    d: 'ԁ',
    e: 'еε',
    h: 'нһη',
    i: 'іιı1l\u04cf|',
    j: 'ј',
    k: 'кκ',
    m: 'мμ',
    n: 'пν',
    o: 'оο0',
    p: 'рρ',
    q: 'ԛ',
    s: 'ѕ',
    t: 'тτ',
    u: 'υ',
    w: 'ԝω',
    x: 'хχ',
    y: 'уүγ',
    z: 'ζ',
    ë: 'ё',
    ï: 'ї',
  }).flatMap(([latin, alike]) => [...alike].map((ch) => [ch, latin] as const)),
);
const LOOKALIKE_CHARS = new RegExp(`[${[...LOOKALIKES.keys()].join('')}]`, 'gu');

/**
 * What two names are compared by when the panel decides whether two members could be taken for
 * each other (and then shows each one's device key): case, spacing, invisible characters,
 * compatibility forms (a full-width "Ａｎｎａ") and lookalike letters (a Cyrillic "а", a Greek
 * "Ν", "rn" for "m") do not count. Too alike errs on the safe side: the keys show.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\p{White_Space}]/gu, '')
    .toLocaleLowerCase('und')
    .normalize('NFC')
    .replace(LOOKALIKE_CHARS, (ch) => LOOKALIKES.get(ch) ?? ch)
    .replaceAll('rn', 'm')
    .replaceAll('vv', 'w');
}
