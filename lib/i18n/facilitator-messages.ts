import type { Message } from './i18n';

/**
 * Texts about an external procesbegeleider: a chair who is not a member of the group (issue 14,
 * point 8): the choice at the start (components/meeting/StartMeeting.tsx), the role in the
 * member list and in what the group keeps; part of MESSAGES.
 */
export const FACILITATOR_MESSAGES = {
  chairIsExternalOption: {
    nl: 'Ik begeleid als externe procesbegeleider (geen lid van de groep)',
    en: 'I guide as an external procesbegeleider (not a member of the group)',
  },
  chairIsExternalHint: {
    nl: 'Je bewaakt het proces; je brengt geen casus in, stelt geen vragen en geeft geen adviezen.',
    en: 'You guide the process; you do not bring a case, ask questions or give advice.',
  },
  roleFacilitator: { nl: 'procesbegeleider', en: 'facilitator' },
  keptFacilitator: { nl: 'Procesbegeleider', en: 'Facilitator' },
} as const satisfies Record<string, Message>;
