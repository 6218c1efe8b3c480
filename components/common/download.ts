/** The name of an export file made on a day: kring-notes-YYYY-MM-DD.md (local calendar date). */
export function exportFileName(extension: 'md' | 'json', date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `kring-notes-${day}.${extension}`;
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
