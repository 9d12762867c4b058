// Opens scenario files in the browser (one or several, any format waymo/open.ts reads, as one
// SceneSet) and lists their scenes as they decode, without blocking the page: the index comes
// first (headers only), then one summary per scene; JSON scenarios parse in a worker.
import { useCallback, useEffect, useRef, useState } from 'react';
import { labelPair, type LabelIndex } from '../labels';
import { defaultPair } from '../labels/pairs';
import type { Scene } from '../scene/scene';
import { summarizeScene, type SceneSummary } from '../scene/summary';
import { blobSource, SceneSet, type ByteSource } from '../waymo';
import { decodeJsonInWorker } from './scene-decoder';

export interface SceneRow {
  /** Position in the set's index (what SceneSet.scene takes); never shown. */
  k: number;
  /** Record number in its file, as every message, view and export names the record (SceneSet.record). */
  record: number;
  /** Name of the file the scene is in. */
  file: string;
  summary?: SceneSummary;
  /** Pseudo label of the interacting pair (labels/), null without a pair. */
  label?: LabelIndex | null;
  error?: string;
}

export interface OpenFileState {
  /** Counts opens: what belongs to one open file (a file-level run) is keyed by it. */
  openId: number;
  /** The file's name, or "N files". */
  name: string | null;
  file: SceneSet | null;
  rows: SceneRow[];
  problems: string[];
  loading: boolean;
  error: string | null;
}

const EMPTY: OpenFileState = {
  openId: 0,
  name: null,
  file: null,
  rows: [],
  problems: [],
  loading: false,
  error: null,
};

/** A scene's list entry: its summary and the pseudo label of the pair the app predicts (DESIGN.md 6b). */
function describe(scene: Scene): { summary: SceneSummary; label: LabelIndex | null } {
  const pair = defaultPair(scene);
  return { summary: summarizeScene(scene, pair), label: pair ? labelPair(scene, ...pair).label : null };
}

export function useScenarioFile() {
  const [state, setState] = useState<OpenFileState>(EMPTY);
  const generation = useRef(0);

  // `gen` is taken by openUrls before its fetches, so a file picked while the demo downloads wins
  const openSources = useCallback(async (sources: ByteSource[], gen = ++generation.current) => {
    if (gen !== generation.current) return;
    const name = sources.length === 1 ? sources[0]!.name : `${sources.length} files`;
    setState({ ...EMPTY, openId: gen, name, loading: true });
    try {
      const file = await SceneSet.open(sources, { decodeJson: decodeJsonInWorker });
      if (gen !== generation.current) return;
      const problems = file.problems.map((p) => p.message);
      setState((s) => ({ ...s, file, problems }));
      const rows: SceneRow[] = [];
      for await (const { k, record, scene, error } of file.scenes()) {
        if (gen !== generation.current) return;
        const f = file.fileOf(k);
        rows.push(
          error ? { k, record, file: f, error: error.message } : { k, record, file: f, ...describe(scene!) },
        );
        setState((s) => ({ ...s, rows: [...rows] }));
      }
      setState((s) => ({ ...s, loading: false }));
    } catch (e) {
      if (gen === generation.current) setState((s) => ({ ...s, loading: false, error: String(e) }));
    }
  }, []);

  /** Opens files from the disk (picked, dropped or a folder's), in the order given. */
  const openBlobs = useCallback(
    (blobs: Blob[]) => openSources(blobs.map((b) => blobSource(b))),
    [openSources],
  );

  /** Fetches and opens files by URL (the demo, or ?file= links); one that fails to fetch is named. */
  const openUrls = useCallback(
    async (urls: string[]) => {
      const gen = ++generation.current;
      try {
        const blobs = await Promise.all(
          urls.map(async (url) => {
            try {
              const res = await fetch(url);
              if (!res.ok) throw new Error(`HTTP ${res.status}`);
              return blobSource(await res.blob(), url.split('/').pop() ?? url);
            } catch (e) {
              throw new Error(`${url}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
            }
          }),
        );
        await openSources(blobs, gen);
      } catch (e) {
        if (gen === generation.current)
          setState({
            ...EMPTY,
            openId: gen,
            name: urls.join(', '),
            error: e instanceof Error ? e.message : String(e),
          });
      }
    },
    [openSources],
  );

  useEffect(() => () => void generation.current++, []);
  return { state, openBlobs, openUrls };
}
