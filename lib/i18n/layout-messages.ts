import type { Message } from './i18n';

/**
 * Texts of the panel's frame and of how a meeting is laid out (components/shell/PanelApp's
 * header, the phase steps and the private zone in components/meeting/MeetingView), in Dutch and
 * English; part of MESSAGES (messages.ts).
 */
export const LAYOUT_MESSAGES = {
  appName: { nl: 'Kring', en: 'Kring' },
  appTagline: { nl: 'intervisie', en: 'intervision' },
  phaseStepDone: { nl: 'klaar', en: 'done' },
  privateZone: { nl: 'Alleen jij ziet dit', en: 'Only you see this' },
  meetingMethod: { nl: 'Werkvorm: {name}', en: 'Method: {name}' },
} as const satisfies Record<string, Message>;
