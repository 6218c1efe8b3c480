import type { Message } from './i18n';

/**
 * Texts for keyboard and screen reader users: what the panel announces without being asked
 * (components/common/Announcer, meeting/useNewItemAnnouncements, the phase a peer moved to) and
 * the chair's keyboard shortcuts, in Dutch and English; part of MESSAGES (messages.ts).
 */
export const A11Y_MESSAGES = {
  nowInPhase: {
    nl: 'Nu fase {index} van {total}: {phase}',
    en: 'Now phase {index} of {total}: {phase}',
  },
  phaseShortcuts: {
    nl: 'Sneltoetsen: Alt+Shift+→ volgende fase, Alt+Shift+← vorige fase.',
    en: 'Shortcuts: Alt+Shift+→ next phase, Alt+Shift+← previous phase.',
  },
  newQuestionFrom: { nl: 'Nieuwe vraag van {name}', en: 'New question from {name}' },
  newAdviceFrom: { nl: 'Nieuw advies van {name}', en: 'New advice from {name}' },
  newProposalFrom: {
    nl: 'Nieuw voorstel voor de kernvraag van {name}',
    en: 'New proposal for the core question from {name}',
  },
  newQuestions: {
    nl: { one: '1 nieuwe vraag', other: '{count} nieuwe vragen' },
    en: { one: '1 new question', other: '{count} new questions' },
  },
  newAdvice: {
    nl: { one: '1 nieuw advies', other: '{count} nieuwe adviezen' },
    en: { one: '1 new piece of advice', other: '{count} new pieces of advice' },
  },
  newProposals: {
    nl: {
      one: '1 nieuw voorstel voor de kernvraag',
      other: '{count} nieuwe voorstellen voor de kernvraag',
    },
    en: {
      one: '1 new proposal for the core question',
      other: '{count} new proposals for the core question',
    },
  },
} as const satisfies Record<string, Message>;
