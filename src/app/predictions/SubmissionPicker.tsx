// Open another model's predictions (issue 16): a WOMD challenge submission (.binproto, a .tar or
// .tar.gz of shards, .gz, or the JSON form of docs/submissions.md) picked here, dropped on the page
// or named by ?predictions=URL joins the model select as one more model (app/submissions.ts) and
// is chosen. Under the button, one line per file opened: its scenarios, how many of the open
// file's scenes it has predictions for, what it holds that matches no open scene, and what could
// not be read (each named: file, scenario or byte, field). A file that is no submission is named on
// the error line and nothing else changes.
import { useSyncExternalStore } from 'react';
import { summarizeSubmission } from '../../metrics/submission';
import { blobSource } from '../../waymo/source';
import type { Store } from '../store';
import { onSubmissionsChange, openSubmission, submissionEntries, type SubmissionEntry } from '../submissions';
import { setPredict } from './predict-settings';

/** Opens `files` as submissions and chooses the last one opened as the model; errors are listed by the picker. */
export async function openSubmissionFiles(store: Store, files: Blob[]): Promise<void> {
  for (const f of files) {
    try {
      const { predictor } = await openSubmission(blobSource(f));
      setPredict(store, { on: true, variant: predictor.id, forcedMode: null, shownMode: null });
    } catch {
      // named in the picker's list (submissionEntries)
    }
  }
}

export function SubmissionPicker({ store, sceneIds }: { store: Store; sceneIds: readonly string[] }) {
  const list = useSyncExternalStore(onSubmissionsChange, submissionEntries);
  return (
    <div className="model-folder submissions">
      <label
        className="open"
        title="A WOMD challenge submission: .binproto, a .tar / .tar.gz of binproto shards, .gz, or the JSON form (docs/submissions.md)"
      >
        Open predictions…
        <input
          type="file"
          multiple
          accept=".binproto,.bin,.pb,.tar,.gz,.tgz,.json"
          data-testid="submission-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void openSubmissionFiles(store, files);
          }}
        />
      </label>
      {list.length > 0 && (
        <ul className="submission-list" data-testid="submission-list">
          {list.map((e, k) => (
            <SubmissionLine key={k} entry={e} sceneIds={sceneIds} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** How many problems are named in full under a file's line; the rest are counted. */
const SHOW_PROBLEMS = 3;

function SubmissionLine({ entry, sceneIds }: { entry: SubmissionEntry; sceneIds: readonly string[] }) {
  if (entry.id === null)
    return (
      <li className="error" data-testid="submission-error">
        {entry.error}
      </li>
    );
  const f = entry.file;
  const sum = summarizeSubmission(f.name, f.ids, sceneIds);
  const named = [...f.problems, ...f.warnings, ...sum.errors];
  return (
    <li data-testid="submission-summary" data-id={entry.id}>
      <b>{f.method}</b>: {f.count} scenario{f.count === 1 ? '' : 's'} · predictions for{' '}
      <span data-testid="submission-coverage">
        {sum.scenesWithPredictions} of {sum.scenes}
      </span>{' '}
      open scenes
      {named.length > 0 && (
        <ul className="hint">
          {named.slice(0, SHOW_PROBLEMS).map((p, i) => (
            <li key={i} data-testid="submission-problem">
              {p.message}
            </li>
          ))}
          {named.length > SHOW_PROBLEMS && <li>… and {named.length - SHOW_PROBLEMS} more</li>}
        </ul>
      )}
    </li>
  );
}
