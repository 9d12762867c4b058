// Open a model folder from disk (DESIGN.md 6b: weights trained on real WOMD are never shipped, so
// the user brings them): the directory picker where the browser has one, else a webkitdirectory
// input, or model.json and its weights picked as files. The folder is checked (model-folder.ts)
// and becomes a registry entry, chosen as the model; what does not fit is named on the error line
// (file and problem) and nothing else changes: the other models stay listed and keep predicting.
import { useState } from 'react';
import { registerPredictor } from '../../model/registry';
import { hasDirectoryPicker, pickDirectory } from '../folder';
import { openModelFiles, type PickedFile } from '../model-folder';
import type { Store } from '../store';
import { setPredict } from './predict-settings';

export function ModelFolderPicker({ store }: { store: Store }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async (files: PickedFile[], name: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const p = await openModelFiles(files, name);
      registerPredictor(p);
      setPredict(store, { variant: p.id, forcedMode: null, shownMode: null });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const fromInput = (list: FileList | null) =>
    [...(list ?? [])].map((file) => ({ file, path: file.webkitRelativePath || file.name }));

  return (
    <div className="model-folder">
      <label
        className="open"
        title="A model folder: model.json and the weights its manifest names (e.g. models-local/NAME)"
        onClick={(e) => {
          if (!hasDirectoryPicker()) return; // the input below opens the browser's folder dialog
          e.preventDefault();
          void pickDirectory().then(
            (d) => d && open(d.files, d.name),
            (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
          );
        }}
      >
        Open model folder…
        <input
          type="file"
          data-testid="model-folder-input"
          disabled={busy}
          ref={(el) => el?.setAttribute('webkitdirectory', '')}
          onChange={(e) => {
            const files = fromInput(e.target.files);
            const top = files[0]?.path.split('/')[0];
            if (files.length) void open(files, top && top !== files[0]?.path ? top : null);
            e.target.value = '';
          }}
        />
      </label>
      <label className="open" title="model.json and its weights file(s), picked together">
        model.json + weights…
        <input
          type="file"
          multiple
          accept=".json,.bin"
          data-testid="model-files-input"
          disabled={busy}
          onChange={(e) => {
            const files = fromInput(e.target.files);
            if (files.length) void open(files, null);
            e.target.value = '';
          }}
        />
      </label>
      {error && (
        <p className="error" data-testid="model-error">
          {error}
        </p>
      )}
    </div>
  );
}
