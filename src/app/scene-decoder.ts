// The page's side of the scene worker (scene-worker.ts): one worker, started on first use, reads
// every scenario byte the page needs, so the main thread never indexes or decodes:
// - openInWorker: opens files there and gives the page a WorkerSceneSet (the SceneFile the app,
//   the scene selection and the file-level run use: counts and record numbers from the worker's
//   index, each scene decoded there and its arrays moved here, ~2 ms for a real WOMD scene where
//   decoding it here costs 20-130 ms; npm run bench -- list), and fills the scene list from it;
// - decodeJsonInWorker: the JSON decoder waymo/open.ts takes (OpenOptions.decodeJson), for the
//   bench's main-thread baseline;
// - errors come back in parts and are rebuilt as WaymoReadError, so the page names file, record
//   and field exactly as when it decoded on its own thread.
// If the worker itself fails (it could not load), every waiting call fails with the reason.
import type { Scene } from '../scene/scene';
import { WaymoReadError } from '../waymo/errors';
import { eachScene } from '../waymo/file';
import type { SceneFile } from '../waymo';
import type { SceneRow } from './scene-rows';

/** A WaymoReadError's parts, or the message of any other error. */
export type WorkerError =
  { file: string; record: number; field: string; reason: string; offset?: number } | { message: string };

export type SceneWorkerRequest =
  | { kind: 'json'; id: number; bytes: Uint8Array; file: string }
  | { kind: 'open'; open: number; files: { blob: Blob; name: string }[] }
  | { kind: 'scene'; id: number; open: number; k: number }
  /** The page has taken `batches` more batches of rows (the listing's pacing, listing-pace.ts). */
  | { kind: 'taken'; open: number; batches: number }
  | { kind: 'close'; open: number };

export type SceneWorkerReply =
  | { kind: 'result'; id: number; scene: Scene }
  | { kind: 'result'; id: number; error: WorkerError }
  | {
      kind: 'opened';
      open: number;
      files: { name: string; count: number }[];
      /** Record number of each scene position k. */
      records: number[];
      problems: WorkerError[];
    }
  | { kind: 'rows'; open: number; rows: SceneRow[] }
  | { kind: 'listed'; open: number }
  | { kind: 'failed'; open: number; message: string };

interface Listener {
  /** The files are indexed: the set the page reads them through. */
  opened(set: WorkerSceneSet): void;
  rows(rows: SceneRow[]): void;
  /** Every record is listed. */
  done(): void;
  /** The listing stopped: the worker failed, or reading failed outside any one record. */
  failed(message: string): void;
}

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (s: Scene) => void; reject: (e: Error) => void }>();
const listeners = new Map<number, Listener>();

const rebuild = (e: WorkerError): Error =>
  'message' in e ? new Error(e.message) : new WaymoReadError(e.file, e.record, e.field, e.reason, e.offset);

function start(): Worker {
  const w = new Worker(new URL('./scene-worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<SceneWorkerReply>) => {
    const r = e.data;
    if (r.kind === 'result') {
      const p = waiting.get(r.id);
      waiting.delete(r.id);
      if (!p) return;
      if ('scene' in r) p.resolve(r.scene);
      else p.reject(rebuild(r.error));
      return;
    }
    const l = listeners.get(r.open);
    if (!l) return; // a listing closed since: its late rows are dropped
    if (r.kind === 'opened')
      l.opened(new WorkerSceneSet(r.open, r.files, r.records, r.problems.map(rebuild)));
    else if (r.kind === 'rows') l.rows(r.rows);
    else {
      listeners.delete(r.open);
      if (r.kind === 'listed') l.done();
      else l.failed(r.message);
    }
  };
  w.onerror = (e) => {
    // the worker itself failed (it could not load): every waiting call fails with the reason
    const why = `scene worker failed: ${e.message}`;
    for (const p of waiting.values()) p.reject(new Error(why));
    for (const l of listeners.values()) l.failed(why);
    waiting.clear();
    listeners.clear();
    worker?.terminate();
    worker = null;
  };
  return w;
}

function request(m: SceneWorkerRequest & { id: number }): Promise<Scene> {
  worker ??= start();
  return new Promise<Scene>((resolve, reject) => {
    waiting.set(m.id, { resolve, reject });
    worker!.postMessage(m);
  });
}

/** Decodes a JSON scenario (plain or GZIP bytes) in the worker. */
export function decodeJsonInWorker(bytes: Uint8Array, file: string): Promise<Scene> {
  return request({ kind: 'json', id: nextId++, bytes, file });
}

/**
 * Files opened in the worker, as the page sees them: the same positions k, record numbers, names
 * and problems as a SceneSet of the same files (the worker's own), each scene decoded there.
 */
export class WorkerSceneSet implements SceneFile {
  readonly problems: WaymoReadError[];
  /** files.length + 1 offsets: scenes of file i are starts[i] .. starts[i+1]-1. */
  private readonly starts: number[] = [0];
  constructor(
    private readonly open: number,
    readonly files: readonly { name: string; count: number }[],
    private readonly records: number[],
    problems: Error[],
  ) {
    // every problem the worker sends is a WaymoReadError's parts (SceneSet's problems are)
    this.problems = problems.filter((p): p is WaymoReadError => p instanceof WaymoReadError);
    for (const f of files) this.starts.push(this.starts[this.starts.length - 1]! + f.count);
  }

  /** The file's name when one file is open, else how many (as SceneSet.name). */
  get name(): string {
    return this.files.length === 1 ? this.files[0]!.name : `${this.files.length} files`;
  }

  get count(): number {
    return this.records.length;
  }

  record(k: number): number {
    return this.records[k] ?? -1;
  }

  /** Name of the file that holds scene k. */
  fileOf(k: number): string {
    if (!(k >= 0 && k < this.count)) return '';
    let i = 0;
    while (this.starts[i + 1]! <= k) i++;
    return this.files[i]!.name;
  }

  /** Decodes scene k in the worker; throws WaymoReadError (or the worker's failure). */
  scene(k: number): Promise<Scene> {
    if (!(k >= 0 && k < this.count))
      return Promise.reject(new WaymoReadError(this.name, k, 'index', `no scene ${k} (${this.count} open)`));
    return request({ kind: 'scene', id: nextId++, open: this.open, k });
  }

  scenes(): AsyncGenerator<{ k: number; record: number; scene?: Scene; error?: WaymoReadError }> {
    return eachScene(this);
  }
}

/** The page's handle on a listing. */
export interface Listing {
  /**
   * The page has taken `batches` more batches of `on.rows`: the worker lists at most AHEAD
   * (listing-pace.ts) batches beyond what the page has taken.
   */
  taken(batches: number): void;
  close(): void;
}

/**
 * Opens `files` in the worker as one SceneSet and lists every record: `on.opened` gets the set once
 * it is indexed, `on.rows` the rows in order, in batches, as fast as the page takes them (`taken`).
 * `close` stops the listing (at the worker's next record), drops late rows, and makes the set's
 * scene() fail: a newer open replaces it.
 */
export function openInWorker(files: { blob: Blob; name: string }[], on: Listener): Listing {
  worker ??= start();
  const open = nextId++;
  listeners.set(open, on);
  worker.postMessage({ kind: 'open', open, files } satisfies SceneWorkerRequest);
  return {
    taken(batches) {
      if (batches > 0 && listeners.has(open))
        worker?.postMessage({ kind: 'taken', open, batches } satisfies SceneWorkerRequest);
    },
    close() {
      listeners.delete(open);
      worker?.postMessage({ kind: 'close', open } satisfies SceneWorkerRequest);
    },
  };
}
