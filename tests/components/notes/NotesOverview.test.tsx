import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '../../../components/common/I18n';
import { NotebookProvider } from '../../../components/notes/NotebookContext';
import { NotesOverview } from '../../../components/notes/NotesOverview';
import { Notebook } from '../../../lib/notebook/notebook';
import type { NoteDraft, TakeHome } from '../../../lib/notebook/note-codec';
import { COMPLIMENTS_TAKE_HOME } from '../../lib/notebook/fixtures';

// PBKDF2 runs 600k rounds (about half a second): tests that derive keys derive few, and get time.
const SLOW = 30_000;
const MARCH = Date.UTC(2025, 2, 12, 12);
const APRIL = Date.UTC(2025, 3, 9, 12);

let databases = 0;
const opened: Notebook[] = [];

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  for (const notebook of opened.splice(0)) notebook.close();
});

/** A real notebook on its own fake IndexedDB, with a clock that ticks a second per write. */
function openNotebook(indexedDB = new IDBFactory(), name = `test-${++databases}`) {
  let time = APRIL;
  const notebook = Notebook.open({ indexedDB, IDBKeyRange, name, now: () => (time += 1000) });
  opened.push(notebook);
  return notebook;
}

function draft(fields: Partial<NoteDraft> & Pick<NoteDraft, 'id' | 'text'>): NoteDraft {
  return {
    groupId: 'group-zorg',
    groupName: 'Intervisie Zorg',
    meetingId: 'meeting-april',
    meetingDate: APRIL,
    phaseId: 'questions',
    phaseName: 'Questions',
    kind: 'note',
    takeHome: null,
    ...fields,
  };
}

/** A fresh notebook holding one take-home, kept in the phase with this id and name. */
async function notebookWithTakeHome(phaseId: string, phaseName: string, takeHome: TakeHome) {
  const notebook = openNotebook();
  await notebook.save(
    draft({
      id: `take-home-${phaseId}`,
      text: '',
      kind: 'take-home',
      phaseId,
      phaseName,
      takeHome,
    }),
  );
  return notebook;
}

const TAKE_HOME = draft({
  id: 'take-home-april',
  text: '',
  kind: 'take-home',
  phaseId: 'advice',
  phaseName: 'Advice',
  takeHome: {
    caseTitle: 'De boze ouder',
    coreQuestion: 'Hoe houd ik rust als een ouder boos belt?',
    advice: [
      {
        text: 'Bel zelf eerst terug',
        authorName: 'Carla',
        starred: true,
        rank: 2,
        tried: false,
        why: null,
      },
      {
        text: 'Vraag je team om hulp',
        authorName: 'Bram',
        starred: false,
        rank: null,
        tried: true,
        why: null,
      },
      {
        text: 'Spreek een vast belmoment af',
        authorName: 'Anna',
        starred: true,
        rank: 1,
        tried: false,
        why: 'Dan weet de ouder waar hij aan toe is',
      },
    ],
    intentions: 'Volgende week een belmoment voorstellen',
  },
});

/** Three plain notes in two groups and three meetings, and a take-home. */
async function filledNotebook(notebook = openNotebook()) {
  await notebook.save(
    draft({ id: 'note-april', text: 'Een ouder die steeds boos belt', phaseName: 'Pitches' }),
  );
  await notebook.save(TAKE_HOME);
  await notebook.save(
    draft({
      id: 'note-march',
      meetingId: 'meeting-march',
      meetingDate: MARCH,
      phaseName: 'Evaluation',
      text: 'Ik vraag vaker door',
    }),
  );
  await notebook.save(
    draft({
      id: 'note-team',
      groupId: 'group-team',
      groupName: 'Teamleiders',
      meetingId: 'meeting-team',
      meetingDate: MARCH,
      phaseName: 'Advice',
      text: 'Grenzen stellen bij overwerk',
    }),
  );
  return notebook;
}

function renderOverview(notebook: Notebook | null) {
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(
    <I18nProvider locale="en">
      <NotebookProvider notebook={notebook}>
        <NotesOverview onClose={onClose} />
      </NotebookProvider>
    </I18nProvider>,
  );
  return { user, onClose, region: screen.getByRole('region', { name: 'My notes' }) };
}

const texts = (elements: HTMLElement[]) => elements.map((element) => element.textContent);

/** Captures what the export buttons hand to the browser's download. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:kring-test-${blobs.length}`;
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    names.push(this.download);
  });
  return { blobs, names, revoke };
}

function jsonFile(text: string, name = 'kring-notes.json') {
  return new File([text], name, { type: 'application/json' });
}

describe('the notes overview', () => {
  it('says so, and still closes, where the browser has no notebook', async () => {
    const { user, onClose, region } = renderOverview(null);
    expect(
      within(region).getByText(
        'This browser cannot keep notes, for example in a private window. Open Kring in a normal window to take notes.',
      ),
    ).toBeTruthy();
    await user.click(within(region).getByRole('button', { name: 'Close notes' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('says that there are no notes yet', async () => {
    const { region } = renderOverview(openNotebook());
    expect(await within(region).findByText(/^No notes yet\./)).toBeTruthy();
    expect(within(region).queryByRole('searchbox')).toBeNull();
  });

  it('lists the notes by group and by meeting, newest meeting first', async () => {
    renderOverview(await filledNotebook());
    const zorg = await screen.findByRole('region', { name: 'Intervisie Zorg' });
    expect(texts(within(zorg).getAllByRole('heading', { level: 4 }))).toEqual([
      'April 9, 2025',
      'March 12, 2025',
    ]);
    const april = within(zorg).getByRole('list', { name: 'April 9, 2025' });
    expect(april.textContent).toContain('Pitches');
    expect(april.textContent).toContain('Een ouder die steeds boos belt');
    const march = within(zorg).getByRole('list', { name: 'March 12, 2025' });
    expect(march.textContent).toContain('Evaluation');
    expect(march.textContent).toContain('Ik vraag vaker door');
    const team = screen.getByRole('region', { name: 'Teamleiders' });
    expect(team.textContent).toContain('Grenzen stellen bij overwerk');
    expect(team.textContent).not.toContain('Ik vraag vaker door');
  });

  it('shows a take-home with the core question, starred advice in rank order (with why it fits), what was already tried, and intentions', async () => {
    renderOverview(await filledNotebook());
    const zorg = await screen.findByRole('region', { name: 'Intervisie Zorg' });
    expect(
      within(zorg).getByText('Core question: Hoe houd ik rust als een ouder boos belt?'),
    ).toBeTruthy();
    const starred = within(zorg).getByRole('list', { name: 'Starred advice' });
    expect(texts(within(starred).getAllByRole('listitem'))).toEqual([
      'Spreek een vast belmoment af by Anna Why it fits: Dan weet de ouder waar hij aan toe is',
      'Bel zelf eerst terug by Carla',
    ]);
    const other = within(zorg).getByRole('list', { name: 'Other advice' });
    // Issue 14, point 4: the case bringer "geeft aan wat hij/zij al gedaan heeft".
    expect(texts(within(other).getAllByRole('listitem'))).toEqual([
      'Vraag je team om hulp by Bram already tried',
    ]);
    expect(within(zorg).getByText('Volgende week een belmoment voorstellen')).toBeTruthy();
    // A take-home is the advice as given: it can be deleted, not edited.
    expect(within(zorg).queryByRole('button', { name: 'Edit note: De boze ouder' })).toBeNull();
    expect(within(zorg).getByRole('button', { name: 'Delete note: De boze ouder' })).toBeTruthy();
  });

  it('lists a solution-focused take-home as compliments, not as advice', async () => {
    renderOverview(
      await notebookWithTakeHome('compliments', 'Compliments', {
        ...COMPLIMENTS_TAKE_HOME,
        scale: 6,
      }),
    );
    const zorg = await screen.findByRole('region', { name: 'Intervisie Zorg' });
    expect(within(zorg).getByText('Take-home: the compliments given to me')).toBeTruthy();
    expect(within(zorg).getByText('Where I was: 6 of 10')).toBeTruthy();
    const compliments = within(zorg).getByRole('list', { name: 'Compliments' });
    expect(compliments.textContent).toContain('Je bleef rustig');
    expect(within(zorg).queryByRole('list', { name: 'Other advice' })).toBeNull();
  });

  it('lists a Socratic take-home as the questions the case bringer rated, warm first', async () => {
    renderOverview(
      await notebookWithTakeHome('answers', 'Answers', {
        caseTitle: 'Nee zeggen',
        coreQuestion: null,
        advice: [],
        intentions: '',
        questions: [
          { text: 'Wat gebeurt er als je ja zegt?', authorName: 'Dirk', rating: 'warm' },
          { text: 'Wie wil dat je ja zegt?', authorName: 'Carla', rating: 'neutral' },
          { text: 'Wanneer lukte het wel?', authorName: 'Carla', rating: 'cold' },
        ],
      }),
    );
    const zorg = await screen.findByRole('region', { name: 'Intervisie Zorg' });
    expect(within(zorg).getByText('Take-home: the questions asked of me')).toBeTruthy();
    const list = (name: string) =>
      texts(within(within(zorg).getByRole('list', { name })).getAllByRole('listitem'));
    expect(list('Warm questions')).toEqual(['Wat gebeurt er als je ja zegt? by Dirk']);
    expect(list('Neutral questions')).toEqual(['Wie wil dat je ja zegt? by Carla']);
    expect(list('Cold questions')).toEqual(['Wanneer lukte het wel? by Carla']);
    expect(within(zorg).queryByText(/advice/)).toBeNull();
  });

  it('lists a Balint take-home’s first associations apart from the advice', async () => {
    const association = { text: 'Een kraan die blijft druppen', authorName: 'Dirk' };
    renderOverview(
      await notebookWithTakeHome('decision', 'Decision', {
        caseTitle: 'Nee zeggen',
        coreQuestion: null,
        advice: [
          {
            text: 'Zet een automatisch antwoord aan',
            authorName: 'Carla',
            starred: false,
            rank: null,
            tried: false,
            why: null,
          },
        ],
        intentions: '',
        associations: [association],
      }),
    );
    const zorg = await screen.findByRole('region', { name: 'Intervisie Zorg' });
    expect(within(zorg).getByText('Take-home: the advice given to me')).toBeTruthy();
    const list = (name: string) =>
      texts(within(within(zorg).getByRole('list', { name })).getAllByRole('listitem'));
    expect(list('First associations')).toEqual(['Een kraan die blijft druppen by Dirk']);
    expect(list('Other advice')).toEqual(['Zet een automatisch antwoord aan by Carla']);
  });

  it('heads a take-home of the case bringer’s own words alone as a take-home, not as advice', async () => {
    renderOverview(
      await notebookWithTakeHome('reaction', 'Reaction', {
        caseTitle: null,
        coreQuestion: null,
        advice: [],
        intentions: 'Morgen vraag ik het hem',
      }),
    );
    const zorg = await screen.findByRole('region', { name: 'Intervisie Zorg' });
    expect(within(zorg).getByText('Take-home')).toBeTruthy();
    expect(within(zorg).queryByText(/advice/)).toBeNull();
    expect(within(zorg).getByText('Morgen vraag ik het hem')).toBeTruthy();
  });

  it('narrows the list to the notes that match the search', async () => {
    const { user, region } = renderOverview(await filledNotebook());
    const search = await within(region).findByRole('searchbox', { name: 'Search my notes' });
    await user.type(search, 'grenzen');
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Intervisie Zorg' })).toBeNull(),
    );
    expect(screen.getByRole('region', { name: 'Teamleiders' })).toBeTruthy();
    expect(within(region).getByText('1 note found.')).toBeTruthy();

    await user.clear(search);
    await user.type(search, 'niets hierover');
    expect(await within(region).findByText('No notes match “niets hierover”.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Teamleiders' })).toBeNull();
  });

  it('saves an edit on every change, and gives the focus back when done', async () => {
    const notebook = await filledNotebook();
    const { user, region } = renderOverview(notebook);
    const edit = await within(region).findByRole('button', {
      name: 'Edit note: Ik vraag vaker door',
    });
    await user.click(edit);
    const field = within(region).getByRole('textbox', { name: 'Note text' });
    expect(document.activeElement).toBe(field);
    await user.type(field, ' en luister beter');
    await waitFor(async () =>
      expect((await notebook.get('note-march'))?.text).toBe('Ik vraag vaker door en luister beter'),
    );
    expect(await within(region).findByText('Saved on this device.')).toBeTruthy();
    const saved = await notebook.get('note-march');
    expect(saved?.phaseName).toBe('Evaluation');
    expect(saved?.meetingDate).toBe(MARCH);

    await user.click(within(region).getByRole('button', { name: 'Done' }));
    expect(within(region).queryByRole('textbox', { name: 'Note text' })).toBeNull();
    expect(document.activeElement).toBe(
      within(region).getByRole('button', {
        name: 'Edit note: Ik vraag vaker door en luister beter',
      }),
    );
  });

  it('deletes one note only after it is confirmed', async () => {
    const notebook = await filledNotebook();
    const { user, region } = renderOverview(notebook);
    const name = 'Delete note: Grenzen stellen bij overwerk';
    await user.click(await within(region).findByRole('button', { name }));
    const confirm = within(region).getByRole('group', { name: 'Delete this note?' });
    // The safe choice has the focus: Enter right away deletes nothing.
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Enter}');
    expect(within(region).queryByRole('group', { name: 'Delete this note?' })).toBeNull();
    expect(await notebook.get('note-team')).not.toBeNull();

    await user.click(within(region).getByRole('button', { name }));
    await user.click(within(region).getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Teamleiders' })).toBeNull());
    expect(await notebook.get('note-team')).toBeNull();
    expect((await notebook.list()).length).toBe(3);
    expect(within(region).getByText('Note deleted.')).toBeTruthy();
  });

  it('deletes all notes after a confirmation that says how many and that it is final', async () => {
    const notebook = await filledNotebook();
    const { user, region } = renderOverview(notebook);
    await user.click(await within(region).findByRole('button', { name: 'Delete all notes' }));
    const confirm = within(region).getByRole('group', {
      name: 'Delete all 4 notes? This cannot be undone. Export first if you want to keep a copy.',
    });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect((await notebook.list()).length).toBe(4);

    await user.click(within(region).getByRole('button', { name: 'Delete all notes' }));
    await user.click(within(region).getByRole('button', { name: 'Yes, delete all notes' }));
    expect(await within(region).findByText(/^No notes yet\./)).toBeTruthy();
    expect(await notebook.list()).toEqual([]);
    expect(within(region).getByText('All notes deleted.')).toBeTruthy();
  });

  it('downloads a Markdown export that holds the notes', async () => {
    const downloads = captureDownloads();
    const { user, region } = renderOverview(await filledNotebook());
    await user.click(await within(region).findByRole('button', { name: 'Export as Markdown' }));
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    const markdown = await downloads.blobs[0]!.text();
    expect(markdown).toContain('Grenzen stellen bij overwerk');
    expect(markdown).toContain('Spreek een vast belmoment af');
    expect(downloads.names[0]).toMatch(/^kring-notes-\d{4}-\d{2}-\d{2}\.md$/);
    await waitFor(() => expect(downloads.revoke).toHaveBeenCalledWith('blob:kring-test-1'));
    expect(within(region).getByText(`Downloaded ${downloads.names[0]}.`)).toBeTruthy();
  });

  it('imports its own JSON export into another notebook', async () => {
    const downloads = captureDownloads();
    const first = renderOverview(await filledNotebook());
    await first.user.click(
      await within(first.region).findByRole('button', { name: 'Export as JSON' }),
    );
    await waitFor(() => expect(downloads.blobs).toHaveLength(1));
    const exported = await downloads.blobs[0]!.text();
    expect(exported).toContain('Ik vraag vaker door');
    expect(downloads.names[0]).toMatch(/^kring-notes-\d{4}-\d{2}-\d{2}\.json$/);
    cleanup();

    const other = openNotebook();
    const { user, region } = renderOverview(other);
    await within(region).findByText(/^No notes yet\./);
    const input = within(region).getByLabelText('Import notes from a JSON export');
    await user.upload(input, jsonFile(exported));
    expect(await within(region).findByText('Imported: 4 new, 0 updated.')).toBeTruthy();
    expect(await screen.findByRole('region', { name: 'Teamleiders' })).toBeTruthy();
    expect((await other.list()).map((note) => note.id).sort()).toEqual([
      'note-april',
      'note-march',
      'note-team',
      'take-home-april',
    ]);

    await user.upload(input, jsonFile(exported));
    expect(await within(region).findByText('Imported: 0 new, 0 updated.')).toBeTruthy();
  });

  it.each([
    ['not JSON', 'Dit is geen export', 'This file is not JSON, so it is not a Kring notes export.'],
    ['another format', '{"format":"iets-anders"}', 'This file is not a Kring notes export.'],
    [
      'a newer version',
      '{"format":"kring-notebook","version":2,"notes":[]}',
      'This export comes from a newer or unknown version of Kring.',
    ],
    [
      'a damaged note',
      '{"format":"kring-notebook","version":1,"notes":[{"id":"note-new-one"}]}',
      'Some notes in this file are damaged or too long, so none were imported.',
    ],
  ])('refuses a file with %s, says why, and changes nothing', async (_, content, reason) => {
    const notebook = await filledNotebook();
    const before = await notebook.list();
    const { user, region } = renderOverview(notebook);
    const input = await within(region).findByLabelText('Import notes from a JSON export');
    await user.upload(input, jsonFile(content));
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toContain(reason);
    expect(alert.textContent).toContain('Nothing was changed.');
    expect(await notebook.list()).toEqual(before);
  });

  it('refuses a file over 5 MB without reading it', async () => {
    const notebook = await filledNotebook();
    const { user, region } = renderOverview(notebook);
    const input = await within(region).findByLabelText('Import notes from a JSON export');
    const big = jsonFile('x');
    Object.defineProperty(big, 'size', { value: 6 * 1024 * 1024 });
    const read = vi.spyOn(big, 'text');
    await user.upload(input, big);
    expect((await within(region).findByRole('alert')).textContent).toBe(
      'This file is larger than 5 MB, the most Kring imports. Nothing was changed.',
    );
    expect(read).not.toHaveBeenCalled();
  });

  it(
    'asks a locked notebook for its passphrase, and a wrong one changes nothing',
    async () => {
      const indexedDB = new IDBFactory();
      const setup = await filledNotebook(openNotebook(indexedDB, 'locked'));
      expect(await setup.enableEncryption('lange wachtwoordzin')).toEqual({ ok: true });
      // Another panel of the same device: the notes are there, the key is not.
      const { user, region } = renderOverview(openNotebook(indexedDB, 'locked'));

      const unlock = await within(region).findByRole('button', { name: 'Unlock' });
      expect(
        within(region).getByText('Your notebook is protected with a passphrase.'),
      ).toBeTruthy();
      expect(within(region).queryByRole('searchbox')).toBeNull();
      await user.type(within(region).getByLabelText('Passphrase'), 'verkeerd');
      await user.click(unlock);
      expect((await within(region).findByRole('alert', {}, { timeout: 10_000 })).textContent).toBe(
        'That passphrase is not right. Your notes stay locked.',
      );
      expect(within(region).getByRole('button', { name: 'Unlock' })).toBeTruthy();

      const field = within(region).getByLabelText('Passphrase');
      await user.clear(field);
      await user.type(field, 'lange wachtwoordzin{Enter}');
      expect(
        await screen.findByRole('region', { name: 'Teamleiders' }, { timeout: 10_000 }),
      ).toBeTruthy();
    },
    SLOW,
  );

  it('refuses to protect the notes with an empty or a mistyped passphrase', async () => {
    const notebook = await filledNotebook();
    const { user, region } = renderOverview(notebook);
    const section = await within(region).findByRole('region', {
      name: 'Protect with a passphrase',
    });
    // Plain words: the cipher and its key derivation are for docs/threat-model.md.
    expect(section.textContent).toContain('without it nobody can read them, not even us');
    expect(section.textContent).not.toMatch(/AES|PBKDF|iteration/);
    expect(section.textContent).toContain('nobody can recover your notes');
    // What was stored before stays in the browser's files a while (threat-model, 'At rest').
    expect(section.textContent).toContain('Best set the passphrase before your first meeting.');
    const protect = within(section).getByRole('button', { name: 'Protect my notes' });

    await user.click(protect);
    expect(within(section).getByRole('alert').textContent).toBe('Choose a passphrase first.');

    await user.type(within(section).getByLabelText('New passphrase'), 'lange wachtwoordzin');
    await user.type(
      within(section).getByLabelText('Repeat the new passphrase'),
      'lange wachtwoordzn',
    );
    await user.click(protect);
    expect(within(section).getByRole('alert').textContent).toBe(
      'The two passphrases are not the same. Nothing was changed.',
    );
    expect(await notebook.encryptionState()).toBe('off');
  });

  it('measures a new passphrase as it is typed and refuses a weak one', async () => {
    const notebook = await filledNotebook();
    const { user, region } = renderOverview(notebook);
    const section = await within(region).findByRole('region', {
      name: 'Protect with a passphrase',
    });
    const field = within(section).getByLabelText('New passphrase');
    expect(field.getAttribute('aria-describedby')).toBeTruthy();
    const describedBy = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    // Nothing typed, nothing to warn of: not even an empty warning box under the field.
    expect(describedBy?.textContent).toBe('');
    expect(describedBy?.classList.contains('warning')).toBe(false);
    await user.type(field, 'abcabcabc');
    // The line under the field is the field's description, in plain words.
    expect(await within(section).findByText(/keyboard rows, repeats, sequences/)).toBeTruthy();
    expect(describedBy?.textContent).toMatch(/^Too weak/);
    expect(describedBy?.classList.contains('warning')).toBe(true);
    await user.type(within(section).getByLabelText('Repeat the new passphrase'), 'abcabcabc');
    await user.click(within(section).getByRole('button', { name: 'Protect my notes' }));
    expect(within(section).getByRole('alert').textContent).toBe(
      'This passphrase is too easy to guess. Choose a stronger one.',
    );
    expect(await notebook.encryptionState()).toBe('off');

    await user.clear(field);
    await user.type(field, 'password1');
    expect(describedBy?.textContent).toMatch(/common password, a name or a single word/);
    await user.clear(field);
    await user.type(field, 'fiets lamp wolk thee');
    expect(describedBy?.textContent).toBe('Strong enough.');
    expect(describedBy?.classList.contains('warning')).toBe(false);
    await user.clear(field);
    expect(describedBy?.classList.contains('warning')).toBe(false);
  });

  it(
    'protects the notes, changes the passphrase, and locks them on request',
    async () => {
      const notebook = await filledNotebook();
      const { user, region } = renderOverview(notebook);
      const section = await within(region).findByRole('region', {
        name: 'Protect with a passphrase',
      });
      await user.type(within(section).getByLabelText('New passphrase'), 'eerste wachtwoordzin');
      await user.type(
        within(section).getByLabelText('Repeat the new passphrase'),
        'eerste wachtwoordzin',
      );
      await user.click(within(section).getByRole('button', { name: 'Protect my notes' }));
      expect(
        await within(section).findByText(
          'Your notes are now locked with your passphrase.',
          undefined,
          {
            timeout: 10_000,
          },
        ),
      ).toBeTruthy();
      expect(await notebook.encryptionState()).toBe('unlocked');

      await user.click(
        await within(section).findByRole('button', { name: 'Change passphrase', expanded: false }),
      );
      const change = within(section).getByRole('form', { name: 'Change passphrase' });
      await user.type(within(change).getByLabelText('Current passphrase'), 'eerste wachtwoordzin');
      await user.type(within(change).getByLabelText('New passphrase'), 'tweede wachtwoordzin');
      await user.type(
        within(change).getByLabelText('Repeat the new passphrase'),
        'tweede wachtwoordzin',
      );
      await user.click(within(change).getByRole('button', { name: 'Save the new passphrase' }));
      expect(
        await within(section).findByText(
          'Passphrase changed: your notes are now locked with the new one.',
          undefined,
          { timeout: 10_000 },
        ),
      ).toBeTruthy();
      // The overview stays open on the notes: the new key is in place.
      expect(await screen.findByRole('region', { name: 'Teamleiders' })).toBeTruthy();

      await user.click(within(section).getByRole('button', { name: 'Lock now' }));
      const unlock = await within(region).findByRole('button', { name: 'Unlock' });
      expect(screen.queryByRole('region', { name: 'Teamleiders' })).toBeNull();
      await user.type(within(region).getByLabelText('Passphrase'), 'tweede wachtwoordzin');
      await user.click(unlock);
      expect(
        await screen.findByRole('region', { name: 'Teamleiders' }, { timeout: 10_000 }),
      ).toBeTruthy();
    },
    SLOW,
  );

  describe('storage', () => {
    afterEach(() => {
      Reflect.deleteProperty(navigator, 'storage');
    });

    it('says whether the browser keeps the notes, and asks it to', async () => {
      const persist = vi.fn(async () => true);
      Object.defineProperty(navigator, 'storage', {
        configurable: true,
        value: { persisted: async () => false, persist },
      });
      const { user, region } = renderOverview(openNotebook());
      const section = await within(region).findByRole('region', {
        name: 'Where your notes are stored',
      });
      expect(section.textContent).toContain('Uninstalling the extension');
      expect(
        await within(section).findByText(
          'This browser may clear your notes when it runs short of space.',
        ),
      ).toBeTruthy();
      await user.click(
        within(section).getByRole('button', { name: 'Ask the browser to keep my notes' }),
      );
      expect(persist).toHaveBeenCalledOnce();
      expect(await within(section).findByText('The browser will keep your notes.')).toBeTruthy();
      expect(
        within(section).getByText(
          'This browser keeps your notes until you delete them (persistent storage).',
        ),
      ).toBeTruthy();
    });

    it('leaves out the question where the browser has no storage manager', async () => {
      const { region } = renderOverview(openNotebook());
      const section = await within(region).findByRole('region', {
        name: 'Where your notes are stored',
      });
      expect(within(section).queryByRole('button')).toBeNull();
    });
  });
});
