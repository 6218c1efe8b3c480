/**
 * The member's own copies of the notebook: JSON that notebook-import.ts reads back, and Markdown
 * to read. IndexedDB goes with an uninstall, so an export is the only backup; it is plain text.
 */

import { isoCalendarDate } from '../i18n/format-date';
import type { Locale, Localized } from '../i18n/i18n';
import type { Note, TakeHome, TakenAdvice } from './note-codec';
import { byGroupAndMeeting } from './note-order';
import { questionGroups } from './take-home';

/** The `format` and `version` of a JSON export. */
export const EXPORT_FORMAT = 'kring-notebook';
export const EXPORT_VERSION = 1;

/** Every note as a JSON file (notes in list order), indented so that a person can read it too. */
export function notesToJson(notes: readonly Note[], exportedAt: number): string {
  const file = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, notes };
  return JSON.stringify(file, null, 2);
}

const MARKDOWN_LABELS = {
  title: { nl: 'Kring: notitieboek', en: 'Kring: notebook' },
  exported: { nl: 'Geëxporteerd op', en: 'Exported on' },
  unnamedGroup: { nl: 'Groep zonder naam', en: 'Unnamed group' },
  notes: { nl: 'Notities', en: 'Notes' },
  takeHome: { nl: 'Mee naar huis', en: 'Take-home' },
  caseTitle: { nl: 'Casus', en: 'Case' },
  coreQuestion: { nl: 'Kernvraag', en: 'Core question' },
  starredAdvice: { nl: 'Adviezen met een ster', en: 'Starred advice' },
  otherAdvice: { nl: 'Andere adviezen', en: 'Other advice' },
  compliments: { nl: 'Complimenten', en: 'Compliments' },
  intentions: { nl: 'Voornemens', en: 'Intentions' },
  scale: { nl: 'Waar ik stond (0 tot 10)', en: 'Where I was (0 to 10)' },
  tried: { nl: 'al geprobeerd', en: 'already tried' },
  why: { nl: 'Waarom dit past', en: 'Why it fits' },
  associations: { nl: 'Eerste associaties', en: 'First associations' },
  warmQuestions: { nl: 'Warme vragen', en: 'Warm questions' },
  neutralQuestions: { nl: 'Neutrale vragen', en: 'Neutral questions' },
  coldQuestions: { nl: 'Koude vragen', en: 'Cold questions' },
} satisfies Record<string, Localized>;

/** Headings are one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A list item whose further lines are indented so that Markdown keeps them in the item. */
function listItem(marker: string, text: string): string {
  const indent = ' '.repeat(marker.length + 1);
  return `${marker} ${text.trim().split('\n').join(`\n${indent}`)}`;
}

type Label = (key: keyof typeof MARKDOWN_LABELS) => string;

/** The advice, its author, "already tried", and on a line of its own why it fits. */
function adviceLine(advice: TakenAdvice, label: Label): string {
  let line = advice.authorName
    ? `${advice.text.trim()} (${oneLine(advice.authorName)})`
    : advice.text;
  if (advice.tried) line += ` _${label('tried')}_`;
  if (advice.why) line += `\n${label('why')}: ${oneLine(advice.why)}`;
  return line;
}

/** A question or an association, and who wrote it. */
function authored(item: { readonly text: string; readonly authorName: string }): string {
  const by = item.authorName ? ` (${oneLine(item.authorName)})` : '';
  return `${item.text.trim()}${by}`;
}

function takeHomeMarkdown(home: TakeHome, label: Label) {
  const out: string[] = [];
  if (home.caseTitle) out.push(`**${label('caseTitle')}:** ${oneLine(home.caseTitle)}`, '');
  if (home.coreQuestion)
    out.push(`**${label('coreQuestion')}:** ${oneLine(home.coreQuestion)}`, '');
  if (home.scale !== undefined) out.push(`**${label('scale')}:** ${home.scale}`, '');
  for (const { rating, questions } of questionGroups(home)) {
    out.push(`**${label(`${rating}Questions`)}**`, '');
    for (const q of questions) out.push(listItem('-', authored(q)));
    out.push('');
  }
  if (home.associations) {
    out.push(`**${label('associations')}**`, '');
    for (const a of home.associations) out.push(listItem('-', authored(a)));
    out.push('');
  }
  const starred = home.advice
    .filter((a) => a.starred)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const other = home.advice.filter((a) => !a.starred);
  if (starred.length > 0) {
    out.push(`**${label('starredAdvice')}**`, '');
    starred.forEach((a, i) => out.push(listItem(`${i + 1}.`, adviceLine(a, label))));
    out.push('');
  }
  if (other.length > 0) {
    out.push(`**${label(home.items === 'compliments' ? 'compliments' : 'otherAdvice')}**`, '');
    for (const a of other) out.push(listItem('-', adviceLine(a, label)));
    out.push('');
  }
  if (home.intentions.trim())
    out.push(`**${label('intentions')}**`, '', home.intentions.trim(), '');
  return out;
}

/** Formats notes (already in list order) grouped by group, then meeting, newest first. */
export function notesToMarkdown(
  notes: readonly Note[],
  exportedAt: number,
  locale: Locale,
): string {
  const label = (key: keyof typeof MARKDOWN_LABELS) => MARKDOWN_LABELS[key][locale];
  const out = [
    `# ${label('title')}`,
    '',
    `${label('exported')} ${isoCalendarDate(exportedAt)}`,
    '',
  ];
  for (const group of byGroupAndMeeting(notes)) {
    out.push(`## ${oneLine(group.groupName) || label('unnamedGroup')}`, '');
    for (const meeting of group.meetings) {
      out.push(`### ${isoCalendarDate(meeting.meetingDate)}`, '');
      for (const note of meeting.notes) {
        const phase = oneLine(note.phaseName) || note.phaseId;
        const heading = note.kind === 'take-home' ? label('takeHome') : phase || label('notes');
        out.push(`#### ${heading}`, '');
        if (note.takeHome) out.push(...takeHomeMarkdown(note.takeHome, label));
        if (note.text.trim()) out.push(note.text.trim(), '');
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
