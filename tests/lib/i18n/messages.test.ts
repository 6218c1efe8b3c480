import { describe, expect, it } from 'vitest';
import { MESSAGES, translate } from '../../../lib/i18n/messages';
import type { CountedKey } from '../../../lib/i18n/messages';
import { pickLocale } from '../../../lib/i18n/i18n';
import { METHODS } from '../../../lib/method/method-list';
import type { Locale } from '../../../lib/i18n/i18n';

const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has every message in Dutch and English with the same placeholders', () => {
    for (const [key, message] of Object.entries(MESSAGES)) {
      const { nl, en } = message;
      const pairs: readonly (readonly [string, string])[] =
        typeof nl === 'string' && typeof en === 'string'
          ? [[nl, en]]
          : typeof nl === 'object' && typeof en === 'object'
            ? [
                [nl.one, en.one],
                [nl.other, en.other],
              ]
            : [];
      expect(pairs.length, key).toBeGreaterThan(0);
      for (const [dutch, english] of pairs) {
        expect(dutch.trim(), key).not.toBe('');
        expect(english.trim(), key).not.toBe('');
        expect(holes(dutch), key).toEqual(holes(english));
      }
    }
  });

  it('speaks plainly: no protocol or cipher names, one name for the notes, the EGT words', () => {
    const texts = Object.values(MESSAGES).flatMap(({ nl, en }) =>
      typeof nl === 'string' && typeof en === 'string'
        ? [nl, en]
        : typeof nl === 'object' && typeof en === 'object'
          ? [nl.one, nl.other, en.one, en.other]
          : [],
    );
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) {
      // The technical detail lives in docs/threat-model.md.
      expect(text).not.toMatch(/AES|PBKDF|GCM|WebRTC|signal(ing|ering)|IndexedDB|Yjs/i);
      // The notebook is "Mijn notities" / "My notes" everywhere.
      expect(text).not.toMatch(/privénotitie|private note/i);
      // EGT: Emotie, Gezamenlijk, Tijdslimiet / Emotion, Shared, Time-bound.
      expect(text).not.toMatch(/Tijdsdruk|time pressure|shared relevance/i);
    }
  });

  it("names the EGT criteria in the methods' guidance as the panel does", () => {
    const texts = JSON.stringify(METHODS);
    expect(texts).toContain('EGT (Emotie, Gezamenlijk, Tijdslimiet)');
    expect(texts).toContain('EGT (Emotion, Shared, Time-bound)');
    expect(texts).not.toMatch(/Tijdsdruk|time pressure|shared relevance|time limit/i);
  });

  it('fills placeholders', () => {
    expect(translate('nl', 'phaseOf', { index: 2, total: 5 })).toBe('Fase 2 van 5');
    expect(translate('en', 'connected', { count: 4 })).toBe('Connected to 4 members.');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(translate('en', 'phaseOf', { index: 2 })).toBe('Phase 2 of {total}');
  });

  it.each([
    [['nl-NL', 'en'], 'nl'],
    [['nl-BE'], 'nl'],
    [['en-GB', 'nl'], 'en'],
    [['de-DE', 'fr'], 'en'],
    [['de-DE', 'nl'], 'nl'],
    [[], 'en'],
  ] as const)('picks the panel language from %j', (languages, locale) => {
    expect(pickLocale(languages)).toBe(locale);
  });
});

describe('messages about a number', () => {
  // The texts as they read before the plural forms, for 0, 1 and 2.
  it.each<[Locale, CountedKey, string, string, string]>([
    ['nl', 'connected', 'Verbonden met 0 leden.', 'Verbonden met 1 lid.', 'Verbonden met 2 leden.'],
    [
      'en',
      'connected',
      'Connected to 0 members.',
      'Connected to 1 member.',
      'Connected to 2 members.',
    ],
    [
      'nl',
      'questionsHidden',
      '0 vragen verborgen tot de voorzitter ze toont',
      '1 vraag verborgen tot de voorzitter de vragen toont',
      '2 vragen verborgen tot de voorzitter ze toont',
    ],
    [
      'en',
      'questionsHidden',
      '0 questions hidden until the chair reveals them',
      '1 question hidden until the chair reveals the questions',
      '2 questions hidden until the chair reveals them',
    ],
    // A member count while the server is away: "1 leden" / "1 members" before the plural form.
    [
      'nl',
      'unreachableWithMembers',
      'De verbindingsserver is niet bereikbaar; je bent nog verbonden met 0 leden.',
      'De verbindingsserver is niet bereikbaar; je bent nog verbonden met 1 lid.',
      'De verbindingsserver is niet bereikbaar; je bent nog verbonden met 2 leden.',
    ],
    [
      'en',
      'unreachableWithMembers',
      'The connection server cannot be reached; still connected to 0 members.',
      'The connection server cannot be reached; still connected to 1 member.',
      'The connection server cannot be reached; still connected to 2 members.',
    ],
    ['nl', 'notesMatch', '0 notities gevonden.', '1 notitie gevonden.', '2 notities gevonden.'],
    ['en', 'notesMatch', '0 notes found.', '1 note found.', '2 notes found.'],
    [
      'nl',
      'deleteAllConfirm',
      'Alle 0 notities verwijderen? Dit kan niet ongedaan worden gemaakt. Exporteer eerst als je een kopie wilt houden.',
      'Je enige notitie verwijderen? Dit kan niet ongedaan worden gemaakt. Exporteer eerst als je een kopie wilt houden.',
      'Alle 2 notities verwijderen? Dit kan niet ongedaan worden gemaakt. Exporteer eerst als je een kopie wilt houden.',
    ],
    [
      'en',
      'deleteAllConfirm',
      'Delete all 0 notes? This cannot be undone. Export first if you want to keep a copy.',
      'Delete your only note? This cannot be undone. Export first if you want to keep a copy.',
      'Delete all 2 notes? This cannot be undone. Export first if you want to keep a copy.',
    ],
    [
      'nl',
      'takeHomeSaved',
      '0 adviezen bewaard in je notities.',
      '1 advies bewaard in je notities.',
      '2 adviezen bewaard in je notities.',
    ],
    [
      'en',
      'takeHomeSaved',
      '0 pieces of advice saved in your notes.',
      '1 piece of advice saved in your notes.',
      '2 pieces of advice saved in your notes.',
    ],
  ])('words %s %s for 0, 1 and 2', (locale, key, zero, one, two) => {
    expect(translate(locale, key, { count: 0 })).toBe(zero);
    expect(translate(locale, key, { count: 1 })).toBe(one);
    expect(translate(locale, key, { count: 2 })).toBe(two);
  });
});
