import type { GroupSession } from '../../lib/connection/group-session';
import {
  addAdvice,
  addEvaluation,
  addPitch,
  addProposal,
  addQuestion,
  shareLookBack,
} from '../../lib/shared-doc/board-commands';
import type { CommandContext } from '../../lib/shared-doc/board-commands';
import type { CommandResult } from '../../lib/shared-doc/meeting-commands';

/** The kinds of item a member writes, each through its real board command. */
const WRITERS = {
  pitch: (ctx: CommandContext, text: string) => addPitch(ctx, text, 'case'),
  'look-back': shareLookBack,
  question: addQuestion,
  proposal: addProposal,
  advice: addAdvice,
  evaluation: (ctx: CommandContext, text: string) => addEvaluation(ctx, 'learning', text),
} as const;

export type ItemKind = keyof typeof WRITERS;

const SENTENCES = [
  'Wat heb je zelf al geprobeerd, en wat gebeurde er toen?',
  'Bespreek met je leidinggevende wat je nodig hebt om dit gesprek goed te voeren.',
  'Ik herken de twijfel: wanneer merkte je voor het eerst dat het schuurde?',
  'Vraag de ouder wat zij verwacht van het volgende gesprek, en spreek samen een tijd af.',
];

/** Text as members write it, `length` characters long, different for every `n`. */
export function realisticText(n: number, length: number): string {
  let text = `${n + 1}. `;
  for (let i = n; text.length < length; i++) text += SENTENCES[i % SENTENCES.length] + ' ';
  return text.slice(0, length).trim();
}

/**
 * Writes `count` items of `kind` with texts of `length` characters, as the member of `session`,
 * each through the real command (and so through the real limits); stops at the first refusal.
 */
export function writeMany(
  session: GroupSession,
  kind: ItemKind,
  count: number,
  length: number,
): CommandResult {
  const write = WRITERS[kind];
  for (let n = 0; n < count; n++) {
    const result = session.run((ctx) => write(ctx, realisticText(n, length)));
    if (!result.ok) return result;
  }
  return { ok: true };
}
