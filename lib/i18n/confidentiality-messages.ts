import type { Message } from './i18n';

/**
 * Texts of the confidentiality agreement that opens every meeting
 * (components/meeting/Confidentiality.tsx), in Dutch and English; part of MESSAGES.
 */
export const CONFIDENTIALITY_MESSAGES = {
  confidentialityHeading: { nl: 'Vertrouwelijkheid', en: 'Confidentiality' },
  confidentialityAgreement: {
    nl: 'Wat er in de groep gezegd wordt, blijft vertrouwelijk.',
    en: 'What is said in the group stays confidential.',
  },
  confidentialityDetail: {
    nl: 'Je vertelt buiten de groep niets over de casussen en niet wie wat zei.',
    en: 'Outside the group you say nothing about the cases, nor who said what.',
  },
  confidentialityAgree: { nl: 'Ik ga akkoord', en: 'I agree' },
  confidentialityConfirmed: { nl: 'Akkoord: {names}', en: 'Confirmed: {names}' },
  confidentialityNotYet: { nl: 'Nog niet: {names}', en: 'Not yet: {names}' },
  confidentialityNobody: { nl: 'nog niemand', en: 'nobody yet' },
  confidentialityEveryone: {
    nl: 'Iedereen is akkoord.',
    en: 'Everyone has confirmed.',
  },
} as const satisfies Record<string, Message>;
