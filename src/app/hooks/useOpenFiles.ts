// What opening files does: the files named in the URL (?file=, repeated; else the bundled demo set)
// open at start; picked or dropped files that are WOMD challenge submissions
// (app/submissions.ts looksLikeSubmission: by name, else by their first bytes) join the models as
// another model's predictions; the rest opens as the scene set. Submissions named by the URL
// (?predictions=URL, repeated) are fetched and opened once at start; one that cannot be fetched is
// named in the submissions list with its URL and the HTTP status, and nothing else changes.
import { useCallback, useEffect } from 'react';
import { blobSource } from '../../waymo/source';
import { openSubmissionFiles } from '../predictions/SubmissionPicker';
import type { Store } from '../store';
import { looksLikeSubmission, submissionFailed } from '../submissions';
import type { UrlView } from '../url';

/** A URL's bytes as a File named by the URL's last path segment; rejects naming the HTTP status. */
async function fetchNamed(url: string): Promise<File> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
  const name = decodeURIComponent(new URL(url, location.href).pathname.split('/').pop() || url);
  return new File([await res.blob()], name);
}

/** How scene files open (useScenarioFile's openBlobs / openUrls, useUrlSync's openedLocal). */
export interface SceneOpeners {
  openBlobs: (files: Blob[]) => Promise<void> | void;
  openUrls: (urls: string[]) => Promise<void> | void;
  openedLocal: (files: Blob[]) => void;
}

/** The page's open-files handler (see the header); `demoUrl` opens when the URL names no file. */
export function useOpenFiles(
  store: Store,
  initial: UrlView,
  { openBlobs, openUrls, openedLocal }: SceneOpeners,
  demoUrl: string,
): (files: Blob[]) => void {
  useEffect(
    () => void openUrls(initial.files.length ? initial.files : [demoUrl]),
    [openUrls, initial.files, demoUrl],
  );

  useEffect(() => {
    for (const u of initial.predictions)
      void fetchNamed(u).then(
        (f) => openSubmissionFiles(store, [f]),
        (e: unknown) =>
          submissionFailed(u, `could not fetch it: ${e instanceof Error ? e.message : String(e)}`),
      );
  }, [initial.predictions, store]);

  return useCallback(
    (all: Blob[]) => {
      void Promise.all(all.map((f) => looksLikeSubmission(blobSource(f)))).then((isSub) => {
        const subs = all.filter((_, i) => isSub[i]);
        const files = all.filter((_, i) => !isSub[i]);
        if (subs.length) void openSubmissionFiles(store, subs);
        if (files.length === 0) return;
        openedLocal(files);
        void openBlobs(files);
      });
    },
    [openBlobs, openedLocal, store],
  );
}
