import { describe, expect, it } from 'vitest';
import { MESSAGES, translate } from '../../../lib/i18n/messages';
import { pickLocale } from '../../../lib/i18n/i18n';

describe('messages', () => {
  it('has every message in Dutch and English with the same placeholders', () => {
    for (const [key, message] of Object.entries(MESSAGES)) {
      expect(message.nl.trim(), key).not.toBe('');
      expect(message.en.trim(), key).not.toBe('');
      const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(message.nl), key).toEqual(holes(message.en));
    }
  });

  it('fills placeholders', () => {
    expect(translate('nl', 'phaseOf', { index: 2, total: 5 })).toBe('Fase 2 van 5');
    expect(translate('en', 'connectedMany', { count: 4 })).toBe('Connected to 4 members.');
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
