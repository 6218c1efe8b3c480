import { afterEach, describe, expect, it } from 'vitest';
import { notesToJson, notesToMarkdown } from '../../../lib/notebook/notebook-export';
import { parseImport } from '../../../lib/notebook/notebook-import';
import type { Note, TakeHome } from '../../../lib/notebook/note-codec';
import {
  APRIL,
  closeOpened,
  COMPLIMENTS_TAKE_HOME,
  draft,
  fillNotebook,
  MARCH,
  setup,
  START,
} from './fixtures';

afterEach(closeOpened);

function note(overrides: Partial<Note> = {}): Note {
  return { ...draft(), createdAt: START, updatedAt: START, ...overrides };
}

describe('the Markdown export of the notebook', () => {
  it('writes Markdown by group and meeting, with phases and the take-home in order', async () => {
    const { notebook } = setup();
    await fillNotebook(notebook);
    const md = await notebook.exportMarkdown('nl');
    const at = (text: string) => {
      const index = md.indexOf(text);
      expect(index, text).toBeGreaterThanOrEqual(0);
      return index;
    };
    expect(at('# Kring: notitieboek')).toBe(0);
    expect(at('## Teamleiders')).toBeLessThan(at('## Verpleegkundigen B3'));
    expect(at('### 2025-04-09')).toBeLessThan(at('### 2025-03-12'));
    expect(at('#### Analysefase')).toBeGreaterThan(0);
    expect(at('Maart')).toBeGreaterThan(at('### 2025-03-12'));
    expect(at('#### Mee naar huis')).toBeGreaterThan(at('Maart'));
    expect(at('**Casus:** De bellende cliënt')).toBeGreaterThan(0);
    expect(at('**Kernvraag:** Hoe houd ik grenzen aan')).toBeGreaterThan(0);
    expect(at('1. Vraag wat de cliënt eigenlijk zoekt (Sara)')).toBeLessThan(
      at('2. Spreek vaste beltijden af (Piet)'),
    );
    expect(at('**Andere adviezen**')).toBeLessThan(
      at('- Bespreek het met je leidinggevende (Anna)'),
    );
    expect(at('**Voornemens**')).toBeLessThan(at('Volgende week beltijden voorstellen.'));
    expect(await notebook.exportMarkdown('en')).toContain('**Core question:**');
  });
});

describe('notesToMarkdown', () => {
  it('calls compliments compliments, not advice', () => {
    const home = note({ kind: 'take-home', text: '' });
    const { items: _items, ...asAdvice } = COMPLIMENTS_TAKE_HOME;
    const md = (takeHome: TakeHome) => notesToMarkdown([{ ...home, takeHome }], START, 'en');
    expect(md(COMPLIMENTS_TAKE_HOME)).toContain('**Compliments**\n\n- Je bleef rustig (Carla)');
    expect(md(COMPLIMENTS_TAKE_HOME)).not.toContain('advice');
    expect(md(asAdvice)).toContain('**Other advice**');
  });

  it('lists the questions the case bringer rated, warm first, by their rating', () => {
    const home = note({ kind: 'take-home', text: '' });
    const takeHome: TakeHome = {
      caseTitle: 'Nee zeggen',
      coreQuestion: null,
      advice: [],
      intentions: '',
      questions: [
        { text: 'Wat gebeurt er als je ja zegt?', authorName: 'Dirk', rating: 'warm' },
        { text: 'Wanneer lukte het\nwel?', authorName: 'Carla', rating: 'cold' },
      ],
    };
    const md = notesToMarkdown([{ ...home, takeHome }], START, 'nl');
    expect(md).toContain(
      '**Warme vragen**\n\n- Wat gebeurt er als je ja zegt? (Dirk)\n\n**Koude vragen**\n\n- Wanneer lukte het\n  wel? (Carla)\n',
    );
    expect(md).not.toContain('Neutrale vragen');
    expect(notesToMarkdown([{ ...home, takeHome }], START, 'en')).toContain('**Warm questions**');
  });

  it('lists the first associations apart from the advice (Balint)', () => {
    const home = note({ kind: 'take-home', text: '' });
    const takeHome: TakeHome = {
      caseTitle: null,
      coreQuestion: null,
      advice: [],
      intentions: '',
      associations: [{ text: 'Een kraan die\nblijft druppen', authorName: 'Dirk' }],
    };
    expect(notesToMarkdown([{ ...home, takeHome }], START, 'nl')).toContain(
      '**Eerste associaties**\n\n- Een kraan die\n  blijft druppen (Dirk)\n',
    );
    expect(notesToMarkdown([{ ...home, takeHome }], START, 'en')).not.toContain('advice');
  });

  it('says where the case bringer was on the scaling question, after the core question', () => {
    const home = note({ kind: 'take-home', text: '' });
    const takeHome = { ...COMPLIMENTS_TAKE_HOME, coreQuestion: 'Hoe krijg ik rust?', scale: 0 };
    const md = notesToMarkdown([{ ...home, takeHome }], START, 'en');
    expect(md).toContain('**Core question:** Hoe krijg ik rust?\n\n**Where I was (0 to 10):** 0\n');
    expect(
      notesToMarkdown([{ ...home, takeHome: COMPLIMENTS_TAKE_HOME }], START, 'en'),
    ).not.toContain('Where I was');
  });

  it('heads a group by its newest non-blank name, or as unnamed when none has one', () => {
    const md = notesToMarkdown(
      [
        note({ id: 'new-0001', groupName: '  ', meetingId: 'meeting-new', meetingDate: APRIL }),
        note({ id: 'mid-0001', groupName: 'Nieuwe\nnaam', meetingId: 'meeting-mid' }),
        note({ id: 'old-0001', groupName: 'Oude naam', meetingId: 'meeting-old' }),
        note({ id: 'else-0001', groupId: 'group-0002', groupName: '' }),
      ],
      START,
      'nl',
    );
    expect(md).toContain('## Nieuwe naam\n');
    expect(md).not.toContain('Oude naam');
    expect(md).toContain('## Groep zonder naam\n');
  });

  it.each<[string, Partial<Note>, string]>([
    ['its phase name on one line', { phaseName: ' Analyse\nfase ' }, '#### Analyse fase'],
    ['its phase id without a phase name', { phaseName: '', phaseId: 'analysis' }, '#### analysis'],
    ['"Notes" without any phase', { phaseName: '', phaseId: '' }, '#### Notes'],
    ['"Take-home" for a take-home', { kind: 'take-home' }, '#### Take-home'],
  ])('heads a note by %s', (_, overrides, heading) => {
    expect(notesToMarkdown([note(overrides)], START, 'en')).toContain(`${heading}\n`);
  });

  it('indents the further lines of an advice so that Markdown keeps them in the list item', () => {
    const takeHome = {
      coreQuestion: null,
      caseTitle: null,
      advice: [
        {
          text: 'Eerst dit\ndan dat',
          authorName: 'Piet',
          starred: false,
          rank: null,
          tried: false,
          why: null,
        },
      ],
      intentions: '',
    };
    const md = notesToMarkdown([note({ kind: 'take-home', takeHome })], START, 'nl');
    expect(md).toContain('- Eerst dit\n  dan dat (Piet)\n');
  });

  it('says which advice was already tried and why chosen advice fits (issue 14, point 4)', () => {
    const takeHome = {
      coreQuestion: null,
      caseTitle: null,
      advice: [
        {
          text: 'Vast belmoment',
          authorName: 'Piet',
          starred: true,
          rank: 1,
          tried: false,
          why: 'Dan weet\nde ouder het',
        },
        {
          text: 'Terugbellen',
          authorName: 'Anna',
          starred: false,
          rank: null,
          tried: true,
          why: null,
        },
      ],
      intentions: '',
    };
    const md = notesToMarkdown([note({ kind: 'take-home', takeHome })], START, 'nl');
    expect(md).toContain('1. Vast belmoment (Piet)\n   Waarom dit past: Dan weet de ouder het\n');
    expect(md).toContain('- Terugbellen (Anna) _al geprobeerd_\n');
    expect(notesToMarkdown([note({ kind: 'take-home', takeHome })], START, 'en')).toContain(
      'Why it fits: Dan weet de ouder het',
    );
  });

  it('dates the export and each meeting by the local calendar day', () => {
    const md = notesToMarkdown([note({ meetingDate: MARCH })], APRIL, 'en');
    expect(md.startsWith('# Kring: notebook\n\nExported on 2025-04-09\n')).toBe(true);
    expect(md).toContain('### 2025-03-12\n');
  });
});

describe('notesToJson', () => {
  it('writes a file that the import reads back to the same notes', () => {
    const notes = [note({ id: 'note-0002' }), note()];
    expect(JSON.parse(notesToJson(notes, START))).toMatchObject({ exportedAt: START });
    expect(parseImport(notesToJson(notes, START))).toEqual({ ok: true, notes });
  });
});
