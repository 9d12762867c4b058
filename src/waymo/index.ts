// The WOMD format layer: everything other modules need from src/waymo.
export { WaymoReadError } from './errors';
export { ScenarioFile } from './file';
export { decodeScenario, encodeScene } from './scenario';
export { decodeExample, isExamplePayload } from './tf-example';
export { blobSource, memorySource, type ByteSource } from './source';
export { encodeRecord, encodeRecords, gzipBytes, indexRecords, readRecord } from './tfrecord';
