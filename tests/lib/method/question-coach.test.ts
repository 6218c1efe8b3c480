import { describe, expect, it } from 'vitest';
import { coachQuestion, detectLanguage } from '../../../lib/method/question-coach';
import type { CoachIssue } from '../../../lib/method/question-coach';

/**
 * Real-sounding questions from intervisie groups (nurses, teachers, police officers, managers,
 * therapists), each with the remarks the coach should make. "ok" means no remark at all: a good
 * open question must never be nagged about.
 */
type Row = readonly [question: string, expected: readonly CoachIssue[] | 'ok'];

const DUTCH: readonly Row[] = [
  // Good open questions.
  ['Wat gebeurde er precies toen de moeder binnenkwam?', 'ok'],
  ['Hoe reageerde je teamleider op je voorstel?', 'ok'],
  ['Wat merkte je bij jezelf op dat moment?', 'ok'],
  ['Welke gedachte ging er door je heen toen hij begon te schreeuwen?', 'ok'],
  ['Wie zijn er nog meer betrokken bij deze leerling?', 'ok'],
  ['Wanneer speelde dit voor het eerst?', 'ok'],
  ['Waar loop je het meest tegenaan in de overdracht?', 'ok'],
  ['Wat zou je het liefst willen dat er verandert?', 'ok'],
  ['Hoe zou je collega dit verhaal vertellen?', 'ok'],
  ['Wat maakt dat dit je zo raakt?', 'ok'],
  ['Waardoor kwam het gesprek vast te zitten?', 'ok'],
  ['In hoeverre heb je hier zelf invloed op?', 'ok'],
  ['Wat heb je tot nu toe zelf geprobeerd?', 'ok'],
  ['Kun je vertellen wat er daarna gebeurde?', 'ok'],
  ['Kun je iets meer vertellen over de sfeer in het team?', 'ok'],
  ['Vertel eens wat je deed op het moment dat de ouder boos werd.', 'ok'],
  ['Waarom is dit voor jou zo belangrijk?', 'ok'],
  ['En wat deed jij toen?', 'ok'],
  ['Wat zou er gebeuren als je niets doet?', 'ok'],
  ['Hoe ziet een goede afloop er voor jou uit?', 'ok'],
  ['Op welke momenten gaat het wel goed met deze bewoner?', 'ok'],
  ['Met wie heb je hier al over gesproken?', 'ok'],
  ['Kun je een voorbeeld geven?', 'ok'],
  ['En toen?', 'ok'],
  ['Wat maakt dat je niet eerder aan de bel trok?', 'ok'],
  ['Wat houdt je tegen om nee te zeggen?', 'ok'],
  // Closed questions.
  ['Heb je met haar gepraat?', ['closed']],
  ['Ben je boos op je leidinggevende?', ['closed']],
  ['Was de dienst erg druk die avond?', ['closed']],
  ['Weet je collega hiervan?', ['closed']],
  ['Voel je je gesteund door het team?', ['closed']],
  ['Is dit eerder gebeurd?', ['closed']],
  ['Speelt dit al lang?', ['closed']],
  ['Klopt het dat de ouders gescheiden zijn?', ['closed']],
  ['Vind je het moeilijk om nee te zeggen?', ['closed']],
  ['Had je die avond dienst met een invaller?', ['closed']],
  // Advice in disguise.
  ['Heb je al overwogen om het met je leidinggevende te bespreken?', ['advice-in-disguise']],
  ['Heb je er al eens aan gedacht om een time-out te nemen?', ['advice-in-disguise']],
  ['Heb je al geprobeerd om de ouders uit te nodigen?', ['advice-in-disguise']],
  ['Zou je niet gewoon eerlijk zeggen wat je ervan vindt?', ['advice-in-disguise']],
  ['Is het geen idee om een collega mee te nemen naar het gesprek?', ['advice-in-disguise']],
  ['Waarom vraag je niet om hulp aan je teamleider?', ['advice-in-disguise']],
  ['Wat als je het gesprek eerst met de mentor voert?', ['advice-in-disguise']],
  ['Kun je niet beter een vaste werkplek afspreken?', ['advice-in-disguise']],
  ['Zou het helpen om het rooster om te gooien?', ['advice-in-disguise']],
  ['Had je niet beter meteen de politie kunnen bellen?', ['advice-in-disguise']],
  ['Misschien kun je het eens via de mail proberen?', ['advice-in-disguise']],
  ['Ik zou gewoon een grens stellen.', ['advice-in-disguise']],
  // Leading and interpreting questions.
  ['Vind je zelf ook niet dat hij te ver ging?', ['leading']],
  ['Denk je niet dat je te veel hooi op je vork neemt?', ['leading']],
  ['Is het niet zo dat je eigenlijk bang bent voor conflict?', ['leading']],
  ['Het was een onmogelijke situatie, toch?', ['leading']],
  ['Zou het kunnen dat je je eigenlijk schuldig voelt?', ['leading']],
  ['Heb je niet het gevoel dat ze misbruik van je maakt?', ['leading']],
  ['Ben je het niet met me eens dat dit te veel is?', ['leading']],
  // Accusing "waarom niet".
  ['Waarom heb je niet eerder ingegrepen?', ['accusing-why']],
  ['Waarom heb je je collega niet gebeld?', ['accusing-why']],
  ['Waarom zei je niets tegen de arts?', ['accusing-why']],
  ['Hoe kan het dat je dat niet gezien hebt?', ['accusing-why']],
  ['Waarom deed je dat?', ['accusing-why']],
  // Stacked questions.
  ['Wat gebeurde er en hoe reageerde je collega?', ['stacked']],
  ['Wat deed je toen? En wat zei hij daarop?', ['stacked']],
  ['Wie waren erbij en wat zeiden ze precies?', ['stacked']],
  ['Hoe voelde je je daarbij en heb je dat laten merken?', ['stacked']],
  // Not a question.
  ['Dat lijkt me heel lastig.', ['not-a-question']],
  ['Ik herken dit heel erg van mijn eigen afdeling', ['not-a-question']],
  // Interpreting and loaded questions. The basic model forbids "suggestieve, interpreterende of
  // gesloten vragen": a conclusion handed to the case bringer, or a verdict on someone else.
  ['Je bent dus eigenlijk bang voor conflicten?', ['interpreting']],
  ['Dus jij vindt dat je teamleider je niet steunt?', ['interpreting']],
  ['Je had toch ook de leidinggevende kunnen bellen?', ['leading']],
  ['Wat vind je ervan dat je collega zo lui is?', ['interpreting']],
  ['Het gaat dus eigenlijk om erkenning?', ['interpreting']],
  ['Dus het ligt eigenlijk aan de planning?', ['interpreting']],
  ['Bedoel je dat je je in de steek gelaten voelt?', ['interpreting']],
  ['Wat je eigenlijk zegt is dat je wilt stoppen?', ['interpreting']],
  ['Wil je dus zeggen dat niemand je helpt?', ['interpreting']],
  ["Hoe ga je om met zo'n luie collega?", ['interpreting']],
  ['Hoe lang speelt dit al met die lastige moeder?', ['interpreting']],
  ['Wat doe je als die onbeschofte vader weer belt?', ['interpreting']],
  ['Hoe reageerde de moeilijke ouder op je voorstel?', ['interpreting']],
  ['Dus je was die avond alleen op de groep?', ['interpreting']],
  ['Je voelt je eigenlijk niet gewaardeerd?', ['interpreting', 'leading']],
  // Near-misses that are good open questions: they ask for the case bringer's own words and view.
  ['Wat bedoel je precies met onveilig?', 'ok'],
  ['Wat bedoel je precies met "lui"?', 'ok'],
  ['Wat bedoel je met lastig?', 'ok'],
  ['Wat maakt dat je dat dus zo ervaart?', 'ok'],
  ['Wat vond je moeilijk?', 'ok'],
  ['Hoe lastig was dat voor je?', 'ok'],
  ['Wat maakt het gesprek met die moeder zo moeilijk voor jou?', 'ok'],
  ['Wat vind je ervan dat je collega het overleg heeft afgezegd?', 'ok'],
  ['Dus wat deed je toen?', 'ok'],
  ['Wat wil je eigenlijk bereiken met dit gesprek?', 'ok'],
  ['Wanneer merkte je dat je bang was voor een conflict?', 'ok'],
  ['Hoe merkte je dat je teamleider je niet steunde?', 'ok'],
  ['Hoe zou jij zelf noemen wat er gebeurde?', 'ok'],
  ['Welke woorden gebruikte je collega precies?', 'ok'],
  ['Hoe ga je om met een collega die vaak te laat komt?', 'ok'],
  ['Wat maakte het dus zo lastig om het te zeggen?', 'ok'],
  ['Wat vond je onbeschoft aan hem?', 'ok'],
  ['Wie was voor jou de meest lastige ouder?', 'ok'],
  ['Hoe was het om met die zware cliënt te werken?', 'ok'],
  // Several remarks at once.
  [
    'Heb je al overwogen om te stoppen? En heb je het met je partner besproken?',
    ['advice-in-disguise', 'stacked'],
  ],
];

const ENGLISH: readonly Row[] = [
  // Good open questions.
  ['What happened right before the patient fell?', 'ok'],
  ['How did your manager react when you raised it?', 'ok'],
  ['What did you notice in yourself at that moment?', 'ok'],
  ['Which part of this worries you most?', 'ok'],
  ['Who else is involved with this pupil?', 'ok'],
  ['When did you first notice the tension in the team?', 'ok'],
  ['Where do you get stuck in these conversations?', 'ok'],
  ['What would you like to be different a month from now?', 'ok'],
  ['How would your colleague describe what happened?', 'ok'],
  ['What makes this so hard for you?', 'ok'],
  ['What have you tried so far?', 'ok'],
  ['Could you tell us what happened next?', 'ok'],
  ['Can you describe the moment you decided to leave the room?', 'ok'],
  ['Tell us more about the last shift.', 'ok'],
  ['Why is this important to you?', 'ok'],
  ['To what extent do you have a say in the rota?', 'ok'],
  ['What do you think would happen if you said no?', 'ok'],
  ['And how did that feel?', 'ok'],
  ['When does it go well with this client?', 'ok'],
  ['Walk me through the morning of the incident.', 'ok'],
  ['Could you give an example?', 'ok'],
  ['What did you already try?', 'ok'],
  ['What made you decide not to call?', 'ok'],
  ['How long have you been in this role?', 'ok'],
  // Closed questions.
  ['Did you talk to her about it?', ['closed']],
  ['Are you angry with your manager?', ['closed']],
  ['Was the ward busy that night?', ['closed']],
  ['Is this the first time it happened?', ['closed']],
  ['Do you feel supported by your team?', ['closed']],
  ['Have you spoken to the parents?', ['closed']],
  ['Does your supervisor know about this?', ['closed']],
  ['Can you still work with him?', ['closed']],
  ['Were you on your own that shift?', ['closed']],
  // Advice in disguise.
  ['Have you tried talking to HR?', ['advice-in-disguise']],
  ['Have you considered taking a few days off?', ['advice-in-disguise']],
  ['Have you thought about asking a colleague to join you?', ['advice-in-disguise']],
  ["Why don't you just tell him how you feel?", ['advice-in-disguise']],
  ['Why not escalate it to the head of department?', ['advice-in-disguise']],
  ["Wouldn't it be better to put it in writing?", ['advice-in-disguise']],
  ['Could you just ask for a different shift?', ['advice-in-disguise']],
  ['What if you set a clear boundary next time?', ['advice-in-disguise']],
  ['How about having the conversation together with your mentor?', ['advice-in-disguise']],
  ['Maybe you could ask the parents to come in?', ['advice-in-disguise']],
  ['Did you try a time-out?', ['advice-in-disguise']],
  ['You should report this.', ['advice-in-disguise']],
  // Leading and interpreting questions.
  ["Don't you think he was out of line?", ['leading']],
  ["Wouldn't you agree that the workload is simply too high?", ['leading']],
  ["Isn't it really about your own fear of conflict?", ['leading']],
  ['That was an impossible situation, right?', ['leading']],
  ['Could it be that you feel guilty about it?', ['leading']],
  ['Surely the school should have stepped in?', ['leading']],
  ["Don't you feel she is taking advantage of you?", ['leading']],
  // Accusing "why didn't you".
  ["Why didn't you call for backup?", ['accusing-why']],
  ["Why haven't you raised this earlier?", ['accusing-why']],
  ["How come you didn't tell your manager?", ['accusing-why']],
  ['Why did you let it get this far?', ['accusing-why']],
  ['How could you miss that?', ['accusing-why']],
  // Stacked questions.
  ['What happened and how did your colleague respond?', ['stacked']],
  ['What did you say? And what did he say back?', ['stacked']],
  ['Who was there and what did they do?', ['stacked']],
  ['How did you feel and did you show it?', ['stacked']],
  // Not a question.
  ['That sounds really difficult.', ['not-a-question']],
  ['I recognise this from my own ward', ['not-a-question']],
  // Interpreting and loaded questions ("suggestieve, interpreterende of gesloten vragen").
  ["So you're really afraid of conflict?", ['interpreting']],
  ["So what you mean is that your manager doesn't support you?", ['interpreting']],
  ['So basically this is about recognition?', ['interpreting']],
  ["You're actually exhausted?", ['interpreting']],
  ['Are you saying that you feel let down by the team?', ['interpreting']],
  ['Do you mean that he ignored you on purpose?', ['interpreting']],
  ['What do you do when your lazy colleague leaves early again?', ['interpreting']],
  ['How long have you had to work with such a difficult mother?', ['interpreting']],
  ['How do you deal with a manager who is so incompetent?', ['interpreting']],
  ['What do you think of your colleague being so rude?', ['interpreting']],
  ['So you were alone on the ward that night?', ['interpreting']],
  ["You could have called your manager, couldn't you?", ['leading']],
  // Near-misses that are good open questions.
  ['What exactly do you mean by "difficult"?', 'ok'],
  ['What do you mean by lazy?', 'ok'],
  ['What did you find difficult?', 'ok'],
  ['What makes it so difficult for you to say no?', 'ok'],
  ['So what did you do next?', 'ok'],
  ['So how did that conversation end?', 'ok'],
  ['How would you put it in your own words?', 'ok'],
  ['What is it like to work with this colleague?', 'ok'],
  ['What tells you that your manager does not support you?', 'ok'],
  ['When did you first notice you were afraid of the conflict?', 'ok'],
  ['What do you actually want to achieve?', 'ok'],
  ['How do you work with a colleague who is often late?', 'ok'],
  ['How hard was that for you?', 'ok'],
  ['What did you find rude about it?', 'ok'],
  ['Who was the most difficult person in the room?', 'ok'],
  // Several remarks at once.
  ['Have you tried talking to her? And does your manager know?', ['advice-in-disguise', 'stacked']],
];

function issues(question: string, preferred: 'nl' | 'en'): CoachIssue[] | 'ok' {
  const verdict = coachQuestion(question, preferred);
  return verdict.ok ? 'ok' : verdict.hints.map((hint) => hint.issue).sort();
}

describe('the question coach', () => {
  it('has a table of at least 60 Dutch and English questions', () => {
    expect(DUTCH.length + ENGLISH.length).toBeGreaterThanOrEqual(60);
    expect(DUTCH.length).toBeGreaterThanOrEqual(30);
    expect(ENGLISH.length).toBeGreaterThanOrEqual(30);
  });

  describe.each([
    ['Dutch', 'nl', DUTCH],
    ['English', 'en', ENGLISH],
  ] as const)('in %s', (_name, language, rows) => {
    it.each(rows)('"%s" → %j', (question, expected) => {
      const wanted = expected === 'ok' ? 'ok' : [...expected].sort();
      // The interface language must not change the verdict: the text decides.
      expect(issues(question, language)).toEqual(wanted);
      expect(issues(question, language === 'nl' ? 'en' : 'nl')).toEqual(wanted);
    });

    it.each(rows)('recognises "%s" as written in its language', (question) => {
      expect(detectLanguage(question, language === 'nl' ? 'en' : 'nl')).toBe(language);
    });
  });

  it('says nothing about an empty draft', () => {
    expect(coachQuestion('', 'nl')).toEqual({ ok: true, language: 'nl', hints: [] });
    expect(coachQuestion('   \n ', 'en')).toEqual({ ok: true, language: 'en', hints: [] });
    expect(coachQuestion('?!', 'en').ok).toBe(true);
  });

  it('gives every remark in Dutch and English, with an open opening to try', () => {
    const drafts = [
      'Heb je met haar gepraat?',
      'Have you tried talking to HR?',
      "Don't you think he was out of line?",
      "Why didn't you call for backup?",
      'Wat gebeurde er en hoe reageerde je collega?',
      'Dat lijkt me heel lastig.',
      'Je bent dus eigenlijk bang voor conflicten?',
    ];
    const seen = new Set<CoachIssue>();
    for (const draft of drafts) {
      for (const hint of coachQuestion(draft).hints) {
        seen.add(hint.issue);
        expect(hint.message.nl.length).toBeGreaterThan(10);
        expect(hint.message.en.length).toBeGreaterThan(10);
        expect(hint.suggestion?.nl).toBeTruthy();
        expect(hint.suggestion?.en).toBeTruthy();
      }
    }
    expect(seen.size).toBe(7);
  });

  it('flags the examples of "suggestieve, interpreterende of gesloten vragen" the basic model forbids', () => {
    const flagged = [
      'Je bent dus eigenlijk bang voor conflicten?',
      'Dus jij vindt dat je teamleider je niet steunt?',
      'Je had toch ook de leidinggevende kunnen bellen?',
      'Wat vind je ervan dat je collega zo lui is?',
      "So you're really afraid of conflict?",
      'So what you mean is that your manager does not support you?',
    ];
    for (const draft of flagged) {
      const issues = coachQuestion(draft).hints.map((hint) => hint.issue);
      expect(issues.some((issue) => issue === 'interpreting' || issue === 'leading')).toBe(true);
    }
    const [hint] = coachQuestion('Je bent dus eigenlijk bang voor conflicten?', 'nl').hints;
    expect(hint?.issue).toBe('interpreting');
    expect(hint?.suggestion?.nl).toContain('Wat bedoel je precies met');
    expect(hint?.suggestion?.en).toContain('What exactly do you mean by');
  });

  it('suggests an open opening for a closed question in both languages', () => {
    const [hint] = coachQuestion('Heb je met haar gepraat?', 'nl').hints;
    expect(hint?.suggestion?.nl).toMatch(/"Wat…".*"Hoe…"/);
    expect(hint?.suggestion?.en).toMatch(/"What…".*"How…"/);
  });

  it('reads curly quotes, odd spacing and capitals like plain text', () => {
    expect(issues('  HAVE   you   TRIED talking to HR ?  ', 'en')).toEqual(['advice-in-disguise']);
    expect(issues('Why didn\u2019t you call for backup?', 'en')).toEqual(['accusing-why']);
    expect(issues('\u201CHeb je met haar gepraat?\u201D', 'nl')).toEqual(['closed']);
  });

  it('takes the interface language when the text could be either', () => {
    expect(coachQuestion('Is?', 'nl').language).toBe('nl');
    expect(coachQuestion('Is?', 'en').language).toBe('en');
  });

  it('copes with very long and strange input without throwing', () => {
    const long = 'Wat '.repeat(5000) + '?';
    expect(() => coachQuestion(long, 'nl')).not.toThrow();
    expect(() => coachQuestion('\u0000\uFFFF🙂?', 'en')).not.toThrow();
    expect(() => coachQuestion('?'.repeat(10_000), 'en')).not.toThrow();
  });
});
