// Opens a scenario file in the browser and lists its scenes as they decode, without blocking
// the page: the index comes first (headers only), then one summary per record.
import { useCallback, useEffect, useRef, useState } from 'react';
import { labelScene, type LabelIndex } from '../labels';
import { summarizeScene, type SceneSummary } from '../scene/summary';
import { blobSource, ScenarioFile, type ByteSource } from '../waymo';

export interface SceneRow {
  k: number;
  summary?: SceneSummary;
  /** Pseudo label of the interacting pair (labels/), null without a pair. */
  label?: LabelIndex | null;
  error?: string;
}

export interface OpenFileState {
  name: string | null;
  file: ScenarioFile | null;
  rows: SceneRow[];
  problems: string[];
  loading: boolean;
  error: string | null;
}

const EMPTY: OpenFileState = { name: null, file: null, rows: [], problems: [], loading: false, error: null };

export function useScenarioFile() {
  const [state, setState] = useState<OpenFileState>(EMPTY);
  const generation = useRef(0);

  const openSource = useCallback(async (source: ByteSource) => {
    const gen = ++generation.current;
    setState({ ...EMPTY, name: source.name, loading: true });
    try {
      const file = await ScenarioFile.open(source);
      if (gen !== generation.current) return;
      const problems = file.problems.map((p) => p.message);
      setState((s) => ({ ...s, file, problems }));
      const rows: SceneRow[] = [];
      for await (const { k, scene, error } of file.scenes()) {
        if (gen !== generation.current) return;
        rows.push(
          error
            ? { k, error: error.message }
            : { k, summary: summarizeScene(scene!), label: labelScene(scene!)?.label ?? null },
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
      const res = await fetch(url);
      if (!res.ok) {
        setState({ ...EMPTY, name: url, error: `${url}: HTTP ${res.status}` });
        return;
      }
      await openBlob(await res.blob(), url.split('/').pop() ?? url);
    },
    [openBlob],
  );

  useEffect(() => () => void generation.current++, []);
  return { state, openBlob, openUrl };
}
