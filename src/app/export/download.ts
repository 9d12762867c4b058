// Saving an exported file: a download of the blob under its name, remembered as the last file
// saved so the browser tests can read its bytes through the test hook (window.__modescope).
export interface SavedFile {
  name: string;
  blob: Blob;
}

let last: SavedFile | null = null;

/** The last file saved by an export (video, PNG, SVG), or null. */
export const lastSaved = (): SavedFile | null => last;

export function saveFile(blob: Blob, name: string): void {
  last = { name, blob };
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  // the click starts the download synchronously; the URL may go once the browser has it
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

/** A data URL's bytes as a blob (the PNG figures come as data URLs from the canvas). */
export async function dataUrlBlob(url: string): Promise<Blob> {
  return (await fetch(url)).blob();
}
