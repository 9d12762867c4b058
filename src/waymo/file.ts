// A WOMD scenario file: the record index plus decode-on-demand, the API the app and the CLI use.
// Records are Scenario protos or tf.Examples in the tf_example layout; both give a Scene.
import type { Scene } from '../scene/scene';
import { WaymoReadError } from './errors';
import { decodeScenario } from './scenario';
import { decodeExample, isExamplePayload } from './tf-example';
import type { ByteSource } from './source';
import { HEADER, indexRecords, readRecord, type IndexOptions, type RecordIndex } from './tfrecord';

export class ScenarioFile {
  private constructor(readonly index: RecordIndex) {}

  /**
   * Indexes the file; reads only record headers (all of it only when GZIP-compressed, and then
   * only up to the cap in `o`: tfrecord.ts).
   */
  static async open(source: ByteSource, o: IndexOptions = {}): Promise<ScenarioFile> {
    return new ScenarioFile(await indexRecords(source, o));
  }

  get name(): string {
    return this.index.file;
  }

  /** Readable-looking records (their payload CRC and content are checked on read). */
  get count(): number {
    return this.index.records.length;
  }

  /** Damage found while indexing. */
  get problems(): WaymoReadError[] {
    return this.index.problems;
  }

  /**
   * The record number of the k-th indexed record: its ordinal among the records found, a damaged
   * span counting as one. `k` (the position among records with a readable header) addresses
   * records in this API; the record number is what every message and view shows.
   */
  record(k: number): number {
    return this.index.records[k]?.index ?? -1;
  }

  /**
   * Reads and decodes the k-th indexed record, a Scenario or a tf.Example in WOMD's tf_example
   * layout (told apart by isExamplePayload, so one file may even mix them); throws
   * WaymoReadError naming its record number.
   */
  async scene(k: number): Promise<Scene> {
    const entry = this.index.records[k];
    if (!entry) throw new WaymoReadError(this.name, k, 'index', `no record ${k} (file has ${this.count})`);
    const payload = await readRecord(this.index, entry);
    const decode = isExamplePayload(payload) ? decodeExample : decodeScenario;
    return decode(payload, this.name, entry.index, entry.offset - HEADER);
  }

  /** Every scene in order, with a WaymoReadError in place of each record that could not be read. */
  scenes(): AsyncGenerator<{ k: number; record: number; scene?: Scene; error?: WaymoReadError }> {
    return eachScene(this);
  }

  close(): Promise<void> | undefined {
    return this.index.source.close?.();
  }
}

/**
 * Every scene of a file in order, with the WaymoReadError in place of each record that could not be
 * read (any other error is thrown): the `scenes()` of ScenarioFile and of the app's worker-backed set.
 */
export async function* eachScene(f: {
  count: number;
  record(k: number): number;
  scene(k: number): Promise<Scene>;
}): AsyncGenerator<{ k: number; record: number; scene?: Scene; error?: WaymoReadError }> {
  for (let k = 0; k < f.count; k++) {
    const record = f.record(k);
    try {
      yield { k, record, scene: await f.scene(k) };
    } catch (e) {
      if (!(e instanceof WaymoReadError)) throw e;
      yield { k, record, error: e };
    }
  }
}
