import type { Method } from '../method';

/**
 * The Balint method (1 to 2 hours, experienced groups). No theme: the method works on the
 * feelings a concrete case stirs in its bringer, which a theme does not have.
 * The first associations are written on the advice board (tagged with their phase id), since
 * they are short written lines for the case bringer, revealed together like advice.
 */
export const BALINT_METHOD = {
  id: 'balint',
  name: { nl: 'Balintmethode', en: 'Balint method' },
  description: {
    nl: 'Voor ervaren groepen: de inbrenger vertelt de casus met de eigen gevoelens; de groep associeert, vraagt en adviseert en vormt een beeld terwijl de inbrenger zwijgt.',
    en: 'For experienced groups: the case bringer tells the case with their own feelings; the group associates, asks and advises, then forms a view while the bringer stays silent.',
  },
  allowsTheme: false,
  hasCase: true,
  // The group associates and forms a view among itself while the bringer stays silent: that
  // takes at least two members besides chair and bringer. The chair never joins in: guarding
  // the bringer's silence and the feelings the case stirs is the whole of the chair's work here.
  minMembers: 4,
  chairMayJoinIn: false,
  phases: [
    {
      id: 'pitch',
      name: { nl: 'Casussen verzamelen', en: 'Collect cases' },
      explanation: {
        nl: 'Wie een casus heeft, vat die samen in hoogstens drie zinnen.',
        en: 'Whoever has a case sums it up in at most three sentences.',
      },
      chairGuidance: {
        nl: 'Houd elke inbreng bij drie zinnen en laat nog geen vragen toe.',
        en: 'Keep every pitch to three sentences and allow no questions yet.',
      },
      memberGuidance: {
        nl: 'Schrijf je casus in hoogstens drie zinnen op.',
        en: 'Write your case in at most three sentences.',
      },
      minutes: 10,
      activity: 'pitching',
    },
    {
      id: 'choose',
      name: { nl: 'Kiezen', en: 'Choose' },
      explanation: {
        nl: 'De groep kiest één casus om te bespreken.',
        en: 'The group chooses one case to work on.',
      },
      chairGuidance: {
        nl: 'Laat iedereen scoren of stemmen en bevestig de gekozen casus; zelf kun je geen inbrenger zijn.',
        en: 'Let everyone score or vote and confirm the chosen case; you cannot be the case bringer yourself.',
      },
      memberGuidance: {
        nl: 'Geef elke casus een score of stem.',
        en: 'Score or vote for each case.',
      },
      minutes: 5,
      activity: 'choosing',
    },
    {
      id: 'case',
      name: { nl: 'Casus vertellen', en: 'Telling the case' },
      explanation: {
        nl: 'De inbrenger vertelt de casus, met de eigen gevoelens erbij.',
        en: 'The case bringer tells the case, including their own feelings about it.',
      },
      chairGuidance: {
        nl: 'Geef de inbrenger ongestoord de tijd; vraag naar gevoelens als die ontbreken.',
        en: 'Give the case bringer undisturbed time; ask about feelings if they are missing.',
      },
      memberGuidance: {
        nl: 'De inbrenger vertelt; de anderen luisteren zonder te onderbreken en merken op wat het bij hen oproept.',
        en: 'The case bringer tells; the others listen without interrupting and notice what it stirs in them.',
      },
      minutes: 10,
      activity: 'presenting',
    },
    {
      id: 'associations',
      name: { nl: 'Eerste associaties', en: 'First associations' },
      explanation: {
        nl: 'Schrijf je eerste associaties op: beelden, gevoelens, gedachten; de voorzitter toont ze samen.',
        en: 'Write your first associations: images, feelings, thoughts; the chair reveals them together.',
      },
      chairGuidance: {
        nl: 'Laat iedereen eerst in stilte schrijven en toon de associaties pas als iedereen klaar is; geen uitleg of discussie.',
        en: 'Let everyone write in silence first and reveal the associations only when everyone is done; no explaining or discussing.',
      },
      memberGuidance: {
        nl: 'Deelnemers schrijven hun associaties; de inbrenger leest ze zodra ze getoond zijn.',
        en: 'Members write their associations; the case bringer reads them once they are revealed.',
      },
      minutes: 10,
      activity: 'advising',
      blind: true,
      items: 'associations',
    },
    {
      id: 'questions',
      name: { nl: 'Verhelderende vragen', en: 'Clarifying questions' },
      explanation: {
        nl: 'Stel verhelderende, open vragen om de casus beter te begrijpen.',
        en: 'Ask clarifying, open questions to understand the case better.',
      },
      chairGuidance: {
        nl: 'Bewaak dat vragen verhelderen en niet sturen of adviseren.',
        en: 'Guard that questions clarify rather than steer or advise.',
      },
      memberGuidance: {
        nl: 'Deelnemers stellen vragen; de inbrenger beantwoordt ze en markeert wat beantwoord is.',
        en: 'Members ask questions; the case bringer answers them and marks what has been answered.',
      },
      minutes: 15,
      activity: 'asking',
    },
    {
      id: 'advice',
      name: { nl: 'Advies schrijven', en: 'Written advice' },
      explanation: {
        nl: 'Ieder schrijft voor zich een advies aan de inbrenger; de voorzitter toont ze samen.',
        en: 'Everyone writes advice to the case bringer individually; the chair reveals it together.',
      },
      chairGuidance: {
        nl: 'Zorg dat iedereen zelfstandig schrijft en toon de adviezen pas als iedereen klaar is.',
        en: 'Make sure everyone writes independently and reveal the advice only when everyone is done.',
      },
      memberGuidance: {
        nl: 'Deelnemers schrijven elk hun advies; de inbrenger wacht en leest ze na het tonen.',
        en: 'Members each write their advice; the case bringer waits and reads it after the reveal.',
      },
      minutes: 15,
      activity: 'advising',
      blind: true,
    },
    {
      id: 'view',
      name: { nl: 'Beeldvorming', en: 'Forming a view' },
      explanation: {
        nl: 'De groep bespreekt de casus en vormt een beeld; de inbrenger luistert zonder te reageren.',
        en: 'The group discusses the case and forms a view; the case bringer listens without reacting.',
      },
      chairGuidance: {
        nl: 'Bewaak dat de inbrenger niet reageert en dat de groep over de casus praat, niet tegen de inbrenger.',
        en: 'Guard that the case bringer does not react and that the group talks about the case, not to the bringer.',
      },
      memberGuidance: {
        nl: 'Deelnemers wisselen hun beelden en adviezen uit; de inbrenger luistert en maakt eigen aantekeningen.',
        en: 'Members exchange their views and advice; the case bringer listens and takes their own notes.',
      },
      minutes: 15,
      activity: 'analysing',
      bringerListens: true,
    },
    {
      id: 'decision',
      name: { nl: 'Besluit van de inbrenger', en: "The bringer's decision" },
      explanation: {
        nl: 'De inbrenger vertelt wat raakte en besluit wat er nu gaat gebeuren.',
        en: 'The case bringer says what touched them and decides what they will do.',
      },
      chairGuidance: {
        nl: 'Laat de inbrenger zelf besluiten; de groep beslist niets.',
        en: 'Let the case bringer decide alone; the group decides nothing.',
      },
      memberGuidance: {
        nl: 'De inbrenger markeert bruikbaar advies en schrijft de volgende stap op; de anderen luisteren.',
        en: 'The case bringer stars useful advice and writes down the next step; the others listen.',
      },
      minutes: 10,
      activity: 'reacting',
    },
    {
      id: 'evaluation',
      name: { nl: 'Evaluatie', en: 'Evaluation' },
      explanation: {
        nl: 'Evalueer het proces en wat het de groep en de inbrenger opleverde.',
        en: 'Evaluate the process and what it gave the group and the case bringer.',
      },
      chairGuidance: {
        nl: 'Vraag naar het proces en leg afspraken voor de volgende keer vast.',
        en: 'Ask about the process and record agreements for next time.',
      },
      memberGuidance: {
        nl: 'Iedereen noemt wat het opleverde en wat beter kan.',
        en: 'Everyone says what it gave them and what could be better.',
      },
      minutes: 10,
      activity: 'evaluating',
    },
  ],
} satisfies Method<'balint'>;
