import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AttendanceRecord } from '../../../components/shell/AttendanceRecord';
import { writeAttendancePage } from '../../../components/shell/attendance-print';
import { useAttendanceRecord, useRecordAttendance } from '../../../components/shell/useAttendance';
import type { MeetingAttendance } from '../../../components/shell/useAttendance';
import { I18nProvider } from '../../../components/common/I18n';
import { ATTENDANCE_KEY, attendanceItem } from '../../../lib/device/attendance';
import type { AttendanceEntry } from '../../../lib/device/attendance';
import { memoryStore } from '../../../lib/device/key-value-store';
import type { KeyValueStore } from '../../../lib/device/key-value-store';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ReactNode } from 'react';
import { Notebook } from '../../../lib/notebook/notebook';
import { NotebookProvider } from '../../../components/notes/NotebookContext';
import type { MeetingSummary } from '../../../lib/shared-doc/meeting-end';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const SECRET = 'Cliënt dreigt met een klacht';
const at = (h: number, m: number, day = 14) => new Date(2026, 2, day, h, m).getTime();

function entry(n: number, over: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return {
    meetingId: `meeting-${String(n).padStart(4, '0')}`,
    groupId: 'group-0001',
    groupName: 'Wijkteam Oost',
    startedAt: at(14, 0, n),
    endedAt: at(15, 30, n),
    methodId: 'basic',
    role: 'member',
    present: ['Anna', 'Bram'],
    ...over,
  };
}

describe('the printed attendance record', () => {
  it('is a page in the member language with the columns, one row per meeting and the total', () => {
    const doc = document.implementation.createHTMLDocument('');
    writeAttendancePage(doc, [entry(2), entry(1, { role: 'chair' })], 'nl', at(10, 0, 20));
    expect(doc.documentElement.lang).toBe('nl');
    expect(doc.querySelector('h1')?.textContent).toBe('Aanwezigheidsoverzicht');
    const headers = [...doc.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual([
      'Groep',
      'Datum',
      'Begin',
      'Einde',
      'Duur',
      'Werkvorm',
      'Rol',
      'Aanwezig',
    ]);
    const rows = [...doc.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[6], r[7]])).toEqual([
      ['Wijkteam Oost', '2026-03-01', '14:00', '15:30', '1:30', 'voorzitter', 'Anna, Bram'],
      ['Wijkteam Oost', '2026-03-02', '14:00', '15:30', '1:30', 'deelnemer', 'Anna, Bram'],
    ]);
    expect(doc.querySelector('tfoot')?.textContent).toBe('Totaal: 2 bijeenkomsten, 3 uur');
  });

  it('shows a name from a peer as text, never as markup', () => {
    const doc = document.implementation.createHTMLDocument('');
    writeAttendancePage(doc, [entry(1, { present: ['<img src=x onerror=alert(1)>'] })], 'en', 0);
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.querySelector('tbody td:last-child')?.textContent).toBe(
      '<img src=x onerror=alert(1)>',
    );
    expect(doc.querySelector('tfoot')?.textContent).toBe('Total: 1 meeting, 1.5 hours');
  });
});

describe('the attendance record on the home screen', () => {
  async function renderRecord(entries: AttendanceEntry[], locale: 'nl' | 'en' = 'en') {
    const store = memoryStore();
    await attendanceItem.write(store, { plain: entries });
    render(
      <I18nProvider locale={locale}>
        <AttendanceRecord store={store} />
      </I18nProvider>,
    );
    return store;
  }

  it('is folded, and unfolds to the total and the two ways out', async () => {
    await renderRecord([entry(1), entry(2)]);
    const toggle = screen.getByRole('button', { name: 'Attendance record' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Download as CSV' })).toBeNull();
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await screen.findByText('Total: 2 meetings, 3 hours')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
  });

  it('names its controls in Dutch', async () => {
    await renderRecord([entry(1)], 'nl');
    await userEvent.click(screen.getByRole('button', { name: 'Aanwezigheidsoverzicht' }));
    expect(await screen.findByRole('button', { name: 'Download als CSV' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Afdrukken' })).toBeTruthy();
  });

  it('says so when there is nothing yet', async () => {
    await renderRecord([]);
    await userEvent.click(screen.getByRole('button', { name: 'Attendance record' }));
    expect(await screen.findByText('No meetings on this device yet.')).toBeTruthy();
  });

  it('never says it is empty before the stored record has been read', async () => {
    const inner = memoryStore();
    await attendanceItem.write(inner, { plain: [entry(1)] });
    let answer: () => void = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    const slow: KeyValueStore = {
      get: async (key) => (await held, inner.get(key)),
      set: inner.set,
    };
    render(
      <I18nProvider locale="en">
        <AttendanceRecord store={slow} />
      </I18nProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Attendance record' }));
    await act(async () => new Promise((r) => setTimeout(r, 100)));
    expect(screen.queryByText('No meetings on this device yet.')).toBeNull();
    answer();
    expect(await screen.findByText('Total: 1 meeting, 1.5 hours')).toBeTruthy();
    expect(screen.queryByText('No meetings on this device yet.')).toBeNull();
  });

  it("keeps showing what it read while the notebook's code arrives and the record is read again", async () => {
    const store = memoryStore();
    await attendanceItem.write(store, { plain: [entry(1), entry(2)] });
    let notebook: Notebook | null = null;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <NotebookProvider notebook={notebook}>{children}</NotebookProvider>
    );
    const seen: Array<{ loaded: boolean; count: number }> = [];
    const { result, rerender } = renderHook(
      () => {
        const record = useAttendanceRecord(store);
        seen.push({ loaded: record.loaded, count: record.entries.length });
        return record;
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current.entries).toHaveLength(2));
    seen.length = 0;
    // The notebook's code arrives after the first screen (main.tsx): a store of its own.
    notebook = Notebook.open({ indexedDB: new IDBFactory(), IDBKeyRange });
    rerender();
    await act(async () => new Promise((r) => setTimeout(r, 200)));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.loaded && s.count === 2)).toBe(true);
    notebook.close();
  });

  it('downloads the record as a CSV file', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:attendance';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    await renderRecord([entry(1)]);
    await userEvent.click(screen.getByRole('button', { name: 'Attendance record' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Download as CSV' }));
    expect(blobs).toHaveLength(1);
    const text = await blobs[0]!.text();
    expect(text).toContain('Group,Date,Start,End,Duration (minutes),Method,Role,Present');
    expect(text).toContain('Wijkteam Oost,2026-03-01,14:00,15:30,90,');
  });

  it('opens the page to print in a new tab and asks to print it', async () => {
    const page = document.implementation.createHTMLDocument('');
    const print = vi.fn();
    vi.spyOn(window, 'open').mockReturnValue({
      document: page,
      print,
      focus: vi.fn(),
    } as unknown as Window);
    await renderRecord([entry(1)]);
    await userEvent.click(screen.getByRole('button', { name: 'Attendance record' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
    expect(page.querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it('says what to do when the browser refuses the new tab', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    await renderRecord([entry(1)]);
    await userEvent.click(screen.getByRole('button', { name: 'Attendance record' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Print' }));
    expect(screen.getByRole('alert').textContent).toContain('Allow pop-ups');
  });
});

describe('recording a meeting at its end', () => {
  const summary: MeetingSummary = {
    meetingId: 'meeting-0042',
    startedAt: at(14, 0),
    endedAt: at(15, 40),
    methodId: 'basic',
    chairName: 'Anna',
    caseBringerName: 'Bram',
    caseBringerId: 'bram-000001',
    caseTitle: SECRET,
    agreements: [SECRET],
    followUp: [],
  };
  const base: MeetingAttendance = {
    groupId: 'group-0001',
    groupName: 'Wijkteam Oost',
    selfId: 'chris-00001',
    meetingId: 'meeting-0042',
    running: true,
    role: 'member',
    memberNames: ['Anna', 'Bram', 'Chris', 'Dirk'],
    ended: null,
  };

  it('keeps everyone seen in the meeting, the role, and none of the case', async () => {
    const store = memoryStore();
    const { rerender } = renderHook(
      (props: MeetingAttendance) => useRecordAttendance(store, props),
      {
        initialProps: base,
      },
    );
    // Dirk's connection dropped before the end; he attended all the same.
    rerender({ ...base, running: false, memberNames: ['Anna', 'Chris'], ended: summary });
    await waitFor(async () => expect(await store.get(ATTENDANCE_KEY)).toBeDefined());
    const stored = (await attendanceItem.read(store)).value;
    expect(stored).toEqual({
      plain: [
        {
          meetingId: 'meeting-0042',
          groupId: 'group-0001',
          groupName: 'Wijkteam Oost',
          startedAt: summary.startedAt,
          endedAt: summary.endedAt,
          methodId: 'basic',
          role: 'member',
          present: ['Anna', 'Bram', 'Chris', 'Dirk'],
        },
      ],
    });
    expect(JSON.stringify(await store.get(ATTENDANCE_KEY))).not.toContain('Cliënt');
  });

  it('records no meeting this panel never saw running: opened after it ended elsewhere', async () => {
    const store = memoryStore();
    const writes = vi.spyOn(store, 'set');
    renderHook(() => useRecordAttendance(store, { ...base, running: false, ended: summary }));
    await new Promise((r) => setTimeout(r, 30));
    expect(writes).not.toHaveBeenCalled();
  });

  it('records the case bringer after a reload at the end, from the summary', async () => {
    const store = memoryStore();
    renderHook(() =>
      useRecordAttendance(store, {
        ...base,
        selfId: 'bram-000001',
        running: false,
        role: 'member',
        ended: summary,
      }),
    );
    await waitFor(async () =>
      expect((await attendanceItem.read(store)).value).toMatchObject({
        plain: [{ role: 'bringer' }],
      }),
    );
  });

  it('records nothing while the meeting runs, and a meeting once', async () => {
    const store = memoryStore();
    const writes = vi.spyOn(store, 'set');
    const { rerender } = renderHook(
      (props: MeetingAttendance) => useRecordAttendance(store, props),
      {
        initialProps: base,
      },
    );
    rerender({ ...base, memberNames: ['Anna'] });
    await new Promise((r) => setTimeout(r, 20));
    expect(writes).not.toHaveBeenCalled();
    rerender({ ...base, running: false, ended: summary });
    rerender({ ...base, running: false, ended: summary, memberNames: ['Anna', 'Eva'] });
    await waitFor(() => expect(writes).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(writes).toHaveBeenCalledTimes(1);
  });
});
