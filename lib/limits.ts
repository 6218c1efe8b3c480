/** Length limits for text that members write; enforced when writing and again when reading. */
export const LIMITS = {
  memberName: 40,
  groupName: 60,
} as const;

/** Cuts a display name to its limit and strips control characters. */
export function cleanName(value: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  return value
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, max);
}
