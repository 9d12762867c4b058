// What opening files does: the files named in the URL (?file=, repeated; else the bundled demo set)
// open at start; picked or dropped files that are WOMD challenge submissions
// (app/submissions.ts looksLikeSubmission: by name, else by their first bytes) join the models as
// another model's predictions; the rest opens as the scene set. Submissions named by the URL
// (?predictions=URL, repeated) are fetched and opened once at start; one that cannot be fetched is
// named in the submissions list with its URL and why (fetch-file.ts: unreachable, no CORS, HTTP
// status, an HTML page, over the size cap), and nothing else changes. A scene file by link that
// cannot be fetched is named in the file's problems; when none can, the demo set opens beside them.
// Every link's file is capped at ?maxmb= (else fetch-file.ts DEFAULT_MAX_MB). What the link itself
// got wrong (url.ts urlNotices) becomes the page's notices (notices.ts) before anything opens.
import { useCallback, useEffect, useState } from 'react';
import { blobSource } from '../../waymo/source';
import { openSubmissionFiles } from '../predictions/SubmissionPicker';
import { DEFAULT_MAX_MB, fetchFile, FetchFileError } from '../fetch-file';
import { addNotice } from '../notices';
import type { Store } from '../store';
import { looksLikeSubmission, submissionFailed } from '../submissions';
import { urlNotices, type UrlView } from '../url';
import type { OpenUrlOptions } from '../useScenarioFile';

/** How scene files open (useScenarioFile's openBlobs / openUrls, useUrlSync's openedLocal). */
export interface SceneOpeners {
  openBlobs: (files: Blob[]) => Promise<void> | void;
  openUrls: (urls: string[], o?: OpenUrlOptions) => Promise<void> | void;
  openedLocal: (files: Blob[]) => void;
}

/** The page's open-files handler (see the header); `demoUrl` opens when the URL names no file. */
export function useOpenFiles(
  store: Store,
  initial: UrlView,
  { openBlobs, openUrls, openedLocal }: SceneOpeners,
  demoUrl: string,
): (files: Blob[]) => void {
  // read before the URL is rewritten (useUrlSync drops what it ignored)
  const [notices] = useState(() => urlNotices(location.search));
  useEffect(() => notices.forEach(addNotice), [notices]);
  const maxBytes = (initial.maxMb ?? DEFAULT_MAX_MB) * 2 ** 20;

  useEffect(
    () => void openUrls(initial.files.length ? initial.files : [demoUrl], { maxBytes, fallback: demoUrl }),
    [openUrls, initial.files, demoUrl, maxBytes],
  );

  useEffect(() => {
    for (const u of initial.predictions)
      void fetchFile(u, maxBytes).then(
        (f) => openSubmissionFiles(store, [f]),
        (e: unknown) =>
          submissionFailed(
            u,
            e instanceof FetchFileError
              ? e.reason
              : `could not fetch it: ${e instanceof Error ? e.message : String(e)}`,
          ),
      );
  }, [initial.predictions, store, maxBytes]);

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
