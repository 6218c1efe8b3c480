import type * as Y from 'yjs';

/**
 * How readers treat one key of a map that peers write (the meeting's progress map).
 *
 * Issue 10: a peer wrote malformed values into `phaseIndex`, readers fell back to a default
 * (phase 0), every panel jumped back to phase 1 and "Next phase" went to the wrong phase. A
 * value that is not valid is now garbage to step over: readers keep the last valid value this
 * document held for the key, and commands, which read through the same readers, act on it.
 */
export interface KeyRule {
  /** Whether a value from the document is one this key may hold. */
  readonly valid: (value: unknown, map: Y.Map<unknown>) => boolean;
  /**
   * What a missing key means. 'clears': a command removes it on purpose (the timer at the end,
   * the intentions when emptied), so it reads as absent. 'keeps': no command removes it while
   * the meeting runs, so a peer deleting it is treated like a peer writing garbage.
   */
  readonly absent: 'clears' | 'keeps';
}

interface Memory {
  /** The rule of every key read so far; only their changes are followed. */
  readonly rules: Map<string, KeyRule>;
  /** The last valid value each key held in this document. */
  readonly values: Map<string, unknown>;
}

/**
 * Per map, not per panel: every reader of one document (the panel's snapshot and the commands)
 * sees the same last valid value. Kept from the map's change events, not from reads, so that a
 * member's own write is remembered even when garbage arrives before the next read (a chair who
 * writes the phase back must never write back an older one).
 */
const memories = new WeakMap<Y.Map<unknown>, Memory>();

function memoryOf(map: Y.Map<unknown>): Memory {
  const known = memories.get(map);
  if (known) return known;
  const memory: Memory = { rules: new Map(), values: new Map() };
  map.observe((event) => {
    // Junk keys have no rule and cost one lookup each.
    for (const key of event.keysChanged) {
      const rule = memory.rules.get(key);
      if (rule) note(map, memory, key, rule);
    }
  });
  memories.set(map, memory);
  return memory;
}

function note(map: Y.Map<unknown>, memory: Memory, key: string, rule: KeyRule): void {
  const value = map.get(key);
  if (value === undefined) {
    if (rule.absent === 'clears') memory.values.delete(key);
    return;
  }
  if (rule.valid(value, map)) memory.values.set(key, value);
}

/**
 * The value a reader should decode for `key`: the document's value when it is valid, else the
 * last valid one this document held (undefined when there was none, or when the key was
 * removed and its rule says removal clears it). Every reader of a key passes the same rule.
 */
export function settled(map: Y.Map<unknown>, key: string, rule: KeyRule): unknown {
  const memory = memoryOf(map);
  if (!memory.rules.has(key)) {
    memory.rules.set(key, rule);
    note(map, memory, key, rule);
  }
  const value = map.get(key);
  if (value === undefined) return rule.absent === 'clears' ? undefined : memory.values.get(key);
  return rule.valid(value, map) ? value : memory.values.get(key);
}

/**
 * The last valid value of a key whose document value is now garbage (or missing, for a key
 * whose rule keeps), for the member who owns the key to write back; undefined when the key is
 * fine, was never read, or nothing valid is remembered.
 */
export function lostValue(map: Y.Map<unknown>, key: string): unknown {
  const memory = memories.get(map);
  const rule = memory?.rules.get(key);
  if (!memory || !rule) return undefined;
  const value = map.get(key);
  if (value === undefined ? rule.absent === 'clears' : rule.valid(value, map)) return undefined;
  return memory.values.get(key);
}
