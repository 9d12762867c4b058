// The WOMD format layer: everything other modules need from src/waymo.
export { WaymoReadError } from './errors';
export { ScenarioFile } from './file';
export {
  decodeJsonReport,
  decodeJsonScene,
  decodeJsonText,
  decodeJsonValue,
  looksLikeJson,
  readJsonScene,
  type HeadingUnits,
  type JsonReport,
} from './json';
export { decodeScenario, encodeScene } from './scenario';
export { decodeExample, isExamplePayload } from './tf-example';
export { blobSource, memorySource, type ByteSource } from './source';
export {
  encodeRecord,
  encodeRecords,
  gunzipBytes,
  gzipBytes,
  indexRecords,
  MAX_GZIP_INFLATED_BYTES,
  readRecord,
} from './tfrecord';
export {
  isScenarioCandidate,
  openSceneFile,
  SceneSet,
  sniffFormat,
  type SceneFile,
  type SceneFormat,
} from './open';
export { SubmissionError, type SubmissionErrorKind } from './errors';
export * from './submission-types';
export {
  emptyHeader,
  INFLATE_BLOCK_BYTES,
  isJsonStart,
  isTarStart,
  MAX_INFLATED_BYTES,
  MAX_JSON_BYTES,
  mergeHeaders,
  openSubmission,
  SubmissionFile,
  type OpenSubmissionOptions,
  type SubmissionFormat,
} from './submission';
export { FULL_RATE_POINTS, readJsonSubmission, type JsonSubmission } from './submission-json';
export {
  decodeScenarioPredictions,
  MAX_HEADER_STRING,
  scanSubmission,
  WINDOW_BYTES,
  type EntrySpan,
  type HeaderFields,
} from './submission-wire';
