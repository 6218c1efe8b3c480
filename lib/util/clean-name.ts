/**
 * Cuts a display name (a member's, a group's) to its limit and strips control characters, so
 * that a name from a form or a peer cannot break a line or hide text in the panel.
 */
export function cleanName(value: string, max: number): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x20 && code !== 0x7f) out += ch;
  }
  return out.trim().slice(0, max);
}
