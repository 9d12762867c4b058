// One scene list row per record: what the list shows of a scene (its summary and the pseudo label
// of the pair the app predicts, DESIGN.md 6b) or the WaymoReadError that names why the record could
// not be read (file, record, field). Plain data, so the worker that fills the list (scene-worker.ts)
// can post rows by structured clone; the main-thread baseline (useScenarioFile's ?list=main-thread)
// builds the same rows with the same function.
import { labelPair, type LabelIndex } from '../labels';
import { defaultPair } from '../labels/pairs';
import type { Scene } from '../scene/scene';
import { summarizeScene, type SceneSummary } from '../scene/summary';
import { WaymoReadError } from '../waymo/errors';

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

/** What SceneFile.scenes() yields for one record. */
export interface ListedRecord {
  k: number;
  record: number;
  scene?: Scene;
  error?: WaymoReadError;
}

/**
 * The row of one listed record. A scene that decodes but cannot be summarised or labelled (a bug,
 * or data no reader check caught) is an error row naming file, record and the field 'summary',
 * so one odd scene never stops the rest of the list.
 */
export function sceneRow({ k, record, scene, error }: ListedRecord, file: string): SceneRow {
  if (error || !scene)
    return { k, record, file, error: error?.message ?? `${file}: record ${record}: no scene` };
  try {
    const pair = defaultPair(scene);
    const summary = summarizeScene(scene, pair);
    return { k, record, file, summary, label: pair ? labelPair(scene, ...pair).label : null };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { k, record, file, error: new WaymoReadError(file, record, 'summary', reason).message };
  }
}
