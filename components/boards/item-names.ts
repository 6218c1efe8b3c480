import { useMemo } from 'react';
import { useI18n } from '../common/I18n';
import type { Authored } from '../../lib/shared-doc/board-state';
import { nameKey } from '../../lib/util/clean-name';

// An item that did not change is the same object in the next snapshot (GroupSession shares
// unchanged parts): its text's key is worked out once, not on every new item (the new-question
// path, issue 15).
const textKeys = new WeakMap<Authored, string>();

function textKey(item: Authored): string {
  let key = textKeys.get(item);
  if (key === undefined) {
    key = nameKey(item.text);
    textKeys.set(item, key);
  }
  return key;
}

/**
 * How each item of one board is named in its controls' names ("Star: …", "Remove: …", "Confirm
 * as case: …"): by its text, so that a screen reader and a search by name find the item's own
 * button. Two members may write the same text ("Werkdruk" pitched twice, one question asked in
 * both rounds); those items are named with their author as well, and numbered where one author
 * (or two members of one name) wrote it more than once, so that no two controls of one board
 * share a name. Texts are compared as names are (nameKey): case and spacing do not count.
 *
 * `withAuthor` words a repeated text with its author ("Werkdruk (Bram)", "Werkdruk (Bram, 2)").
 */
export function itemNames(
  items: readonly Authored[],
  withAuthor: (text: string, who: string) => string,
): ReadonlyMap<string, string> {
  const byText = new Map<string, Authored[]>();
  for (const item of items) {
    const key = textKey(item);
    const same = byText.get(key);
    if (same) same.push(item);
    else byText.set(key, [item]);
  }
  const names = new Map<string, string>();
  for (const same of byText.values()) {
    if (same.length === 1) {
      names.set(same[0]!.id, same[0]!.text);
      continue;
    }
    const authors = same.map((item) => nameKey(item.authorName));
    const perAuthor = new Map<string, number>();
    for (const key of authors) perAuthor.set(key, (perAuthor.get(key) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const [index, item] of same.entries()) {
      const key = authors[index]!;
      const nth = (seen.get(key) ?? 0) + 1;
      seen.set(key, nth);
      const who = perAuthor.get(key)! > 1 ? `${item.authorName}, ${nth}` : item.authorName;
      names.set(item.id, withAuthor(item.text, who));
    }
  }
  return names;
}

/** itemNames for a board's items in the panel's language: item -> the name its controls use. */
export function useItemNames(items: readonly Authored[]): (item: Authored) => string {
  const { t } = useI18n();
  const names = useMemo(
    () => itemNames(items, (text, who) => t('itemWithAuthor', { text, who })),
    [items, t],
  );
  return (item) => names.get(item.id) ?? item.text;
}
