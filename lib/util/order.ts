/**
 * Two orders for strings, kept apart on purpose.
 *
 * `byCodeUnits` for ids and for tie-breaks that every panel must agree on: a locale-aware
 * comparison depends on the browser's language (in Danish "aa" sorts after "z"), so two panels
 * could order the same items, or pick the same "first" name, differently.
 *
 * `byName` for what a person reads (member names, names on a record), in the order of the
 * browser's language. It uses one collator, made when first needed: the first locale-aware
 * comparison in a page loads the collation data, 15 to 30 ms on an idle 2-core machine and
 * 70 ms under load, measured with bench/late-join-profile.ts. `warmNameOrder` pays that in idle
 * time, before a join's member list needs it.
 */

export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

let collator: Intl.Collator | null = null;

export function byName(a: string, b: string): number {
  collator ??= new Intl.Collator();
  return collator.compare(a, b);
}

/** Makes the collator now, so that the first list of names does not wait for it. */
export function warmNameOrder(): void {
  byName('a', 'b');
}
