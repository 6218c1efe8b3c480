import { isRecord, parseJson, safeId, safePhaseId, untrimmedString } from '../util/guards';
import type { KeyValueStore } from './key-value-store';
import { decodeBlob, openBlob, seal } from './sealed-blob';
import type { SealedBlob } from './sealed-blob';
import { defineStoredItem } from './stored-item';
import type { StoredItem } from './stored-item';

/**
 * What a member was writing on a board and had not posted yet (a work question, a question, a
 * proposal, advice, an evaluation line), kept on this device per group, meeting and phase. The
 * chair moving on used to unmount the form and lose the text; a draft is kept until it is posted
 * or the meeting ends, and only the drafts of one meeting per group are kept at all. What a
 * member writes for the board is the group's confidential content: like the meeting cache, it
 * is stored sealed under the key derived from the group's secret (sealDrafts).
 */

/** The board fields a draft can belong to, as the forms name them. */
export const DRAFT_FIELDS = [
  'pitch',
  'question',
  'proposal',
  'own-wording',
  'advice',
  'intentions',
  'evaluation',
  // The case bringer's few words on why a starred piece of advice fits: one per piece (`item`).
  'why',
  // Not typed text but a mark for the whole meeting (MEETING_MARK_PHASE): the case bringer
  // removed the take-home from their notes, so it is not written back by itself, also after a
  // reload. Kept, sealed and cleared like the drafts.
  'take-home-removed',
] as const;

/** Where a mark for the whole meeting is kept among the drafts (no phase has this id). */
export const MEETING_MARK_PHASE = 'whole-meeting';

export type DraftField = (typeof DRAFT_FIELDS)[number];

/** One unposted text: where it was written and what it says. */
export interface DraftEntry {
  readonly phaseId: string;
  readonly field: DraftField;
  readonly text: string;
  /** The board item the draft is about ('why': the piece of advice); absent for a form's text. */
  readonly item?: string;
}

/** The drafts of one meeting of a group. */
export interface MeetingDrafts {
  readonly meetingId: string;
  readonly entries: readonly DraftEntry[];
}

/** Longer than any board field (advice and intentions: 1000), so no typed text is cut. */
export const MAX_DRAFT_LENGTH = 2_000;

/** A meeting has at most a few dozen phases and fields; more in storage is junk. */
export const MAX_DRAFTS = 100;

/** The store key of a group's drafts on this device. */
export function draftsKey(groupId: string): string {
  return `drafts:${groupId}`;
}

function isField(value: unknown): value is DraftField {
  return DRAFT_FIELDS.some((field) => field === value);
}

/** Decodes stored drafts; null when there are none (or nothing readable). */
export function decodeDrafts(value: unknown): MeetingDrafts | null {
  if (!isRecord(value)) return null;
  const meetingId = safeId(value.meetingId);
  if (meetingId === null || !Array.isArray(value.entries)) return null;
  const entries: DraftEntry[] = [];
  for (const raw of value.entries.slice(0, MAX_DRAFTS)) {
    if (!isRecord(raw)) continue;
    const phaseId = safePhaseId(raw.phaseId);
    const field = isField(raw.field) ? raw.field : null;
    const text = untrimmedString(raw.text, MAX_DRAFT_LENGTH);
    const item = raw.item === undefined ? undefined : safeId(raw.item);
    if (phaseId === null || field === null || !text || item === null) continue;
    if (entries.some((e) => sameSpot(e, phaseId, field, item))) continue;
    entries.push(item === undefined ? { phaseId, field, text } : { phaseId, field, text, item });
  }
  return entries.length > 0 ? { meetingId, entries } : null;
}

/** The most a sealed set of drafts can take as base64: every draft at its limit, in UTF-8. */
const MAX_SEALED = Math.ceil((MAX_DRAFTS * (MAX_DRAFT_LENGTH * 3 + 100) + 16) / 3) * 4;

/**
 * A group's drafts as stored: one sealed blob (null once cleared). Version 1 is the first shape;
 * a change adds a migration.
 */
export function draftsItem(groupId: string): StoredItem<SealedBlob | null> {
  return defineStoredItem({
    key: draftsKey(groupId),
    version: 1,
    decode: (value) => decodeBlob(value, MAX_SEALED),
    migrations: {},
  });
}

/** Binds a sealed set of drafts to its group: it cannot be read as another group's. */
function label(groupId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`kring/drafts/v1/${groupId}`);
}

/**
 * Seals a group's drafts for storage with the key of its meeting cache
 * (lib/invite/room-name.ts, deriveMeetingCacheKey); null stays null.
 */
export async function sealDrafts(
  key: CryptoKey,
  groupId: string,
  drafts: MeetingDrafts | null,
): Promise<SealedBlob | null> {
  if (drafts === null) return null;
  return seal(key, new TextEncoder().encode(JSON.stringify(drafts)), label(groupId));
}

/** The drafts in a sealed blob; null when there is none or it was not sealed for this group. */
export async function openDrafts(
  key: CryptoKey,
  groupId: string,
  blob: SealedBlob | null,
): Promise<MeetingDrafts | null> {
  if (blob === null) return null;
  const plain = await openBlob(key, blob, label(groupId));
  return plain ? decodeDrafts(parseJson(new TextDecoder().decode(plain))) : null;
}

/** Whether a draft is the one of this phase, field and item. */
function sameSpot(
  entry: DraftEntry,
  phaseId: string,
  field: DraftField,
  item: string | undefined,
): boolean {
  return entry.phaseId === phaseId && entry.field === field && entry.item === item;
}

/**
 * The draft written in this phase of this meeting for this field (and item); '' when there is
 * none.
 */
export function draftFor(
  drafts: MeetingDrafts | null,
  meetingId: string,
  phaseId: string,
  field: DraftField,
  item?: string,
): string {
  if (drafts?.meetingId !== meetingId) return '';
  return drafts.entries.find((e) => sameSpot(e, phaseId, field, item))?.text ?? '';
}

/** This meeting's drafts of one field that are about an item, by item ('why': by advice id). */
export function itemDrafts(
  drafts: MeetingDrafts | null,
  meetingId: string,
  field: DraftField,
): ReadonlyMap<string, string> {
  if (drafts?.meetingId !== meetingId) return new Map();
  return new Map(
    drafts.entries.flatMap((e) => (e.field === field && e.item ? [[e.item, e.text] as const] : [])),
  );
}

/**
 * The drafts with this one set; an empty text removes it (posted, or wiped by the member). A
 * draft of another meeting than the stored ones replaces them all: that meeting is over, and
 * what was not posted in it must not come back in the next one.
 */
export function withDraft(
  drafts: MeetingDrafts | null,
  meetingId: string,
  phaseId: string,
  field: DraftField,
  text: string,
  item?: string,
): MeetingDrafts | null {
  const kept = drafts?.meetingId === meetingId ? drafts.entries : [];
  const others = kept.filter((e) => !sameSpot(e, phaseId, field, item));
  const entry = { phaseId, field, text: text.slice(0, MAX_DRAFT_LENGTH) };
  const entries =
    text === '' ? others : [...others, item === undefined ? entry : { ...entry, item }];
  return entries.length > 0 ? { meetingId, entries: entries.slice(-MAX_DRAFTS) } : null;
}

/**
 * What a form that stays on screen shows when the chair moves from one phase to another (two
 * question rounds in a row, say): the member keeps what they are typing, which now belongs to the
 * new phase, unless the new phase has another draft of its own, which then comes back (and the
 * text typed stays kept with the phase it was written in). Applying it twice changes nothing more
 * than applying it once, so a panel that runs it again (a re-render, StrictMode) duplicates nothing.
 */
export function afterPhaseChange(
  drafts: MeetingDrafts | null,
  meetingId: string,
  from: string,
  to: string,
  field: DraftField,
  typed: string,
): { readonly drafts: MeetingDrafts | null; readonly text: string } {
  const own = draftFor(drafts, meetingId, to, field);
  if (typed === '' || from === to) return { drafts, text: own || typed };
  if (own !== '' && own !== typed) {
    return { drafts: withDraft(drafts, meetingId, from, field, typed), text: own };
  }
  const moved = withDraft(drafts, meetingId, from, field, '');
  return { drafts: withDraft(moved, meetingId, to, field, typed), text: typed };
}

/** Wipes a group's drafts from this device (the meeting ended, or the group is forgotten). */
export async function clearDrafts(store: KeyValueStore, groupId: string): Promise<void> {
  await draftsItem(groupId)
    .write(store, null)
    .catch(() => false);
}
