import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { PanelApp } from '../../../components/shell/PanelApp';
import { deferNotebook, NOTEBOOK_DATABASE } from '../../../components/shell/deferred-notebook';
import { memoryStore } from '../../../lib/device/key-value-store';
import { createPanelStore } from '../../../lib/device/panel-store';
import type { RememberedGroup } from '../../../lib/device/groups';
import type { Settings } from '../../../lib/device/settings';
import { createInvite } from '../../../lib/invite/invite';
import { Notebook } from '../../../lib/notebook/notebook';
import { NOTEBOOK_DB_NAME } from '../../../lib/notebook/notebook-schema';

const DEFAULTS: Settings = {
  signalingUrl: 'ws://127.0.0.1:9',
  locale: 'en',
  sound: 'always',
  iceServers: [],
  relayOnly: false,
};
const PASSPHRASE = 'fiets lamp wolk thee';
const opened: Notebook[] = [];
afterEach(async () => {
  cleanup();
  // What the unmounted panel started (a read of the notes, the keys) finishes before the
  // database closes under it; closed first, it rejected as an unhandled DatabaseClosedError.
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const book of opened.splice(0)) book.close();
});

function notebook(): Notebook {
  const made = Notebook.open({ indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(made);
  return made;
}

function group(name: string): RememberedGroup {
  return {
    groupId: `group-${name.replace(/\W/g, '')}`,
    code: createInvite().code,
    name,
    memberName: 'Anna',
    memberId: `member-${name.replace(/\W/g, '')}`,
    lastUsedAt: 1,
    signalingUrl: null,
    iceServers: [],
  };
}

/** A promise and its resolve, for a notebook whose code is still on its way. */
function later<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the notebook while its code loads', () => {
  it('names the database the notebook opens', () => {
    expect(NOTEBOOK_DATABASE).toBe(NOTEBOOK_DB_NAME);
  });

  it('answers "no passphrase" at once where the device has no notebook database', async () => {
    const code = later<Notebook | null>();
    const deferred = deferNotebook(code.promise, async () => false);
    expect(await deferred.atRestKeys()).toEqual({ state: 'off' });
    expect(deferred.current()).toBeUndefined();
  });

  it('waits for the notebook where a database exists, and gives its keys', async () => {
    const book = notebook();
    expect(await book.enableEncryption(PASSPHRASE)).toEqual({ ok: true });
    book.lock();
    const code = later<Notebook | null>();
    const deferred = deferNotebook(code.promise, async () => true);
    let answered = false;
    const keys = deferred.atRestKeys().then((k) => {
      answered = true;
      return k;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    code.resolve(book);
    expect(await keys).toMatchObject({ state: 'locked' });
    expect(deferred.current()).toBe(book);
  });

  it('tells its listeners when the notebook is here, so keys answered without it are read again', async () => {
    const code = later<Notebook | null>();
    const deferred = deferNotebook(code.promise, async () => false);
    let told = 0;
    deferred.subscribe(() => (told += 1));
    code.resolve(notebook());
    await deferred.ready;
    await Promise.resolve();
    expect(told).toBe(1);
  });

  it('runs without notes when the code fails to load', async () => {
    const deferred = deferNotebook(Promise.reject(new Error('offline')), async () => true);
    expect(await deferred.atRestKeys()).toEqual({ state: 'off' });
    expect(deferred.current()).toBeNull();
  });
});

describe('the panel while the notebook loads', () => {
  it('shows its header at once and no sealed group before the notebook answers', async () => {
    const store = memoryStore();
    const book = notebook();
    expect(await book.enableEncryption(PASSPHRASE)).toEqual({ ok: true });
    // Groups stored sealed with the passphrase, then the notebook locked (a new page).
    const sealer = createPanelStore(store, DEFAULTS, book);
    await sealer.load();
    await sealer.saveGroup(group('Team Oost'));
    book.lock();

    const code = later<Notebook | null>();
    render(
      <PanelApp
        store={store}
        defaults={DEFAULTS}
        initialInvite=""
        browserLanguages={['en']}
        notebook={code.promise}
      />,
    );
    expect(await screen.findByRole('button', { name: 'My notes' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Language' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Your groups' })).toBeNull();
    expect(screen.queryByText(/Team Oost/)).toBeNull();

    code.resolve(book);
    expect(
      await screen.findByText(
        'Your groups are protected with your passphrase. Unlock to see your groups.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/Team Oost/)).toBeNull();
  });

  it("shows a plain list of remembered groups before the notebook's code is here", async () => {
    const store = memoryStore();
    const plain = createPanelStore(store, DEFAULTS);
    await plain.load();
    await plain.saveGroup(group('Team West'));
    const code = later<Notebook | null>();
    render(
      <PanelApp
        store={store}
        defaults={DEFAULTS}
        initialInvite=""
        browserLanguages={['en']}
        notebook={code.promise}
      />,
    );
    expect(await screen.findByRole('button', { name: 'My notes' })).toBeTruthy();
    // Plain is what a device without a passphrase keeps: a returning member's first screen.
    expect(await screen.findByRole('button', { name: 'Open Team West' })).toBeTruthy();
    code.resolve(notebook());
    // The notebook says nothing is sealed: the list stays.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('button', { name: 'Open Team West' })).toBeTruthy();
  });
});
