/**
 * Offers text as a file download (a blob link clicked once), in the web shell and in Electron.
 * The file holds what the user asked to export; the name SHOULD carry no personal data (download
 * folders are listed in plain sight), so callers name files by kind and time only.
 */
export function offerDownload(text: string, type: string, fileName: string): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob asynchronously after the click; revoke only once it has.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `2026-12-06-09-41-07` for file names (UTC, no characters file systems refuse). */
export function fileTimestamp(now: Date): string {
  return now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
}
