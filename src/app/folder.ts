// Files of a folder the user picked or dropped, for opening as one scene set: the directory picker
// where the browser has one (File System Access API), a dropped folder's entries (webkitGetAsEntry)
// and the webkitdirectory input elsewhere all end in the same sorted list of Files, filtered by
// waymo/open.ts isScenarioCandidate (no hidden files, no README.md beside the data).
import { isScenarioCandidate } from '../waymo';

/** The candidates among files, in path order (the scene list follows it). */
export function folderFiles(files: { file: File; path: string }[]): File[] {
  return files
    .filter((f) => isScenarioCandidate(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => f.file);
}

interface DirectoryHandle {
  kind: 'directory';
  name: string;
  values(): AsyncIterable<DirectoryHandle | { kind: 'file'; name: string; getFile(): Promise<File> }>;
}

/** Whether this browser has the directory picker (Chromium); elsewhere the webkitdirectory input. */
export function hasDirectoryPicker(): boolean {
  return typeof (window as unknown as { showDirectoryPicker?: unknown }).showDirectoryPicker === 'function';
}

/** Asks for a folder with the directory picker: its scenario candidates; null when the user cancels. */
export async function pickFolder(): Promise<File[] | null> {
  const picked = await pickDirectory();
  return picked && folderFiles(picked.files);
}

/**
 * Asks for a folder with the directory picker: its name and every file in it with its path inside
 * it (a model folder reads its model.json and shards from these); null when the user cancels.
 */
export async function pickDirectory(): Promise<{
  name: string;
  files: { file: File; path: string }[];
} | null> {
  const pick = (window as unknown as { showDirectoryPicker(): Promise<DirectoryHandle> }).showDirectoryPicker;
  let dir: DirectoryHandle;
  try {
    dir = await pick.call(window);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return null;
    throw e;
  }
  const out: { file: File; path: string }[] = [];
  const walk = async (d: DirectoryHandle, prefix: string) => {
    for await (const h of d.values()) {
      if (h.kind === 'directory') await walk(h, `${prefix}${h.name}/`);
      else out.push({ file: await h.getFile(), path: `${prefix}${h.name}` });
    }
  };
  await walk(dir, '');
  return { name: dir.name, files: out };
}

/** Files of an <input webkitdirectory> (each with its webkitRelativePath). */
export function inputFolderFiles(list: FileList): File[] {
  return folderFiles([...list].map((file) => ({ file, path: file.webkitRelativePath || file.name })));
}

/** What was dropped: plain files as they are, folders walked (their candidates in path order). */
export async function droppedFiles(dt: DataTransfer): Promise<File[]> {
  const entries = [...dt.items].map((it) => it.webkitGetAsEntry?.() ?? null);
  if (!entries.some((e) => e?.isDirectory)) return [...dt.files];
  const out: { file: File; path: string }[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      out.push({ file, path: `${prefix}${entry.name}` });
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns a batch at a time (100 in Chromium) until an empty one
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
      if (batch.length === 0) break;
      for (const e of batch) await walk(e, `${prefix}${entry.name}/`);
    }
  };
  for (const e of entries) if (e) await walk(e, '');
  return folderFiles(out);
}
