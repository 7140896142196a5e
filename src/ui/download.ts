// Saving a file the app made: an object URL clicked through an <a download>, the one way every
// browser saves a Blob as a named file without a server round trip (and with no network).

/** How long the object URL lives: long enough for the browser to start the download. */
const REVOKE_AFTER_MS = 60_000;

/** Offers `blob` to the user as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
