import type * as Y from 'yjs';
import { isEnforced, openValue, reject, retryWhenCard } from './signed';

/**
 * How readers treat one key of a map that peers write (the meeting's progress map).
 *
 * Issue 10: a peer wrote malformed values into `phaseIndex`, readers fell back to a default
 * (phase 0), every panel jumped back to phase 1 and "Next phase" went to the wrong phase. A
 * value that is not valid is now garbage to step over: readers keep the last valid value this
 * document held for the key, and commands, which read through the same readers, act on it.
 */
/**
 * What a rule's `who`, or a board index's decoder (map-index.ts), answers when it cannot tell
 * yet: what the value depends on has not arrived (updates of different members come over
 * different connections, in any order). It is looked at again later, never refused for good
 * for having come first.
 */
export const LATER = Symbol('later');

export interface KeyRule {
  /** Whether a value from the document is one this key may hold. */
  readonly valid: (value: unknown, map: Y.Map<unknown>) => boolean;
  /**
   * What a missing key means. 'clears': a command removes it on purpose (the timer at the end,
   * the intentions when emptied), so it reads as absent. 'keeps': no command removes it while
   * the meeting runs, so a peer deleting it is treated like a peer writing garbage.
   */
  readonly absent: 'clears' | 'keeps';
  /**
   * Who may write the key, in a document that enforces signatures (signed.ts): the writer's
   * member id, the value (null: a signed clear) and the write's number (its writer's counter,
   * which orders that writer's own writes: signed.ts `put`). Absent: anyone with a card. LATER:
   * judged again at the next read.
   */
  readonly who?: (
    writer: string,
    value: unknown,
    map: Y.Map<unknown>,
    n: number,
  ) => boolean | typeof LATER;
}

interface Memory {
  /** The rule of every key read so far; only their changes are followed. */
  readonly rules: Map<string, KeyRule>;
  /** The last valid value each key held in this document. */
  readonly values: Map<string, unknown>;
  /** Enforced documents: the stored value last judged, per key (judged once). */
  readonly judged: Map<string, unknown>;
  /** Enforced documents: the stored value last accepted, and its writer and number. */
  readonly accepted: Map<string, { raw: unknown; writer: string; n: number }>;
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
  const memory: Memory = {
    rules: new Map(),
    values: new Map(),
    judged: new Map(),
    accepted: new Map(),
  };
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
  if (isEnforced(map.doc)) {
    judge(map, memory, key, rule);
    return;
  }
  const value = map.get(key);
  if (value === undefined) {
    if (rule.absent === 'clears') memory.values.delete(key);
    return;
  }
  if (rule.valid(value, map)) memory.values.set(key, value);
}

/**
 * In a document that enforces signatures: a stored value counts only when it is an envelope
 * signed by a verified card, newer than the last one its writer wrote to the key, valid, and
 * from a member the key's rule lets write it. A bare removal is garbage (it cannot say who made
 * it); a signed null clears a key whose rule allows that. Judged once per stored value.
 */
function judge(map: Y.Map<unknown>, memory: Memory, key: string, rule: KeyRule): void {
  const raw = map.get(key);
  if (memory.judged.has(key) && memory.judged.get(key) === raw) return;
  memory.judged.set(key, raw);
  if (raw === undefined) return;
  const opened = openValue(map, key, raw);
  if (!opened.ok) {
    if (opened.waitFor !== undefined) {
      retryWhenCard(map, opened.waitFor, () => {
        if (map.get(key) !== raw) return;
        memory.judged.delete(key);
        judge(map, memory, key, rule);
      });
    } else {
      reject(map, key, opened.writer, opened.writer === null ? 'unsigned' : 'forged');
    }
    return;
  }
  const writer = opened.writer ?? '';
  const last = memory.accepted.get(key);
  if (last && last.raw !== raw && last.writer === writer && opened.n <= last.n) {
    reject(map, key, writer, 'replayed');
    return;
  }
  const value = opened.value;
  const cleared = value === null;
  if (cleared ? rule.absent !== 'clears' : !rule.valid(value, map)) return;
  const allowed = rule.who ? rule.who(writer, value, map, opened.n) : true;
  if (allowed === LATER) {
    memory.judged.delete(key);
    return;
  }
  if (!allowed) {
    reject(map, key, writer, 'not-allowed');
    return;
  }
  memory.accepted.set(key, { raw, writer, n: opened.n });
  if (cleared) memory.values.delete(key);
  else memory.values.set(key, value);
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
  if (isEnforced(map.doc)) {
    judge(map, memory, key, rule);
    return memory.values.get(key);
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
  if (isEnforced(map.doc)) {
    judge(map, memory, key, rule);
    const raw = map.get(key);
    if (raw !== undefined && memory.accepted.get(key)?.raw === raw) return undefined;
    return memory.values.get(key);
  }
  const value = map.get(key);
  if (value === undefined ? rule.absent === 'clears' : rule.valid(value, map)) return undefined;
  return memory.values.get(key);
}

/** Who wrote the value a key holds now, in an enforced document (null otherwise). */
export function acceptedWriter(map: Y.Map<unknown>, key: string): string | null {
  return memories.get(map)?.accepted.get(key)?.writer ?? null;
}

/**
 * The write a key holds now as this panel accepted it, in an enforced document: its writer,
 * its number and its value; null when the key holds something else (garbage, a write that waits,
 * nothing) or was never read.
 */
export function acceptedWrite(
  map: Y.Map<unknown>,
  key: string,
): { writer: string; n: number; value: unknown } | null {
  const memory = memories.get(map);
  const accepted = memory?.accepted.get(key);
  if (!memory || !accepted || map.get(key) !== accepted.raw) return null;
  return { writer: accepted.writer, n: accepted.n, value: memory.values.get(key) ?? null };
}

/**
 * Judges a key's stored value again at the next read: for a rule that depends on what this
 * panel sees (a take-over of the chair, accepted once the chair has been missing long enough).
 */
export function judgeAgain(map: Y.Map<unknown>, key: string): boolean {
  const memory = memories.get(map);
  if (!memory || !memory.judged.has(key)) return false;
  const raw = map.get(key);
  if (memory.accepted.get(key)?.raw === raw) return false;
  // Once per stored value: a value refused again stays refused until it changes.
  if (typeof raw !== 'object' || raw === null || judgedAgain.has(raw)) return false;
  judgedAgain.add(raw);
  memory.judged.delete(key);
  return true;
}

const judgedAgain = new WeakSet<object>();
