/**
 * Spread on every field that holds what is said in a meeting, a private note, an invite or a
 * group's name: `<textarea {...PRIVATE_TEXT} …>`.
 *
 * Chromium keeps the text of a page's form fields for restoring its tabs, in plain text in the
 * profile's `Sessions` files, whatever the page stores itself: a private note typed in the panel
 * was found there after the browser closed (tests/e2e/passphrase-returning-member.test.ts), a
 * passphrase or not. It leaves out fields marked `autocomplete="off"` (and password fields),
 * which also keeps the browser from offering what was typed in one meeting in another.
 */
export const PRIVATE_TEXT = { autoComplete: 'off' } as const;
