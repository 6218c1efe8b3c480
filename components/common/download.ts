import { isoCalendarDate } from '../../lib/i18n/format-date';

/** The name of an export file made on a day: kring-notes-YYYY-MM-DD.md (local calendar date). */
export function exportFileName(extension: 'md' | 'json', date: Date): string {
  return `kring-notes-${isoCalendarDate(date.getTime())}.${extension}`;
}

/**
 * Lets the browser save a text as a file, through a temporary link with `download`. The object
 * URL is revoked on the next task: the click has then handed the file to the browser's download.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
