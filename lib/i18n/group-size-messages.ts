import type { Message } from './i18n';

/**
 * Texts about a group too small for its method (issue 14, point 10): the notice before the
 * start (components/meeting/StartMeeting.tsx) and the chair's note on the question and advice
 * boards; part of MESSAGES.
 */
export const GROUP_SIZE_MESSAGES = {
  methodNeedsMembers: {
    nl: {
      one: 'Deze werkvorm vraagt minstens {needed} mensen; nu is er {count}.',
      other: 'Deze werkvorm vraagt minstens {needed} mensen; nu zijn er {count}.',
    },
    en: {
      one: 'This method needs at least {needed} people; {count} is here now.',
      other: 'This method needs at least {needed} people; {count} are here now.',
    },
  },
  tooFewChairJoinsIn: {
    nl: 'Tot er genoeg mensen zijn, mag jij als voorzitter ook vragen stellen en advies geven.',
    en: 'Until enough people are here, you as chair may ask questions and give advice too.',
  },
  tooFewWait: {
    nl: 'Je kunt starten en op de anderen wachten: tot er genoeg mensen zijn, loopt deze werkvorm niet zoals bedoeld. Voor een kleine groep past het basismodel.',
    en: 'You can start and wait for the others: until enough people are here, this method cannot run as intended. The basic model suits a small group.',
  },
  chairJoinsInNote: {
    nl: 'Weinig leden: je mag ook zelf vragen stellen en advies geven.',
    en: 'Few members: you may ask and advise too.',
  },
} as const satisfies Record<string, Message>;
