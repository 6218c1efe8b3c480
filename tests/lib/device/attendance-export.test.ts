import { describe, expect, it } from 'vitest';
import type { AttendanceEntry } from '../../../lib/device/attendance';
import { attendanceEntryFrom } from '../../../lib/device/attendance';
import {
  attendanceCsv,
  attendanceFileName,
  attendanceRows,
  csvCell,
  formatDuration,
  totalHours,
} from '../../../lib/device/attendance-export';
import type { MeetingSummary } from '../../../lib/shared-doc/meeting-end';

/** Local times, so that the test reads the same in every time zone. */
const at = (h: number, m: number, day = 14) => new Date(2026, 2, day, h, m).getTime();

function entry(over: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return {
    meetingId: 'meeting-0001',
    groupId: 'group-0001',
    groupName: 'Jeugdzorg Noord',
    startedAt: at(14, 0),
    endedAt: at(15, 30),
    methodId: 'basic',
    role: 'chair',
    present: ['Anna', 'Bram'],
    ...over,
  };
}

/** Splits CSV text into rows of cells (RFC 4180), to check what a spreadsheet would read. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') {
      quoted = false;
    } else if (quoted) {
      cell += ch;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

describe('a CSV cell', () => {
  it.each([
    ['plain', 'Anna', 'Anna'],
    ['a comma', 'Vermeer, Anna', '"Vermeer, Anna"'],
    ['a quote', 'Anna "An" V', '"Anna ""An"" V"'],
    ['a line break', 'a\nb', '"a\nb"'],
    ['a number', 90, '90'],
  ])('quotes %s as RFC 4180 says', (_, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+31 6 1234', "'+31 6 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
  ])('keeps a spreadsheet from running %s as a formula', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('the attendance CSV', () => {
  it('has a header row in the member language and one row per meeting, oldest first', () => {
    const csv = attendanceCsv(
      [
        entry({ meetingId: 'meeting-0002', startedAt: at(9, 5, 21), endedAt: at(11, 5, 21) }),
        entry(),
      ],
      'nl',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toEqual([
      ['Groep', 'Datum', 'Begin', 'Einde', 'Duur (minuten)', 'Werkvorm', 'Rol', 'Aanwezig'],
      [
        'Jeugdzorg Noord',
        '2026-03-14',
        '14:00',
        '15:30',
        '90',
        expect.any(String),
        'voorzitter',
        'Anna, Bram',
      ],
      [
        'Jeugdzorg Noord',
        '2026-03-21',
        '09:05',
        '11:05',
        '120',
        expect.any(String),
        'voorzitter',
        'Anna, Bram',
      ],
    ]);
    expect(parseCsv(attendanceCsv([entry()], 'en').slice(1))[0]).toEqual([
      'Group',
      'Date',
      'Start',
      'End',
      'Duration (minutes)',
      'Method',
      'Role',
      'Present',
    ]);
  });

  it('guards names and group names from peers against formulas and broken rows', () => {
    const csv = attendanceCsv(
      [entry({ groupName: '=cmd|calc', present: ['@Anna', 'Bram, "B"'] })],
      'en',
    );
    const [, row] = parseCsv(csv.slice(1));
    expect(row?.[0]).toBe("'=cmd|calc");
    expect(row?.[7]).toBe('\'@Anna, Bram, "B"');
    expect(row?.length).toBe(8);
  });

  it('holds none of the case: not its title, questions, advice or agreements', () => {
    const secret = 'Cliënt X dreigt met een klacht';
    const summary: MeetingSummary = {
      meetingId: 'meeting-0009',
      startedAt: at(14, 0),
      endedAt: at(15, 45),
      methodId: 'basic',
      chairName: 'Anna',
      caseBringerName: 'Bram',
      caseBringerId: 'bram-000001',
      caseTitle: secret,
      agreements: [`Afspraak over ${secret}`],
      followUp: [`Terugkijken: ${secret}`],
    };
    const made = attendanceEntryFrom(summary, {
      groupId: 'group-0001',
      groupName: 'Jeugdzorg Noord',
      selfId: 'chris-00001',
      role: 'member',
      present: ['Chris'],
    });
    const csv = attendanceCsv(made ? [made] : [], 'nl');
    expect(csv).toContain('Anna, Bram, Chris');
    expect(csv).toContain('14:00,15:45,105');
    expect(csv).not.toContain('Cliënt');
    expect(csv).not.toContain('Afspraak');
  });

  it('names a group with no name, and the file by the day', () => {
    expect(attendanceRows([entry({ groupName: null })], 'en')[0]?.group).toBe('Unnamed group');
    expect(attendanceFileName(at(10, 0))).toBe('kring-attendance-2026-03-14.csv');
  });
});

describe('durations and the total', () => {
  it('writes durations as hours and minutes, and the total in hours as each language does', () => {
    expect(formatDuration(90)).toBe('1:30');
    expect(formatDuration(125)).toBe('2:05');
    const rows = attendanceRows(
      [entry(), entry({ meetingId: 'meeting-0002', startedAt: at(9, 0), endedAt: at(10, 0) })],
      'nl',
    );
    expect(totalHours(rows, 'nl')).toBe('2,5');
    expect(totalHours(rows, 'en')).toBe('2.5');
  });
});
