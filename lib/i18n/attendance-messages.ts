import type { Message } from './i18n';

/**
 * Texts of the attendance record (lib/device/attendance.ts; components/shell/AttendanceRecord
 * and its print page, and the CSV's header), in Dutch and English; part of MESSAGES.
 */
export const ATTENDANCE_MESSAGES = {
  attendanceRecord: { nl: 'Aanwezigheidsoverzicht', en: 'Attendance record' },
  attendanceIntro: {
    nl: 'De intervisiebijeenkomsten die je bijwoonde, voor je beroepsregister. Alleen op dit apparaat; zonder inhoud van de casussen.',
    en: 'The intervision meetings you attended, for your professional register. On this device only; no case content.',
  },
  attendanceEmpty: {
    nl: 'Nog geen bijeenkomsten op dit apparaat.',
    en: 'No meetings on this device yet.',
  },
  attendanceLocked: {
    nl: 'Het overzicht is beveiligd met je wachtwoordzin. Ontgrendel om het te zien.',
    en: 'The record is protected with your passphrase. Unlock to see it.',
  },
  attendanceCsv: { nl: 'Download als CSV', en: 'Download as CSV' },
  attendancePrint: { nl: 'Afdrukken', en: 'Print' },
  attendanceGroup: { nl: 'Groep', en: 'Group' },
  attendanceDate: { nl: 'Datum', en: 'Date' },
  attendanceStart: { nl: 'Begin', en: 'Start' },
  attendanceEnd: { nl: 'Einde', en: 'End' },
  attendanceDuration: { nl: 'Duur', en: 'Duration' },
  attendanceDurationMinutes: { nl: 'Duur (minuten)', en: 'Duration (minutes)' },
  attendanceMethod: { nl: 'Werkvorm', en: 'Method' },
  attendanceRole: { nl: 'Rol', en: 'Role' },
  attendancePresent: { nl: 'Aanwezig', en: 'Present' },
  attendanceUnnamedGroup: { nl: 'Groep zonder naam', en: 'Unnamed group' },
  attendanceRoleChair: { nl: 'voorzitter', en: 'chair' },
  attendanceRoleBringer: { nl: 'inbrenger', en: 'case bringer' },
  attendanceRoleMember: { nl: 'deelnemer', en: 'member' },
  attendanceRoleFacilitator: { nl: 'procesbegeleider', en: 'facilitator' },
  attendanceTotal: {
    nl: {
      one: 'Totaal: {count} bijeenkomst, {hours} uur',
      other: 'Totaal: {count} bijeenkomsten, {hours} uur',
    },
    en: {
      one: 'Total: {count} meeting, {hours} hours',
      other: 'Total: {count} meetings, {hours} hours',
    },
  },
  attendanceMadeOn: {
    nl: 'Gemaakt op {date} met Kring, van de gegevens op dit apparaat.',
    en: 'Made on {date} with Kring, from the data on this device.',
  },
  attendancePopupBlocked: {
    nl: 'De browser liet geen nieuw tabblad openen om af te drukken. Sta pop-ups toe voor Kring en probeer het opnieuw.',
    en: 'The browser did not let Kring open a new tab to print. Allow pop-ups for Kring and try again.',
  },
} as const satisfies Record<string, Message>;
