// Opens scenario files in the browser (one or several, any format waymo/open.ts reads, as one
// SceneSet) and fills the scene list without blocking the page. The contract:
// - the files are opened in the scene worker (scene-decoder.ts openInWorker): the page gets their
//   index (state.file, a WorkerSceneSet: counts, record numbers, file problems) and rows, every
//   scene decoded, summarised and labelled there and posted in batches; the page never reads
//   scenario bytes itself;
// - rows are committed to React state at most once per animation frame (all that arrived since the
//   last frame, one concat) in a React transition (rendered in slices that yield to the page): the
//   list grows without a copy and a render per record, which made filling a 500-scene list
//   quadratic and blocked the page for seconds; the worker lists no
//   further ahead while the page does heavy work of its own (page-work.ts: the map staging a scene);
// - the scene the page shows (and the file-level run's) is decoded there too and moved to the page;
// - a record that cannot be read is a row naming file, record and field; a file that cannot be
//   opened is one of state.problems, and the other files stay open;
// - a newer open cancels an older one (the generation check; the worker stops the old listing);
// - files opened by link (openUrls) are fetched by fetch-file.ts: one that cannot be fetched
//   (unreachable, no CORS, an HTTP error, an HTML page, over the size cap) is one of state.problems
//   naming its URL, the others open; when none could and a fallback is given (the demo set), the
//   fallback opens beside the problems; a file over the cap offers `retry` (a higher cap).
// `?list=main-thread` keeps the old path (every scene decoded on the main thread, the list copied
// and rendered per record) and `?list=unpaced` the listing that never steps aside, for `npm run
// bench -- list`'s baselines only.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { blobSource, SceneSet } from '../waymo';
import { fetchFile, FetchFileError } from './fetch-file';
import { decodeJsonInWorker, openInWorker, type Listing, type WorkerSceneSet } from './scene-decoder';
import { whenPageFree } from './page-work';
import { sceneRow, type SceneRow } from './scene-rows';

export type { SceneRow } from './scene-rows';

export interface OpenFileState {
  /** Counts opens: what belongs to one open file (a file-level run) is keyed by it. */
  openId: number;
  /** The file's name, or "N files". */
  name: string | null;
  /** The open files: read in the scene worker (a SceneSet on this thread for the bench's baseline). */
  file: WorkerSceneSet | SceneSet | null;
  rows: SceneRow[];
  problems: string[];
  loading: boolean;
  error: string | null;
  /** A file by link over the size cap: what the cap can be raised to, and the open again with it. */
  retry?: { mb: number; run: () => void } | null;
}

/** How files open by link: the size cap, and what opens when none of them can be fetched. */
export interface OpenUrlOptions {
  /** The cap on each file, bytes (fetch-file.ts DEFAULT_MAX_MB when absent). */
  maxBytes?: number;
  /** Opened (with the problems) when no URL could be fetched: the demo set. */
  fallback?: string;
}

/** What an open by link carries into the open: the links that failed, and the raised-cap retry. */
interface Carried {
  problems: string[];
  retry: NonNullable<OpenFileState['retry']> | null;
}
const NOTHING_CARRIED: Carried = { problems: [], retry: null };

const EMPTY: OpenFileState = {
  openId: 0,
  name: null,
  file: null,
  rows: [],
  problems: [],
  loading: false,
  error: null,
  retry: null,
};

interface NamedBlob {
  blob: Blob;
  name: string;
}

/**
 * The bench's baselines (npm run bench -- list): `?list=main-thread`, the list filled on the main
 * thread, as before; `?list=unpaced`, the worker's rows taken as they come, even while the page
 * does heavy work of its own (page-work.ts).
 */
const LIST_BASELINE =
  typeof location !== 'undefined' ? new URLSearchParams(location.search).get('list') : null;
const MAIN_THREAD_LIST = LIST_BASELINE === 'main-thread';

export function useScenarioFile() {
  const [state, setState] = useState<OpenFileState>(EMPTY);
  const generation = useRef(0);
  const listing = useRef<{ close(): void } | null>(null);

  // `gen` is taken by openUrls before its fetches, so a file picked while the demo downloads wins
  const openSources = useCallback(
    async (blobs: NamedBlob[], gen = ++generation.current, carried = NOTHING_CARRIED) => {
      if (gen !== generation.current) return;
      listing.current?.close();
      listing.current = null;
      const name = blobs.length === 1 ? blobs[0]!.name : `${blobs.length} files`;
      setState({ ...EMPTY, openId: gen, name, loading: true, ...carried });
      const live = () => gen === generation.current;
      try {
        if (MAIN_THREAD_LIST) return await listOnMainThread(blobs, live, setState);
        listing.current = listInWorker(blobs, live, setState, carried.problems);
      } catch (e) {
        if (live()) setState((s) => ({ ...s, loading: false, error: String(e) }));
      }
    },
    [],
  );

  /** Opens files from the disk (picked, dropped or a folder's), in the order given. */
  const openBlobs = useCallback(
    (blobs: Blob[]) => openSources(blobs.map((blob) => ({ blob, name: (blob as File).name ?? 'blob' }))),
    [openSources],
  );

  /**
   * Fetches and opens files by URL (the demo, ?file= links, a tour's files): each that fails is
   * named in state.problems and the rest open; none: `fallback` opens (see the header).
   */
  const openUrls = useCallback(
    async (urls: string[], o: OpenUrlOptions = {}) => {
      const gen = ++generation.current;
      const problems: string[] = [];
      let need = 0;
      const fetchAll = async (list: string[]) => {
        const got = await Promise.allSettled(list.map((u) => fetchFile(u, o.maxBytes)));
        const blobs: NamedBlob[] = [];
        got.forEach((g, i) => {
          if (g.status === 'fulfilled') return void blobs.push({ blob: g.value, name: g.value.name });
          const e: unknown = g.reason;
          problems.push(e instanceof Error ? e.message : `${list[i]}: ${String(e)}`);
          if (e instanceof FetchFileError && e.kind === 'too-large') need = Math.max(need, e.needMb ?? 0);
        });
        return blobs;
      };
      let blobs = await fetchAll(urls);
      if (blobs.length === 0 && o.fallback && !urls.includes(o.fallback))
        blobs = await fetchAll([o.fallback]);
      if (gen !== generation.current) return;
      const retry = need
        ? { mb: need, run: () => void openUrlsRef.current(urls, { ...o, maxBytes: need * 2 ** 20 }) }
        : null;
      // nothing to open: the open failed, and `error` says why (what a tour's stop waits for)
      if (blobs.length === 0) setState({ ...EMPTY, openId: gen, error: problems.join('; '), retry });
      else await openSources(blobs, gen, { problems, retry });
    },
    [openSources],
  );
  const openUrlsRef = useRef(openUrls);
  openUrlsRef.current = openUrls;

  useEffect(
    () => () => {
      generation.current++;
      listing.current?.close();
    },
    [],
  );
  return { state, openBlobs, openUrls };
}

/**
 * Rows wait at most this long for an animation frame, ms: ten commits a second when frames stop,
 * still one O(rows) copy per commit, and soon enough that the first scene opens without waiting
 * for the whole list.
 */
const COMMIT_LATE_MS = 100;

/**
 * While the page does heavy work of its own (page-work.ts: the map staging a scene), each batch of
 * rows is taken (Listing.taken) when that work ends, at most this late, ms: the worker lists no
 * further meanwhile, and leaves the core to the page. Otherwise rows are taken as they come.
 */
const TAKEN_LATE_MS = 250;

/**
 * The app's path: the files opened in the scene worker, the set given to the page once indexed,
 * rows committed at most once per animation frame: every row that arrived since the last frame in
 * one concat and one render, instead of a copy and a render per record (quadratic in the rows: the
 * old path's 500-scene list spent seconds in long tasks, npm run bench -- list).
 */
function listInWorker(
  blobs: NamedBlob[],
  live: () => boolean,
  setState: (f: (s: OpenFileState) => OpenFileState) => void,
  /** Problems found before the files opened (links that could not be fetched), listed first. */
  before: string[],
): Listing {
  // rows that arrived since the last frame, committed in one update per frame (taken out of
  // `pending` before the update, so the updater stays pure)
  let pending: SceneRow[] = [];
  // the worker's batches received and not yet taken: told to it when the page's work is done
  let batches = 0;
  let asked = false;
  const taken = () => {
    asked = false;
    listing.taken(batches);
    batches = 0;
  };
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const take = (): ((rows: SceneRow[]) => SceneRow[]) => {
    const batch = pending;
    pending = [];
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    frame = 0;
    return (rows) => (batch.length ? rows.concat(batch) : rows);
  };
  // every rows update is a transition (React renders it in slices of a few ms, yielding to the
  // page between them; a plain update from a frame or a message renders in one task), and all of
  // them are, so the rows always commit in the order they came
  const update = (f: (s: OpenFileState) => OpenFileState) => startTransition(() => setState(f));
  const commit = () => {
    const add = take();
    if (live()) update((s) => ({ ...s, rows: add(s.rows) }));
  };
  const listing = openInWorker(blobs, {
    opened(file) {
      if (live())
        setState((s) => ({ ...s, file, problems: [...before, ...file.problems.map((p) => p.message)] }));
    },
    rows(rows) {
      for (const r of rows) pending.push(r);
      batches++;
      if (LIST_BASELINE === 'unpaced') taken();
      else if (!asked) {
        asked = true;
        whenPageFree(taken, TAKEN_LATE_MS);
      }
      if (frame) return;
      frame = requestAnimationFrame(commit);
      // frames can stop (a hidden tab, a GPU process busy with the model): rows, and the first
      // scene the page opens from them, still arrive, at most COMMIT_LATE_MS late
      timer = setTimeout(commit, COMMIT_LATE_MS);
    },
    done() {
      const add = take();
      if (live()) update((s) => ({ ...s, rows: add(s.rows), loading: false }));
    },
    failed(message) {
      const add = take();
      if (live()) update((s) => ({ ...s, rows: add(s.rows), loading: false, error: message }));
    },
  });
  return listing;
}

/**
 * The old path, for the bench's baseline only: every scene decoded, summarised and labelled on the
 * main thread, the whole list copied and rendered after each record, the shown scene decoded here
 * (JSON files in the worker, as before).
 */
async function listOnMainThread(
  blobs: NamedBlob[],
  live: () => boolean,
  setState: (f: (s: OpenFileState) => OpenFileState) => void,
): Promise<void> {
  const file = await SceneSet.open(
    blobs.map((b) => blobSource(b.blob, b.name)),
    { decodeJson: decodeJsonInWorker },
  );
  if (!live()) return;
  const problems = file.problems.map((p) => p.message);
  setState((s) => ({ ...s, file, problems }));
  const rows: SceneRow[] = [];
  for await (const r of file.scenes()) {
    if (!live()) return;
    rows.push(sceneRow(r, file.fileOf(r.k)));
    setState((s) => ({ ...s, rows: [...rows] }));
  }
  setState((s) => ({ ...s, loading: false }));
}
