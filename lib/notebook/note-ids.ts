/**
 * Note ids made from where a note belongs, so that writing again in the same place replaces the
 * note instead of adding one (autosave on every keystroke, saving a take-home twice).
 */

/** A note id from its parts, within the notebook's id rule (A-Z, a-z, 0-9, _ and -, ≤ 64). */
export function noteIdOf(...parts: readonly string[]): string {
  return parts
    .join('-')
    .replace(/[^A-Za-z0-9_-]/g, '')
    .slice(0, 64);
}

/** The id of this member's note for one phase of one meeting (one note per phase). */
export function phaseNoteId(meetingId: string, phaseId: string): string {
  return noteIdOf('n', meetingId, phaseId);
}

/** The id of the case bringer's take-home note of a meeting: saving again replaces it. */
export function takeHomeNoteId(meetingId: string): string {
  return noteIdOf('t', meetingId);
}
