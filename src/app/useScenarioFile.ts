// Opens a scenario file in the browser and lists its scenes as they decode, without blocking
// the page: the index comes first (headers only), then one summary per record.
import { useCallback, useEffect, useRef, useState } from 'react';
import { labelScene, type LabelIndex } from '../labels';
import { summarizeScene, type SceneSummary } from '../scene/summary';
import { blobSource, ScenarioFile, type ByteSource } from '../waymo';

export interface SceneRow {
  /** Position in the file's index (what ScenarioFile.scene takes); never shown. */
  k: number;
  /** Record number, as every message, view and export names the record (ScenarioFile.record). */
  record: number;
  summary?: SceneSummary;
  /** Pseudo label of the interacting pair (labels/), null without a pair. */
  label?: LabelIndex | null;
  error?: string;
}

export interface OpenFileState {
  /** Counts opens: what belongs to one open file (a file-level run) is keyed by it. */
  openId: number;
  name: string | null;
  file: ScenarioFile | null;
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

export function useScenarioFile() {
  const [state, setState] = useState<OpenFileState>(EMPTY);
  const generation = useRef(0);

  // `gen` is taken by openUrl before its fetch, so a file picked while the demo downloads wins
  const openSource = useCallback(async (source: ByteSource, gen = ++generation.current) => {
    if (gen !== generation.current) return;
    setState({ ...EMPTY, openId: gen, name: source.name, loading: true });
    try {
      const file = await ScenarioFile.open(source);
      if (gen !== generation.current) return;
      const problems = file.problems.map((p) => p.message);
      setState((s) => ({ ...s, file, problems }));
      const rows: SceneRow[] = [];
      for await (const { k, record, scene, error } of file.scenes()) {
        if (gen !== generation.current) return;
        rows.push(
          error
            ? { k, record, error: error.message }
            : { k, record, summary: summarizeScene(scene!), label: labelScene(scene!)?.label ?? null },
        );
        setState((s) => ({ ...s, rows: [...rows] }));
      }
      setState((s) => ({ ...s, loading: false }));
    } catch (e) {
      if (gen === generation.current) setState((s) => ({ ...s, loading: false, error: String(e) }));
    }
  }, []);

  const openBlob = useCallback(
    (blob: Blob, name?: string) => openSource(blobSource(blob, name)),
    [openSource],
  );

  const openUrl = useCallback(
    async (url: string) => {
      const gen = ++generation.current;
      try {
        const res = await fetch(url);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const blob = await res.blob();
        await openSource(blobSource(blob, url.split('/').pop() ?? url), gen);
      } catch (e) {
        if (gen === generation.current)
          setState({
            ...EMPTY,
            openId: gen,
            name: url,
            error: `${url}: ${e instanceof Error ? e.message : String(e)}`,
          });
      }
    },
    [openSource],
  );

  useEffect(() => () => void generation.current++, []);
  return { state, openBlob, openUrl };
}
