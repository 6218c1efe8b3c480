import { afterEach, describe, expect, it } from 'vitest';
import { searchNotes } from '../../../lib/notebook/notebook-search';
import type { Note } from '../../../lib/notebook/note-codec';
import {
  closeOpened,
  draft,
  fillNotebook,
  setup,
  START,
  TAKE_HOME,
  takeHomeDraft,
} from './fixtures';

afterEach(closeOpened);

describe('search', () => {
  it('ignores case and diacritics in the query and in the notes', async () => {
    const { notebook } = setup();
    await notebook.save(draft({ text: 'Gesprek met de cliënt over één afspraak' }));
    for (const query of ['CLIENT', 'cliënt', 'een afspraak', 'ÉÉN', 'Eén Cliënt']) {
      expect(
        (await notebook.search(query)).map((n) => n.id),
        query,
      ).toEqual(['note-0001']);
    }
    expect(await notebook.search('clienten')).toEqual([]);
  });

  it('needs every word to match, each in any field', async () => {
    const { notebook } = setup();
    await notebook.save(draft({ id: 'note-0001', text: 'Over de nachtdienst' }));
    await notebook.save(draft({ id: 'note-0002', text: 'Over de dagdienst', phaseName: 'Advies' }));
    const ids = async (query: string) => (await notebook.search(query)).map((n) => n.id);
    expect(await ids('nachtdienst verpleegkundigen')).toEqual(['note-0001']);
    expect(await ids('over   analysefase')).toEqual(['note-0001']);
    expect(await ids('dagdienst advies')).toEqual(['note-0002']);
    expect(await ids('nachtdienst dagdienst')).toEqual([]);
  });

  it('searches the take-home: case, core question, advice, advisers and intentions', async () => {
    const { notebook } = setup();
    await notebook.save(draft());
    await notebook.save(takeHomeDraft());
    for (const query of [
      'grenzen',
      'bellende',
      'beltijden',
      'leidinggevende',
      'sara',
      'volgende',
    ]) {
      expect(
        (await notebook.search(query)).map((n) => n.id),
        query,
      ).toEqual(['home-0001']);
    }
  });

  it.each([
    [
      'the questions the case bringer took home, and who asked them',
      { questions: [{ text: 'Wanneer lukte het wél?', authorName: 'Dirkje', rating: 'warm' }] },
      ['lukte wel', 'dirkje'],
    ],
    [
      'the first associations the case bringer took home, and who wrote them',
      { associations: [{ text: 'Een kraan die blijft druppen', authorName: 'Dirkje' }] },
      ['kraan druppen', 'dirkje'],
    ],
  ] as const)('searches %s', async (_, extra, queries) => {
    const { notebook } = setup();
    await notebook.save(draft());
    await notebook.save(takeHomeDraft({ takeHome: { ...TAKE_HOME, ...extra } }));
    for (const query of queries) {
      expect((await notebook.search(query)).map((n) => n.id)).toEqual(['home-0001']);
    }
  });

  it('returns every note for an empty query', async () => {
    const { notebook } = setup();
    await fillNotebook(notebook);
    expect(await notebook.search('  ')).toEqual(await notebook.list());
  });
});

describe('searchNotes', () => {
  const notes: Note[] = [
    { ...draft({ id: 'note-0001', text: 'Over de cliënt' }), createdAt: START, updatedAt: START },
    { ...takeHomeDraft(), createdAt: START, updatedAt: START },
    { ...draft({ id: 'note-0002', text: 'Over de nachtdienst' }), createdAt: 0, updatedAt: 0 },
  ];
  it.each<[string, string, string[]]>([
    ['every note, in order, for a blank query', ' \t', ['note-0001', 'home-0001', 'note-0002']],
    ['a word without its diacritics', 'client', ['note-0001', 'home-0001']],
    ['a word in another case', 'NACHTDIENST', ['note-0002']],
    ['the group name', 'verpleegkundigen', ['note-0001', 'home-0001', 'note-0002']],
    ['the phase name', 'evaluatie', ['home-0001']],
    ['an adviser', 'anna', ['home-0001']],
    ['only notes holding every word', 'over nachtdienst', ['note-0002']],
    ['nothing when a word is nowhere', 'over dagdienst', []],
  ])('finds %s', (_, query, ids) => {
    expect(searchNotes(notes, query).map((n) => n.id)).toEqual(ids);
  });
});
