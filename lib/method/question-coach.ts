import type { Localized } from '../i18n/i18n';

/**
 * The question-quality coach of the analysis phase (domain.md, phase 2): only open, factual,
 * deepening questions help the case bringer. The coach reads a draft question, Dutch or English,
 * and points out what tends to go wrong. It advises and never blocks: the writer decides.
 *
 * Pure, local and deterministic: the draft never leaves the device because of the coach.
 */

export type CoachIssue =
  | 'closed'
  | 'advice-in-disguise'
  | 'leading'
  | 'interpreting'
  | 'accusing-why'
  | 'stacked'
  | 'not-a-question';

export type CoachLanguage = 'nl' | 'en';

export interface CoachHint {
  readonly issue: CoachIssue;
  readonly message: Localized;
  /** An open way to start instead, in both languages. */
  readonly suggestion?: Localized;
}

export interface CoachVerdict {
  /** True when the coach has nothing to remark. */
  readonly ok: boolean;
  /** The language the draft seems to be written in. */
  readonly language: CoachLanguage;
  readonly hints: readonly CoachHint[];
}

/** Words that tell the two languages apart (words both share, like "is", are left out). */
const LANGUAGE_MARKERS: Readonly<Record<CoachLanguage, ReadonlySet<string>>> = {
  nl: new Set(
    'je jij jou jouw u het de een wat hoe waarom welke welk wie waar wanneer heb hebt ben bent niet dat die dit er van en met zou zouden kun kunt kan kon ook al nog toen daar daarin gedaan gebeurde gebeurd voor jezelf zelf heeft hebben was waren werd wordt merk merkte vind vond denk dacht voel voelde eigenlijk toch misschien overwogen geprobeerd naar bij'.split(
      ' ',
    ),
  ),
  en: new Set(
    'you your yours yourself the a an what how why which who where when have has had did do does not that this there of and with would could can also already still then done happened for were was notice feel felt think thought actually maybe considered tried to about at'.split(
      ' ',
    ),
  ),
};

/** How an open question starts. */
const OPEN_START: Readonly<Record<CoachLanguage, RegExp>> = {
  nl: /^(wat|hoe|hoezo|welke|welk|wie|wiens|waar\w*|wanneer|waarom|in hoeverre|op welke|in welke|met wie|van wie|voor wie|tegen wie|bij wie|over wie|vertel|beschrijf|schets|geef eens)\b/,
  en: /^(what|how|which|who|whom|whose|where|when|why|in what|to what extent|tell|describe|walk me|explain|say more)\b/,
};

/** A polite request to tell more is open, although it starts like a yes/no question. */
const OPEN_REQUEST: Readonly<Record<CoachLanguage, RegExp>> = {
  nl: /^(kun|kan|wil|zou)\s+(je|jij|u)\s+(\w+\s+){0,4}?(vertellen|beschrijven|uitleggen|schetsen|toelichten|verwoorden|zeggen wat|zeggen hoe|voorbeeld geven|voorbeeld noemen)\b/,
  en: /^(can|could|would|will)\s+you\s+(please\s+)?(tell|describe|explain|say more|walk (me|us)|talk (me|us)|give (me |us )?an example|paint|sketch|expand)\b/,
};

/** A yes/no question: it starts with a verb (Dutch inversion) or an auxiliary (English). */
const CLOSED_START: Readonly<Record<CoachLanguage, RegExp>> = {
  nl: /^(heb|hebt|heeft|hebben|had|hadden|ben|bent|is|zijn|was|waren|kun|kunt|kan|kon|konden|wil|wilt|wilde|zou|zouden|moet|moest|mag|mocht|weet|wist|vind|vond|denk|dacht|voel|voelde|ga|gaat|ging|gingen|doe|doet|deed|deden|speelt|speelde|klopt|werd|wordt|word|merk|merkte|zie|zag|krijg|kreeg|hoor|hoorde|zeg|zei|sta|staat|stond|blijf|blijft|bleef|herken|begrijp|snap|lukt|lukte|helpt|hielp|praat|praatte|sprak|spreek|vraag|vroeg|maak|maakt|maakte|geeft|gaf|houd|hou|houdt|hield|ken|kent|kende|leg|legde|neem|nam|volgt|volgde)\b/,
  en: /^(do|does|did|is|are|was|were|am|have|has|had|can|could|will|would|should|shall|may|might|must|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|haven't|hasn't|hadn't|can't|couldn't|won't|wouldn't|shouldn't)\b/,
};

/**
 * Where a yes/no question can start: at the beginning or after a joining word or punctuation, so
 * that "Wat heb je geprobeerd?" (open) is not read as "Heb je geprobeerd...?" (advice).
 */
const CLAUSE_START = String.raw`(?:^|[?.!,;:]\s+|\b(?:en|maar|of|dus|and|but|or|so)\s+)`;

/** Advice dressed as a question ("Heb je al overwogen...", "Have you tried..."). */
const ADVICE: Readonly<Record<CoachLanguage, readonly RegExp[]>> = {
  nl: [
    new RegExp(
      `${CLAUSE_START}(heb|had)\\s+(je|jij|u)\\s+(er\\s+)?(al\\s+|nog\\s+|ook\\s+)*(eens\\s+)?(\\S+\\s+){0,5}?(overwogen|geprobeerd|aan gedacht|gedacht aan|over nagedacht)\\b`,
    ),
    /\b(zou|kun|kunt|kan|moet|moest)\s+(je|jij|u)\s+(het\s+|dat\s+|dan\s+|er\s+)?(niet|gewoon|beter|misschien)\b/,
    /\bwaarom\s+(probeer|vraag|zeg|ga|praat|doe|neem|bel|stop|kies|laat|maak|geef|zoek|plan)\s+(je|jij|u)\s+(\S+\s+){0,3}?niet\b/,
    /\b(is het|zou het|lijkt het)\s+(je\s+|jou\s+|u\s+)?(niet\s+|geen\s+)?(een\s+)?(idee|goed|verstandig|beter|handig|slim|zinvol)\b/,
    /\b(wat als|stel dat)\s+(je|jij|u)\b/,
    /\b(had|hadden|zou)\s+(je|jij|u)\s+(\S+\s+){0,3}?(niet\s+)?beter\b/,
    /\b(was|is)\s+het\s+niet\s+beter\b/,
    /\bzou\s+het\s+(niet\s+)?(helpen|werken|schelen)\b/,
    /\b(misschien|wellicht)\s+kun\w*\s+(je|jij|u)\b/,
    /\b(als ik jou was|als ik jou zou zijn|ik zou|je moet|je zou moeten|jij moet|je kunt beter|je kan beter)\b/,
  ],
  en: [
    new RegExp(
      `${CLAUSE_START}(have|had|did)\\s+you\\s+(ever\\s+|already\\s+|even\\s+|also\\s+)*(tried|try|considered|consider|thought about|thought of|think about|think of|looked into|asked for)\\b`,
    ),
    /\bwhy\s+(don't|do not|not|wouldn't)\s+you\b/,
    /^why not\b/,
    /\b(couldn't|could|can't|can|shouldn't|should|wouldn't|would)\s+you\s+(not\s+)?(just|simply|perhaps|maybe|try|ask|talk|tell|consider|go|call|write)\b(?!\s+(me|us)\b)/,
    /\b(wouldn't|would|isn't|is|might)\s+it\s+(not\s+)?(be\s+)?(better|wise|a good idea|an idea|helpful|easier|help|make sense)\b/,
    /\bwhat if you\b/,
    /\bhow about\b/,
    /\bwhat about\s+\w+ing\b/,
    /\b(maybe|perhaps)\s+you\s+(could|should|can|might)\b/,
    /\b(if i were you|you should|you ought to|you need to|you must|i would|i'd)\b/,
  ],
};

/** Suggestive, leading or interpreting questions that put an answer in the bringer's mouth. */
const LEADING: Readonly<Record<CoachLanguage, readonly RegExp[]>> = {
  nl: [
    /\b(vind|denk|voel|merk)\s+(je|jij|u)\s+(zelf\s+)?(ook\s+)?niet\b/,
    /\bben\s+(je|jij|u)\s+het\s+(niet\s+)?(met\s+\w+\s+)?eens\b/,
    /\b(is|was)\s+het\s+niet\s+(zo|eerder|gewoon|eigenlijk|toch|ook)\b/,
    /\bis het niet zo dat\b/,
    /,?\s*toch\s*\??$/,
    /\b(zou|kan)\s+het\s+(kunnen|zijn)\s+dat\s+(je|jij|u)\b/,
    /\b(komt|kwam)\s+dat\s+niet\s+(doordat|omdat|door)\b/,
    /\b(heb|had)\s+(je|jij|u)\s+niet\s+(het gevoel|de indruk|het idee)\b/,
    /\b(je|jij|u)\s+(bent|was|voelde\s+je)\s+(toch|zeker|vast)\b/,
    // "Je had toch ook de leidinggevende kunnen bellen?": hindsight that expects a yes.
    /\b(je|jij|u)\s+(had|hadden|hebt|heb|kon|kunt|kan|moest|moet|zou|wist|weet|wilde|wil|vond|vindt|deed|doet|ging|gaat|zag|ziet)\s+(het\s+|dat\s+|dit\s+|er\s+)?(toch|zeker|vast)\b/,
    /\b(eigenlijk|stiekem|diep van binnen)\b.*\b(niet|toch)\b/,
    /\b(klopt het dat|is het zo dat)\s+(je|jij|u)\s+(eigenlijk|stiekem)\b/,
  ],
  en: [
    /\b(don't|do not|didn't|did not)\s+you\s+(think|feel|agree|find|see|believe)\b/,
    /\bwouldn't you\s+(agree|say)\b/,
    /\b(isn't|wasn't|aren't|weren't)\s+(it|that|this|there|you)\s+(really|actually|just|simply|true|obvious|clear|because|the case|so)\b/,
    /\bisn't it true\b|\bis it not true\b/,
    /,\s*(right|correct|no|isn't it|don't you|didn't you|wasn't it|aren't you|(couldn't|wouldn't|shouldn't|weren't|haven't|hadn't|can't|won't) (you|it))\s*\??$/,
    // "You could have called your manager?": hindsight that expects a yes.
    /^you\s+(could|should|might)\s+(also\s+|just\s+|simply\s+)*have\s+\w+/,
    /\bsurely\b/,
    /\b(could|might|can)\s+it\s+be\s+that\s+you\b/,
    /\b(is it possible|isn't it possible)\s+that\s+you\s+(really|actually|just|were|are)\b/,
    /\byou must have (felt|been|known|thought)\b/,
    /\b(deep down|secretly|actually)\b.*\b(don't|didn't|aren't|weren't|wasn't|isn't)\b/,
    /\bdon't you agree\b/,
    /\bobviously\b/,
  ],
};

/**
 * Interpreting questions: the basic model forbids "suggestieve, interpreterende of gesloten
 * vragen". An interpreting question hands the case bringer a conclusion about themselves to
 * agree with ("Je bent dus eigenlijk bang voor conflicten?", "So what you mean is…?") instead of
 * asking what they think. The rule: a statement about the bringer with a question mark, or a
 * "so…"/"do you mean that…" paraphrase, that draws a conclusion (dus, eigenlijk, in feite,
 * really, actually, basically). An open question that only leans on what was said ("Wat maakt
 * dat je dat dus zo ervaart?", "So what did you do next?") asks for the bringer's own view and
 * is left alone, and so is asking what the bringer meant ("Wat bedoel je precies met…?").
 * A summary put as a question ("Dus je was alleen?", "So you were alone?") is flagged even when
 * it is about facts: it hands over the asker's version; "Wie was er nog?" lets the bringer tell.
 * Tested on the normalised text before fillers are dropped: "Dus" and "So" carry the meaning.
 */
const INTERPRETING: Readonly<Record<CoachLanguage, readonly RegExp[]>> = {
  nl: [
    // "Dus jij vindt dat…", "Dus het ligt eigenlijk aan…", "Dus wat je bedoelt is…"
    /^dus,?\s+(je|jij|u|jouw|eigenlijk|in feite|in wezen|wat je|wat jij)\b/,
    /^dus,?\s+(het|dat|dit)\s+(\S+\s+){0,2}?(eigenlijk|in feite|in wezen|gaat om|ging om|ligt aan|lag aan|draait om)\b/,
    // "Je bent dus eigenlijk bang…?", "Je voelt je eigenlijk…?", "Het gaat dus om…?"
    /^(je|jij|u|het|dat|dit)\s+(\S+\s+){0,3}?(dus|eigenlijk|stiekem|in feite|in wezen|diep van binnen)\b/,
    // "Wat je eigenlijk zegt is…", "Waar het dus om gaat is…"
    /\b(wat|waar)\s+(je|jij|u|het)\s+(\S+\s+){0,2}?(dus|eigenlijk|in feite)\s+(\S+\s+){0,2}?(bedoelt|zegt|wilt zeggen|om gaat|voelt|wilt)\s+(is|,)/,
    /\bwat\s+(je|jij|u)\s+(dus\s+|eigenlijk\s+)*(bedoelt|zegt|wilt zeggen)\s+is\b/,
    // "Bedoel je (dus) dat…", "Wil je eigenlijk zeggen dat…"
    /^(bedoel|bedoelt)\s+(je|jij|u)\s+(dus\s+|eigenlijk\s+|daarmee\s+)*(dat|te zeggen)\b/,
    /\bwil\s+(je|jij|u)\s+(dus|eigenlijk)\s+zeggen\b/,
    /\bals ik (je|jou|u) goed begrijp\b.*\b(dus|eigenlijk)\b/,
  ],
  en: [
    // "So you're really afraid…?", "So basically this is about…?", "So what you mean is…?"
    /^so,?\s+(you|you're|you've|you'd|you'll|your|basically|really|actually|in other words|what you|the real)\b/,
    // "You're actually exhausted?", "So it's really about…?"
    /^(so,?\s+)?(you|you're|you've|you'd|it's|it is|this is|that's|that is)\s+(\S+\s+){0,3}?(really|actually|basically|secretly|deep down|in fact|all about)\b/,
    /\bwhat you('re| are)?\s+(really\s+|actually\s+|basically\s+)*(mean|saying|say|feel|want)\s+is\b/,
    // "Do you mean that…", "Are you saying that…"
    /^(do|did)\s+you\s+(really\s+|actually\s+)*mean\s+(that|to say)\b/,
    /^(are|were)\s+you\s+(really\s+|actually\s+)*saying\s+(that\s+)?/,
    /\bin other words\b/,
  ],
};

/**
 * Loaded wording: a judgement about someone else smuggled into the question ("Wat vind je ervan
 * dat je collega zo lui is?"). Words that judge a person are flagged wherever they stand; words
 * that also describe a situation ("lastig", "moeilijk", "difficult") only when they are said of
 * a person ("die lastige moeder", "your colleague is so difficult"), so that "Wat vond je
 * moeilijk?" stays a good question. Asking what the bringer meant by their own word ("Wat bedoel
 * je met lui?", "What do you mean by lazy?") is not loaded: the word is theirs.
 */
const JUDGING: Readonly<Record<CoachLanguage, RegExp>> = {
  nl: /\b(lui|luie|onbeschoft|onbeschofte|incompetent|incompetente|onbekwaam|onbekwame|arrogant|arrogante|egoïstisch|egoïstische|egoistisch|egoistische|respectloos|respectloze|onprofessioneel|onprofessionele|manipulatief|manipulatieve|hysterisch|hysterische|bazig|bazige|achterbaks|achterbakse|onuitstaanbaar|onuitstaanbare|zeurderig|zeurderige|brutaal|brutale)\b/,
  en: /\b(lazy|rude|incompetent|arrogant|selfish|disrespectful|unprofessional|manipulative|hysterical|bossy|sneaky|spiteful|obnoxious|insufferable|whiny)\b/,
};

/** People a case is about, for the words that judge only when said of a person. */
const PERSON = String.raw`(collega|collega's|moeder|vader|ouder|ouders|leerling|leerlingen|cliënt|client|cliënten|patiënt|patient|bewoner|klant|teamleider|leidinggevende|manager|baas|directeur|mentor|arts|dokter|partner|man|vrouw|jongen|meisje|kind|zoon|dochter|buurman|buurvrouw|stagiair|stagiaire|docent|juf|meester|agent|verdachte|familie|team)`;
const PERSON_EN = String.raw`(colleague|colleagues|mother|father|mum|mom|dad|parent|parents|pupil|pupils|student|students|client|clients|patient|patients|resident|customer|manager|boss|supervisor|head|director|mentor|doctor|partner|husband|wife|boy|girl|child|son|daughter|neighbour|intern|teacher|officer|suspect|family|team|man|woman|person|people)`;

const SAID_OF_A_PERSON: Readonly<Record<CoachLanguage, readonly RegExp[]>> = {
  nl: [
    new RegExp(
      String.raw`(?<!\b(meest|minst)\s)\b(lastige|moeilijke|vervelende|irritante|agressieve|onmogelijke)\s+(\S+\s+)?${PERSON}\b`,
    ),
    new RegExp(
      String.raw`\b${PERSON}\s+(\S+\s+){0,2}?(zo|zo'n|erg|heel|nogal|echt|altijd|ook|best)\s+(lastig|moeilijk|vervelend|irritant|agressief)\s+(is|was|doet|deed|reageert|reageerde)\b`,
    ),
  ],
  en: [
    new RegExp(
      String.raw`(?<!\b(most|least)\s)\b(difficult|awkward|impossible|annoying|demanding|aggressive|problem)\s+${PERSON_EN}\b`,
    ),
    new RegExp(
      String.raw`\b${PERSON_EN}\s+(who|that)?\s*(is|was|are|were|being|gets|got)\s+(so|such|really|very|always|quite)\s+(difficult|awkward|impossible|annoying|demanding|aggressive)\b`,
    ),
    new RegExp(
      String.raw`\b${PERSON_EN}\s+(is|was|being)\s+(difficult|awkward|impossible|annoying|demanding)\b`,
    ),
  ],
};

/** Asking what the bringer meant by a word of theirs: the word in it is theirs, not a verdict. */
const ASKS_OWN_WORD: Readonly<Record<CoachLanguage, RegExp>> = {
  nl: /\b(bedoel|bedoelt|bedoelde|verstaat|versta)\s+(je|jij|u)\s+(\S+\s+){0,2}?(met|onder)\b|\bnoem(de)?\s+(je|jij|u)\b|"[^"]*"/,
  en: /\b(mean|meant)\s+(by|when you say)\b|\bcall(ed)?\s+(him|her|them|it)\b|"[^"]*"/,
};

/**
 * Asking for the bringer's own verdict ("Wat vond je onbeschoft aan hem?", "What did you find
 * rude?"): the judging word follows "vond je"/"you found" directly, with no "dat"/"that" between.
 */
const ASKS_OWN_VERDICT: Readonly<Record<CoachLanguage, RegExp>> = {
  nl: new RegExp(
    String.raw`\b(vond|vind|ervoer|ervaar|noemde|noem)\s+(je|jij|u)\s+((?!dat\b)\S+\s+){0,2}?${JUDGING.nl.source.slice(2)}`,
  ),
  en: new RegExp(
    String.raw`\byou\s+(find|found|call|called|experienced|experience)\s+((?!that\b)\S+\s+){0,2}?${JUDGING.en.source.slice(2)}`,
  ),
};

function isLoaded(text: string, language: CoachLanguage): boolean {
  if (ASKS_OWN_WORD[language].test(text) || ASKS_OWN_VERDICT[language].test(text)) return false;
  return JUDGING[language].test(text) || SAID_OF_A_PERSON[language].some((rule) => rule.test(text));
}

/** "Why didn't you...": a reproach in the shape of a question. */
const ACCUSING: Readonly<Record<CoachLanguage, readonly RegExp[]>> = {
  nl: [
    /\bwaarom\s+(heb|had|ben|was|deed|zei|ging|nam|koos|liet|belde|vroeg|greep|kwam|sprak|wilde|kon|zou)\s+(je|jij|u)\s+(\S+\s+){0,6}?(niet|geen|nooit)\b/,
    /\bwaarom\s+(heb|had|ben|was|deed|zei|ging|nam|koos|liet|belde|vroeg|greep|kwam|sprak)\s+(je|jij|u)\b/,
    /\bhoe\s+(kan|kon)\s+het\s+(nou\s+|toch\s+)?dat\s+(je|jij|u)\s+(\S+\s+){0,6}?(niet|geen|nooit)\b/,
    /\bhoe\s+(kon|kun|kan)\s+(je|jij|u)\s+(nou\s+|toch\s+)?(zo|dat|dit)\b/,
  ],
  en: [
    /\bwhy\s+(didn't|did|haven't|hadn't|weren't|wasn't|couldn't|wouldn't|won't|did not|have you not|would you|were you|was it you)\b/,
    /\bhow come\s+you\s+(didn't|did not|never|haven't|weren't|couldn't)\b/,
    /\bhow could you\b/,
    /\bwhy on earth\b/,
  ],
};

/** Two questions joined into one: "What did you do and how did she react?" */
const STACKED_JOIN: Readonly<Record<CoachLanguage, RegExp>> = {
  nl: /\b(en|of|maar)\s+(wat|hoe|waarom|wie|waar|wanneer|welke|heb je|ben je|had je|was je|kon je|deed je|wil je|zou je|vind je|denk je)\b/,
  en: /\b(and|or|but)\s+(what|how|why|who|where|when|which|did you|do you|have you|had you|were you|was it|would you|could you|are you|is it)\b/,
};

const REMARKS: Readonly<Record<CoachIssue, { message: Localized; suggestion?: Localized }>> = {
  closed: {
    message: {
      nl: 'dit is een gesloten vraag: het antwoord is ja of nee. Een open vraag levert meer op.',
      en: 'this is a closed question: the answer is yes or no. An open question brings out more.',
    },
    suggestion: {
      nl: 'begin met "Wat…", "Hoe…" of "Welke…", zoals "Hoe verliep dat gesprek?"',
      en: 'start with "What…", "How…" or "Which…", like "How did that conversation go?"',
    },
  },
  'advice-in-disguise': {
    message: {
      nl: 'dit klinkt als een advies in vraagvorm. Bewaar het voor de adviesronde.',
      en: 'this sounds like advice dressed as a question. Keep it for the advice round.',
    },
    suggestion: {
      nl: 'vraag naar wat er al gebeurde: "Wat heb je tot nu toe geprobeerd?"',
      en: 'ask what has happened so far: "What have you tried so far?"',
    },
  },
  leading: {
    message: {
      nl: 'dit is een sturende vraag: het antwoord zit er al in. Laat de inbrenger zelf kiezen.',
      en: 'this is a leading question: the answer is already in it. Let the case bringer find their own.',
    },
    suggestion: {
      nl: 'vraag zonder te kleuren: "Wat merkte je bij jezelf op dat moment?"',
      en: 'ask without colouring it: "What did you notice in yourself at that moment?"',
    },
  },
  interpreting: {
    message: {
      nl: 'dit is een interpreterende of gekleurde vraag: je eigen uitleg of oordeel zit erin. Laat de inbrenger het in eigen woorden zeggen.',
      en: 'this question interprets or judges: your own reading or verdict is in it. Let the case bringer put it in their own words.',
    },
    suggestion: {
      nl: 'vraag naar hun eigen woorden: "Wat bedoel je precies met …?" of "Hoe zou jij het noemen?"',
      en: 'ask for their own words: "What exactly do you mean by …?" or "How would you put it?"',
    },
  },
  'accusing-why': {
    message: {
      nl: 'een waarom-vraag over wat iemand (niet) deed klinkt al snel als een verwijt en maakt defensief.',
      en: 'a why question about what someone did (or did not) do easily sounds like a reproach and makes people defensive.',
    },
    suggestion: {
      nl: 'vraag naar de afweging: "Wat maakte dat je toen zo handelde?"',
      en: 'ask about the weighing: "What made you act the way you did then?"',
    },
  },
  stacked: {
    message: {
      nl: 'hier staan meerdere vragen in één. Stel ze één voor één, dan komt elk antwoord aan bod.',
      en: 'there are several questions in one here. Ask them one at a time so that each gets an answer.',
    },
    suggestion: {
      nl: 'houd de belangrijkste vraag en bewaar de rest voor straks.',
      en: 'keep the most important question and save the rest for later.',
    },
  },
  'not-a-question': {
    message: {
      nl: 'dit is geen vraag maar een uitspraak. In deze fase stel je vragen aan de inbrenger.',
      en: 'this is a statement, not a question. In this phase you ask the case bringer questions.',
    },
    suggestion: {
      nl: 'maak er een open vraag van: "Wat…?" of "Hoe…?"',
      en: 'turn it into an open question: "What…?" or "How…?"',
    },
  },
};

/** The order in which hints are shown: the most important first. */
const ORDER: readonly CoachIssue[] = [
  'advice-in-disguise',
  'accusing-why',
  'leading',
  'interpreting',
  'closed',
  'stacked',
  'not-a-question',
];

/** Lower case, straight quotes, single spaces, no leading fillers like "En," or "So,". */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'(\-–—\s]+/, '')
    .replace(/["')\s]+$/, '');
}

function words(text: string): string[] {
  return text.split(/[^\p{L}']+/u).filter((w) => w !== '');
}

/** Guesses the language from marker words; a tie goes to the preferred language. */
export function detectLanguage(text: string, preferred: CoachLanguage = 'en'): CoachLanguage {
  let nl = 0;
  let en = 0;
  for (const word of words(normalise(text))) {
    if (LANGUAGE_MARKERS.nl.has(word)) nl += 1;
    if (LANGUAGE_MARKERS.en.has(word)) en += 1;
  }
  if (nl === en) return preferred;
  return nl > en ? 'nl' : 'en';
}

const FILLER = /^((en|maar|dus|oké|ok|okay|nou|so|and|but|well|ok|okay|hm+|ja|yes)[,.]?\s+)+/;

/** The parts of the draft that are questions, each without its question mark. */
function questionParts(text: string): string[] {
  return text
    .split('?')
    .slice(0, -1)
    .map((part) => part.replace(/^.*[.!:;]\s+/, '').trim())
    .filter((part) => words(part).length >= 2);
}

function isOpenStart(sentence: string, language: CoachLanguage): boolean {
  return OPEN_START[language].test(sentence) || OPEN_REQUEST[language].test(sentence);
}

/**
 * Reads a draft question and says what could make it a better intervisie question.
 * An empty draft gets no remarks. The result never depends on anything but the text.
 */
export function coachQuestion(text: string, preferred: CoachLanguage = 'en'): CoachVerdict {
  const normalised = normalise(text);
  const language = detectLanguage(normalised, preferred);
  if (words(normalised).length === 0) return { ok: true, language, hints: [] };

  const found = new Set<CoachIssue>();
  const body = normalised.replace(FILLER, '');
  const parts = questionParts(body);
  const hasQuestionMark = body.includes('?');
  // The sentence that carries the question: the first one with a question mark, else the text.
  const main = (parts[0] ?? body).replace(FILLER, '');

  if (ADVICE[language].some((rule) => rule.test(body))) found.add('advice-in-disguise');
  if (ACCUSING[language].some((rule) => rule.test(body))) found.add('accusing-why');
  if (LEADING[language].some((rule) => rule.test(body))) found.add('leading');
  if (INTERPRETING[language].some((rule) => rule.test(normalised)) || isLoaded(body, language)) {
    found.add('interpreting');
  }

  const interrogative = hasQuestionMark || isOpenStart(main, language);
  if (!interrogative && !CLOSED_START[language].test(main)) {
    if (!found.has('advice-in-disguise')) found.add('not-a-question');
  } else if (
    found.size === 0 &&
    CLOSED_START[language].test(main) &&
    !OPEN_REQUEST[language].test(main)
  ) {
    found.add('closed');
  }

  if (parts.length >= 2 || parts.some((part) => STACKED_JOIN[language].test(part))) {
    found.add('stacked');
  }

  const hints = ORDER.filter((issue) => found.has(issue)).map((issue): CoachHint => ({
    issue,
    ...REMARKS[issue],
  }));
  return { ok: hints.length === 0, language, hints };
}
