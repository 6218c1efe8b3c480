import type { Message } from './i18n';

/**
 * The solution-focused scaling question (Phase.scale): the case bringer marks where they stand
 * from 0 to 10, the others see it and ask what one point higher would look like; the number
 * goes home with the take-home. Part of MESSAGES.
 */
export const SCALE_MESSAGES = {
  // Not the phase's own name ("Scaling", "Schaalvraag"): a heading of the same words would make
  // two headings of one name.
  scaleHeadingBringer: { nl: 'Waar sta ik nu?', en: 'Where am I now?' },
  scaleHeading: { nl: 'Waar de inbrenger nu staat', en: 'Where the case bringer is now' },
  scaleLegend: { nl: 'Kies je cijfer van 0 tot 10', en: 'Pick your number from 0 to 10' },
  // The ends of the scale, measured against the desired situation the group made vivid.
  scaleLow: { nl: '0: er is nog niets', en: '0: nothing there yet' },
  scaleHigh: { nl: '10: het is er helemaal', en: '10: it is all there' },
  scaleBringerHint: {
    nl: 'Vertel wat maakt dat het geen 0 is. De anderen vragen hoe één punt hoger eruitziet.',
    en: 'Tell what makes it not a 0. The others ask what one point higher looks like.',
  },
  scaleBringerHintZero: {
    nl: 'Vertel wat er al een 1 van zou maken. De anderen vragen mee.',
    en: 'Tell what would already make it a 1. The others ask along.',
  },
  scaleShared: { nl: 'De groep ziet: {n} van 10.', en: 'The group sees: {n} of 10.' },
  scaleTakeBack: { nl: 'Haal mijn cijfer weg', en: 'Take my number away' },
  scaleTakenBack: { nl: 'Je cijfer is weggehaald.', en: 'Your number was taken away.' },
  scaleOf: { nl: '{name} staat op {n} van 10', en: '{name} is at {n} of 10' },
  scaleWaiting: {
    nl: '{name} kiest hier een cijfer van 0 tot 10.',
    en: '{name} picks a number from 0 to 10 here.',
  },
  scaleAskNext: {
    nl: 'Vraag wat maakt dat het geen 0 is, en hoe een {next} eruit zou zien.',
    en: 'Ask what makes it not a 0, and what a {next} would look like.',
  },
  scaleAskFromZero: {
    nl: 'Vraag wat er al een 1 van zou maken.',
    en: 'Ask what would already make it a 1.',
  },
  scaleAskTop: {
    nl: 'Vraag wat er al is, en wat helpt om het zo te houden.',
    en: 'Ask what is there already, and what helps to keep it so.',
  },
  /** In the phases after the scaling question, under the core question. */
  scaleThen: { nl: 'Op de schaal: {name} op {n} van 10', en: 'On the scale: {name} at {n} of 10' },
  scaleThenOwn: {
    nl: 'Op de schaal stond je op {n} van 10',
    en: 'On the scale you were at {n} of 10',
  },
  earlierCaseScale: {
    nl: 'Op de schaal stond de inbrenger op {n} van 10',
    en: 'On the scale the case bringer was at {n} of 10',
  },
  notesScale: { nl: 'Waar ik stond: {n} van 10', en: 'Where I was: {n} of 10' },
  lastTakeHomeScale: {
    nl: 'Vorige keer stond je op {n} van 10.',
    en: 'Last time you were at {n} of 10.',
  },
  lastTakeHomeScaleShared: {
    nl: 'Vorige keer stond ik op {n} van 10.',
    en: 'Last time I was at {n} of 10.',
  },
} as const satisfies Record<string, Message>;
