import type { Message } from './i18n';

/**
 * The timekeeper (shared-doc/timekeeper.ts): a member the chair names keeps the phase timer
 * beside the chair. Part of MESSAGES.
 */
export const TIMEKEEPER_MESSAGES = {
  timekeeperLabel: { nl: 'Tijdbewaker', en: 'Timekeeper' },
  timekeeperNobody: { nl: 'Niemand, ik bewaak de tijd', en: 'Nobody, I keep the time' },
  // The timekeeper the chair named is not in the meeting now (their panel closed).
  timekeeperAway: { nl: 'Iemand die er nu niet is', en: 'Someone not here now' },
  // The timekeeper's own buttons, beside the timer in the phase bar.
  timekeeperControls: { nl: 'Tijd bewaken', en: 'Timekeeping' },
  timekeeperYou: {
    nl: 'Jij bewaakt de tijd. Zeg het de voorzitter als de tijd bijna om is.',
    en: 'You keep the time. Tell the chair when time is nearly up.',
  },
  // In the list of who is present, after the role: "Dirk (member, timekeeper)".
  roleTimekeeper: { nl: 'tijdbewaker', en: 'timekeeper' },
  timeKeptBy: { nl: 'Tijdbewaker: {name}', en: 'Timekeeper: {name}' },
  // For the chair and the timekeeper, in the phase's last two minutes: theirs is to say so.
  timeNearlyUp: {
    nl: 'Bijna tijd: rond deze fase af.',
    en: 'Nearly time: round this phase off.',
  },
} as const satisfies Record<string, Message>;
