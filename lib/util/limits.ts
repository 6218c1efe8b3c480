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
  /** A line a case bringer shares about how it went since last time. */
  lookBack: 1000,
  /** Items of one kind a meeting holds; more are ignored when read (and refused when written). */
  itemsPerBoard: 300,
} as const;

/** Cuts a display name to its limit and strips control characters. */
export function cleanName(value: string, max: number): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x20 && code !== 0x7f) out += ch;
  }
  return out.trim().slice(0, max);
}
