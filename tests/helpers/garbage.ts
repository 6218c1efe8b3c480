import * as Y from 'yjs';
import { BOARD_ROOTS, MEETING_KEYS, REVEALED_PREFIX } from '../../lib/shared-doc/doc-schema';
import { METHODS } from '../../lib/method/method-list';

/**
 * What a hostile member with the group's secret writes (issue 10, point 4): random keys and
 * values in every root of the meeting's document, wrong types, huge strings, many keys, near
 * misses of real items, timers and summaries, and junk marks on the real items it has received.
 * Never a valid value: a peer with the secret can always write valid content, which no reader
 * can tell from a member's; what readers must survive is garbage.
 */

/** Every root of the meeting's document (lib/shared-doc/doc-schema.ts). */
export const MEETING_ROOTS: readonly string[] = ['session', ...Object.values(BOARD_ROOTS)];

const PHASE_IDS = [...new Set(METHODS.flatMap((m) => m.phases.map((p) => p.id)))];
const MEETING_KEY_NAMES: readonly string[] = Object.values(MEETING_KEYS);
const REVEALED_KEYS = PHASE_IDS.map((id) => REVEALED_PREFIX + id);
const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** What one call wrote, so that a test can check the hostile did work. */
export interface GarbageReport {
  readonly entries: number;
  readonly roots: ReadonlySet<string>;
  /** Writes over a key of the meeting's progress that readers read (phase, chair, timer…). */
  readonly progressKeys: number;
}

/**
 * Writes `entries` garbage entries into the meeting document `doc` in one transaction, picked
 * with `random`. `hugeChance` is how often a value is a string of thousands of characters.
 */
export function writeGarbage(
  doc: Y.Doc,
  random: () => number,
  entries: number,
  { hugeChance = 0.03 }: { hugeChance?: number } = {},
): GarbageReport {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const id = (length = 9): string =>
    Array.from({ length }, () => ID_CHARS[Math.floor(random() * ID_CHARS.length)]).join('');
  const roots = new Set<string>();
  let progressKeys = 0;

  const text = (): string =>
    random() < hugeChance ? 'x'.repeat(2000 + Math.floor(random() * 20_000)) : pick(['', '  ']);
  const junk = (root: string): unknown => {
    const kind = Math.floor(random() * 12);
    // A near miss of an item has valid text, which the core question would accept.
    switch (kind === 5 && root === 'session' ? 4 : kind) {
      case 0:
        return pick([NaN, Infinity, -Infinity]);
      case 1:
        return text();
      case 2:
        return null;
      case 3:
        return [junkPrimitive(), junkPrimitive(), { nested: junkPrimitive() }];
      case 4:
        return { [id(4)]: junkPrimitive(), phaseIndex: junkPrimitive(), text: junkPrimitive() };
      case 5:
        return nearItem();
      case 6:
        return {
          phaseId: pick(['analysis', 'advice', '<b>', '']),
          durationMs: pick([-5, 1e12, NaN]),
          elapsedMs: 0,
          runningSince: pick([0, 'now']),
          clockOf: id(),
        };
      case 7:
        return {
          meetingId: id(),
          startedAt: 1,
          endedAt: 2,
          methodId: pick(['no-such-method', '', null]),
        };
      case 8:
        return Uint8Array.from({ length: 8 }, () => Math.floor(random() * 256));
      case 9:
        return random() < 0.5 ? new Y.Map() : new Y.Text('junk');
      case 10:
        return { memberId: id(3), name: '', at: 'then' };
      default:
        return { answered: 'yes', rating: 'hot', starred: 1, order: 'first', evil: text() };
    }
  };
  const junkPrimitive = (): unknown => pick([NaN, Infinity, null, '', '  ', [], {}]);
  /** A board item with every field right but one (a common field, so no root accepts it). */
  const nearItem = (): Record<string, unknown> => {
    const item: Record<string, unknown> = {
      authorId: id(),
      authorName: 'Hostile',
      text: 'Looks like a question',
      createdAt: 1,
      phaseId: 'analysis',
      kind: 'learning',
    };
    const broken = pick(['authorId', 'authorName', 'text', 'createdAt']);
    item[broken] = broken === 'authorId' ? 'no id!' : broken === 'createdAt' ? 'yesterday' : text();
    return item;
  };
  const keyFor = (root: string): string => {
    if (root === 'session') {
      if (random() < 0.6) {
        progressKeys += 1;
        return random() < 0.7 ? pick(MEETING_KEY_NAMES) : pick(REVEALED_KEYS);
      }
      return random() < 0.5 ? id() : `junk ${id(12)} ${text().slice(0, 40)}`;
    }
    if (root === BOARD_ROOTS.questionMarks || root === BOARD_ROOTS.adviceMarks) {
      // Junk marks on the real items this peer has received.
      const items = doc.getMap<unknown>(
        root === BOARD_ROOTS.questionMarks ? BOARD_ROOTS.questions : BOARD_ROOTS.advice,
      );
      const real = [...items.keys()];
      if (real.length > 0 && random() < 0.6) return pick(real);
    }
    if (root === BOARD_ROOTS.scores && random() < 0.6) {
      return random() < 0.5 ? `vote:${id()}` : `score:${id()}:${id()}`;
    }
    return random() < 0.5 ? id() : `${id(3)} ${id(20)}`;
  };

  doc.transact(() => {
    for (let n = 0; n < entries; n++) {
      const root = pick(MEETING_ROOTS);
      roots.add(root);
      doc.getMap<unknown>(root).set(keyFor(root), junk(root));
    }
  });
  return { entries, roots, progressKeys };
}
