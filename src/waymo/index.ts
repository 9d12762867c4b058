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
export { encodeRecord, encodeRecords, gunzipBytes, gzipBytes, indexRecords, readRecord } from './tfrecord';
export {
  isScenarioCandidate,
  openSceneFile,
  SceneSet,
  sniffFormat,
  type SceneFile,
  type SceneFormat,
} from './open';
