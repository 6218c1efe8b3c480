import type { Method } from '../method';

/** The first meeting (kennismaking, about 1.5 hours): no case, so no theme either. */
export const FIRST_MEETING_METHOD = {
  id: 'first-meeting',
  name: { nl: 'Kennismaking', en: 'First meeting' },
  description: {
    nl: 'De eerste bijeenkomst: werkverhalen, wensen en verwachtingen uitwisselen en samen werkafspraken maken.',
    en: 'The first meeting: exchange work stories, wishes and expectations and agree how the group will work.',
  },
  allowsTheme: false,
  hasCase: false,
  // No case, no questioners: everyone, the chair too, already tells and writes in every phase, so
  // two people can get acquainted and there is nothing extra for the chair to join in.
  minMembers: 2,
  chairMayJoinIn: false,
  phases: [
    {
      id: 'stories',
      name: { nl: 'Werkverhalen', en: 'Work stories' },
      explanation: {
        nl: 'Ieder vertelt over het eigen werk: wat doe je, wat boeit je, waar loop je tegenaan?',
        en: 'Everyone tells about their work: what do you do, what drives you, what do you run into?',
      },
      chairGuidance: {
        nl: 'Geef ieder evenveel tijd en houd het bij kennismaken; nog geen casus bespreken.',
        en: 'Give everyone equal time and keep it to getting acquainted; no case discussion yet.',
      },
      memberGuidance: {
        nl: 'Iedereen vertelt om de beurt en kan kernwoorden op het bord zetten.',
        en: 'Everyone speaks in turn and can put keywords on the board.',
      },
      minutes: 30,
      activity: 'sharing',
    },
    {
      id: 'wishes',
      name: { nl: 'Wensen en verwachtingen', en: 'Wishes and expectations' },
      explanation: {
        nl: 'Wat wil je leren van deze groep, en wat verwacht je van de anderen?',
        en: 'What do you want to learn from this group, and what do you expect of the others?',
      },
      chairGuidance: {
        nl: 'Laat verschillen in verwachtingen uitspreken; die komen terug in de afspraken.',
        en: 'Let differences in expectations be voiced; they come back in the agreements.',
      },
      memberGuidance: {
        nl: 'Iedereen schrijft en noemt eigen wensen en verwachtingen.',
        en: 'Everyone writes and names their own wishes and expectations.',
      },
      minutes: 20,
      activity: 'sharing',
    },
    {
      id: 'agreements',
      name: { nl: 'Werkafspraken', en: 'Working agreements' },
      explanation: {
        nl: 'Spreek af: vertrouwelijkheid, hoe vaak jullie samenkomen, welke methode en wie wanneer voorzit.',
        en: 'Agree on confidentiality, how often you meet, which method and who chairs when.',
      },
      chairGuidance: {
        nl: 'Begin met vertrouwelijkheid: wat in de groep gezegd wordt, blijft in de groep; leg elke afspraak vast.',
        en: 'Start with confidentiality: what is said in the group stays in the group; record every agreement.',
      },
      memberGuidance: {
        nl: 'Iedereen doet voorstellen; de groep komt samen tot afspraken.',
        en: 'Everyone makes proposals; the group arrives at agreements together.',
      },
      minutes: 30,
      activity: 'sharing',
      // What this phase writes are agreements: the form starts there.
      firstLine: 'agreement',
    },
    {
      id: 'evaluation',
      name: { nl: 'Evaluatie', en: 'Evaluation' },
      explanation: {
        nl: 'Evalueer de kennismaking en plan de volgende bijeenkomst.',
        en: 'Evaluate the first meeting and schedule the next one.',
      },
      chairGuidance: {
        nl: 'Vraag hoe de bijeenkomst was en leg de datum en de voorzitter van de volgende keer vast.',
        en: 'Ask how the meeting went and record the date and the chair of the next meeting.',
      },
      memberGuidance: {
        nl: 'Iedereen zegt hoe het was en wat nodig is voor een veilige groep.',
        en: 'Everyone says how it was and what is needed for a safe group.',
      },
      minutes: 10,
      activity: 'evaluating',
    },
  ],
} satisfies Method<'first-meeting'>;
