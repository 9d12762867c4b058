// "Save as WOMD submission" after a file-level run: the run's predictions as a WOMD
// interaction-prediction submission (DESIGN.md 3b), the bytes `npm run predict` writes, gzipped in
// the page with CompressionStream (waymo/tfrecord.ts gzipBytes) into a .binproto.gz.
//
// What goes in: every scored row, its prediction turned into a record by waymo/submission-write.ts
// scenarioRecord with the row's WOMD scenario id, object ids and world origin (run-file.ts keeps
// them per row; no scene is held after the run). The pair is the file run's, the app's default
// pair (labels/pairs.ts defaultPair; in WOMD's interactive split objects_of_interest names the same
// two agents as tracks_to_predict), said in the description. The joint predictions are the run's
// own (the panel's samples per mode plus the kinematic anchor), ranked by their mode's probability
// and cut to 6 by scenarioRecord's rule, so with more than 6 the least probable mode loses its last
// samples (the CLI instead asks the model for eval's joint set of exactly 6). A row whose record the
// schema refuses is left out and named in `left`; the others are written. Header: account, authors,
// affiliation and link empty (the page has no form for them: edit or regenerate with the CLI's
// flags), no lidar, camera or public pre-training, num_model_parameters the real count from the
// model's weights manifest ("0" for the baselines).
import { SUBMISSION_PAIR_RULES } from '../../labels/pairs';
import { getPredictor, type PredictorId } from '../../model/registry';
import type { ModelJson } from '../../model/weights-check';
import { gzipBytes } from '../../waymo';
import { SUBMISSION_CURRENT_STEP, type SubmissionHeader } from '../../waymo/submission-types';
import {
  concatBytes,
  formatParameterCount,
  scenarioRecord,
  SubmissionWriter,
} from '../../waymo/submission-write';
import type { FileRunResult } from './run-file';

/** Weights in a model's manifest: the sum over its tensors of their shapes' products; 0 without weights. */
export async function parameterCount(id: PredictorId): Promise<number> {
  const w = getPredictor(id).weights;
  if (!w) return 0;
  let json: ModelJson;
  if (w.kind === 'files') json = w.json;
  else {
    const url = new URL(`${w.dir}model.json`, new URL(import.meta.env.BASE_URL, location.href));
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
    json = (await res.json()) as ModelJson;
  }
  return json.weightsManifest
    .flatMap((g) => g.weights)
    .reduce((n, t) => n + t.shape.reduce((a, b) => a * b, 1), 0);
}

/** The header the page writes (the file header's defaults). */
export function pageHeader(id: PredictorId, parameters: number): SubmissionHeader {
  return {
    submissionType: 'interaction',
    accountName: '',
    uniqueMethodName: `modescope-${id.replace(/^(local|file):/, '$1-')}`,
    authors: [],
    affiliation: '',
    description: [
      `ModeScope ${getPredictor(id).title}, joint futures of one pair per scenario predicted from step ${SUBMISSION_CURRENT_STEP} (the app's file run).`,
      `Pair: ${SUBMISSION_PAIR_RULES.default}.`,
      "Confidence: the probability of the joint prediction's mode (a CVAE's prior p(z|x), a kinematic hypothesis' probability, 1 for constant velocity).",
    ].join(' '),
    methodLink: '',
    usesLidarData: false,
    usesCameraData: false,
    usesPublicModelPretraining: false,
    numModelParameters: formatParameterCount(parameters),
    publicModelNames: [],
  };
}

/** The run as a gzipped MotionChallengeSubmission, the scenarios written and the rows left out (why). */
export async function submissionOfRun(
  r: FileRunResult,
): Promise<{ bytes: Uint8Array; scenarios: number; left: { record: number; reason: string }[] }> {
  const parts: Uint8Array[] = [];
  const writer = new SubmissionWriter((c) => void parts.push(c));
  const left: { record: number; reason: string }[] = [];
  // rows and predictions are parallel (run-file.ts fileRunResult)
  for (const [i, row] of r.rows.entries()) {
    try {
      const rec = scenarioRecord(r.predictions[i]!, {
        scenarioId: row.id,
        objectIds: row.objectIds,
        origin: row.origin,
      });
      await writer.add(rec);
    } catch (e) {
      left.push({ record: row.record, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  await writer.finish(pageHeader(r.variant, await parameterCount(r.variant)));
  return { bytes: await gzipBytes(concatBytes(parts)), scenarios: writer.scenarios, left };
}
