/** Length limits for text that members write; enforced when writing and again when reading. */
export const LIMITS = {
  memberName: 40,
  groupName: 60,
  pitch: 300,
  question: 400,
  proposal: 300,
  advice: 1000,
  /** The case bringer's few words on why a chosen piece of advice fits (issue 14, point 4). */
  adviceWhy: 300,
  evaluation: 500,
  intentions: 1000,
  /** One note in the private notebook (lib/notebook.ts). */
  noteText: 20_000,
  /** A line of the shared look back: how it went since last time. */
  sharedLookBack: 1000,
  /** Items of one kind a meeting holds; more are ignored when read (and refused when written). */
  itemsPerBoard: 300,
  /**
   * Entries of one board root that a read looks at, junk that decoded as an item included: well
   * above any real meeting (300 items, a score per member and pitch), so that a flood from a peer
   * cannot make a read slow (lib/shared-doc/map-index.ts skips undecodable keys when they arrive).
   */
  entriesPerRoot: 2_000,
  /**
   * The meeting's shared document, encoded (what a joining member receives at once). Board
   * commands that add an item refuse to grow it past this. Measured: the benchmark's heavy
   * meeting (300 items of each kind at their length limits) is 758 KiB, and the caps above keep
   * any valid meeting under about 3.3 MB, so the limit only stops runaway documents; peers
   * refuse to put together messages over twice this (lib/connection/message-chunks.ts).
   */
  meetingDocumentBytes: 4 * 1024 * 1024,
  /**
   * Proofs of verified signatures a kept copy of a meeting holds (lib/shared-doc/signed.ts,
   * `provenSignatures`): a heavy meeting has some hundreds of signed writes.
   */
  proofsPerMeeting: 20_000,
} as const;

/**
 * Bytes of one proof of a verified signature (lib/shared-doc/signed.ts, `provenSignatures`):
 * SHA-256 cut to 128 bits, as hard to match as to forge. Here so that the meeting cache can
 * bound what it keeps without importing the curves.
 */
export const PROOF_BYTES = 16;

/**
 * How long a panel's copy of a running meeting (lib/device/meeting-cache.ts) is of use: for a
 * reload, a crash or a restart the same day. A copy not saved for this long restores nothing (a
 * meeting nobody ended must not come back the next time the group meets), and the device takes
 * the meetings out of it (`expireKeptMeetings`), so that the case's words do not stay on a device
 * whose panel was closed before the meeting ended.
 */
export const KEPT_MEETING_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/**
 * How long the panel's first render waits for what it reads from this device's storage first
 * (the settings, the welcome, the group it showed before): milliseconds as a rule. Should the
 * storage not answer at all, the panel shows after this with what it knows (the browser's
 * language, the home screen) rather than staying blank; what answers later still comes in.
 */
export const FIRST_READS_MS = 3_000;

/**
 * The top of the solution-focused scaling question's scale (Phase.scale): the case bringer names
 * a whole number from 0 (nothing of the desired situation there yet) to SCALE_TOP (all of it).
 * Checked by the shared document's readers and by the notebook's decoder (guards.ts isScalePoint).
 */
export const SCALE_TOP = 10;
