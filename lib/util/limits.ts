/** Length limits for text that members write; enforced when writing and again when reading. */
export const LIMITS = {
  memberName: 40,
  groupName: 60,
  pitch: 300,
  question: 400,
  proposal: 300,
  advice: 1000,
  evaluation: 500,
  intentions: 1000,
  /** One note in the private notebook (lib/notebook.ts). */
  noteText: 20_000,
  /** A line of the shared look back: how it went since last time. */
  sharedLookBack: 1000,
  /** Items of one kind a meeting holds; more are ignored when read (and refused when written). */
  itemsPerBoard: 300,
} as const;
