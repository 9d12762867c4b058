// The one entry to every scenario format (DESIGN.md sections 3 and 3c): `openSceneFile` sniffs a
// file's bytes (never its name) and opens it as a TFRecord of Scenario or tf.Example records
// (plain or GZIP; each record's payload is sniffed on decode, file.ts) or as one GPUDrive/Nocturne
// JSON scenario (plain or GZIP); `SceneSet` opens several files as one list of scenes. Every format
// ends in the same Scene, and every problem is a WaymoReadError naming file, record and field: a
// file that cannot be opened at all is one problem of the set, and the other files stay open.
import type { Scene } from '../scene/scene';
import { WaymoReadError } from './errors';
import { ScenarioFile } from './file';
import { readJsonScene } from './json';
import type { ByteSource } from './source';
import { isRecordHeader } from './tfrecord';

/** Extensions that are never scenario files (WOMD shards often have no extension at all). */
const NOT_DATA = /\.(md|txt|pdf|html?|png|jpe?g|gif|svg|csv|py|sh|ipynb|zip|tar|js|ts)$/i;

/**
 * Whether a file found in a folder is offered to the reader: hidden files and documents that sit
 * beside data (README.md, notes, images) are not; anything else is, and the sniffer names what it
 * cannot read. The app's folder picker and the CLI's directory arguments share this rule.
 */
export function isScenarioCandidate(path: string): boolean {
  const name = path.split('/').pop() ?? path;
  return !name.startsWith('.') && !NOT_DATA.test(name);
}

/** What the app, the CLI and the file-level run read: a list of scenes decoded on demand. */
export interface SceneFile {
  readonly name: string;
  /** Scenes the file holds (readable-looking records; a JSON file holds one). */
  readonly count: number;
  /** Damage found while opening. */
  readonly problems: WaymoReadError[];
  /** The record number of the k-th scene, as every message names it. */
  record(k: number): number;
  /** Decodes the k-th scene; throws WaymoReadError. */
  scene(k: number): Promise<Scene>;
  /** Every scene in order, with the WaymoReadError in place of each one that could not be read. */
  scenes(): AsyncGenerator<{ k: number; record: number; scene?: Scene; error?: WaymoReadError }>;
  close?(): Promise<void> | undefined;
}

export type SceneFormat = 'tfrecord' | 'json';

export interface OpenOptions {
  /**
   * Decodes a JSON scenario's bytes (plain or GZIP). Default: readJsonScene on this thread; the
   * app passes one that parses in a worker, so a 3 MB file does not freeze the page.
   */
  decodeJson?: (bytes: Uint8Array, file: string) => Promise<Scene>;
  /** Cap on a GZIP TFRecord's inflated size (tfrecord.ts MAX_GZIP_INFLATED_BYTES by default). */
  maxInflatedBytes?: number;
}

/** Bytes sniffed: enough for a TFRecord header (12) and leading JSON whitespace. */
const SNIFF_BYTES = 64;

async function firstBytes(source: ByteSource): Promise<Uint8Array> {
  const head = await source.read(0, SNIFF_BYTES);
  if (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) return head;
  // GZIP: the first decompressed chunk says what is inside
  const reader = source
    .stream()
    .pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
    .getReader();
  try {
    // the first chunk with bytes (an empty result: nothing inside, which sniffFormat names)
    for (;;) {
      const { done, value } = await reader.read();
      if (value?.length) return value;
      if (done) return new Uint8Array(0);
    }
  } catch {
    return head; // damaged GZIP: the TFRecord reader names the damage
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** Printable ASCII or whitespace: a TFRecord header (a little-endian u64 length) never is. */
const isText = (c: number) => (c >= 0x20 && c < 0x7f) || isSpace(c);

/**
 * The format of a file from its first bytes: TFRecord when they are a record header whose length
 * CRC checks out (a record's length can start with the byte '{', so this comes first); else JSON
 * when the first non-space byte is '{'; text that is not JSON (a README, a CSV) is refused with a
 * named error, and so is a file with no bytes at all (else it opened as a TFRecord of no scenes,
 * with nothing said); anything else is read as TFRecord, whose reader names damage record by record.
 */
export async function sniffFormat(source: ByteSource): Promise<SceneFormat> {
  const b = await firstBytes(source);
  if (b.length === 0)
    throw new WaymoReadError(
      source.name,
      -1,
      'format',
      source.size === 0 ? 'an empty file (0 bytes)' : 'a GZIP file with nothing inside',
    );
  if (isRecordHeader(b)) return 'tfrecord';
  let i = 0;
  while (i < b.length && isSpace(b[i]!)) i++;
  if (b[i] === 0x7b) return 'json';
  if (b.length >= 12 && b.subarray(0, 12).every(isText))
    throw new WaymoReadError(
      source.name,
      -1,
      'format',
      `a text file, not a scenario file: neither JSON (starts with '${String.fromCharCode(...b.subarray(0, 12)).trim()}…') nor a TFRecord`,
    );
  return 'tfrecord';
}

/** One GPUDrive/Nocturne JSON scenario: a file of one scene, read whole when it is decoded. */
class JsonSceneFile implements SceneFile {
  readonly count = 1;
  readonly problems: WaymoReadError[] = [];
  constructor(
    private readonly source: ByteSource,
    private readonly decode: (bytes: Uint8Array, file: string) => Promise<Scene>,
  ) {}

  get name(): string {
    return this.source.name;
  }

  record(k: number): number {
    return k === 0 ? 0 : -1;
  }

  async scene(k: number): Promise<Scene> {
    if (k !== 0) throw new WaymoReadError(this.name, k, 'index', `no record ${k} (a JSON file holds one)`);
    return this.decode(await this.source.read(0, this.source.size), this.name);
  }

  async *scenes(): AsyncGenerator<{ k: number; record: number; scene?: Scene; error?: WaymoReadError }> {
    try {
      yield { k: 0, record: 0, scene: await this.scene(0) };
    } catch (e) {
      if (!(e instanceof WaymoReadError)) throw e;
      yield { k: 0, record: 0, error: e };
    }
  }

  close(): Promise<void> | undefined {
    return this.source.close?.();
  }
}

/** Opens one file of any readable format; throws WaymoReadError when it is none of them. */
export async function openSceneFile(source: ByteSource, o: OpenOptions = {}): Promise<SceneFile> {
  const format = await sniffFormat(source);
  if (format === 'json') return new JsonSceneFile(source, o.decodeJson ?? readJsonScene);
  return ScenarioFile.open(source, { maxInflatedBytes: o.maxInflatedBytes });
}

/**
 * Several files as one list of scenes, in the order given: scene k belongs to `fileOf(k)` and is
 * named there by its own record number. A file that cannot be opened is a problem of the set.
 */
export class SceneSet implements SceneFile {
  private constructor(
    readonly files: SceneFile[],
    readonly problems: WaymoReadError[],
    /** files.length + 1 offsets: scenes of file i are starts[i] .. starts[i+1]-1. */
    private readonly starts: number[],
  ) {}

  static async open(sources: ByteSource[], o: OpenOptions = {}): Promise<SceneSet> {
    const files: SceneFile[] = [];
    const problems: WaymoReadError[] = [];
    for (const source of sources) {
      try {
        const f = await openSceneFile(source, o);
        files.push(f);
        problems.push(...f.problems);
      } catch (e) {
        problems.push(
          e instanceof WaymoReadError
            ? e
            : new WaymoReadError(source.name, -1, 'file', e instanceof Error ? e.message : String(e)),
        );
      }
    }
    const starts = [0];
    for (const f of files) starts.push(starts[starts.length - 1]! + f.count);
    return new SceneSet(files, problems, starts);
  }

  /** The file's name when one file is open, else how many. */
  get name(): string {
    return this.files.length === 1 ? this.files[0]!.name : `${this.files.length} files`;
  }

  get count(): number {
    return this.starts[this.starts.length - 1]!;
  }

  /** The file holding scene k and k's position in it; null when out of range. */
  locate(k: number): { file: SceneFile; local: number } | null {
    if (!(k >= 0 && k < this.count)) return null;
    let i = 0;
    while (this.starts[i + 1]! <= k) i++;
    return { file: this.files[i]!, local: k - this.starts[i]! };
  }

  /** Name of the file that holds scene k. */
  fileOf(k: number): string {
    return this.locate(k)?.file.name ?? '';
  }

  record(k: number): number {
    const at = this.locate(k);
    return at ? at.file.record(at.local) : -1;
  }

  async scene(k: number): Promise<Scene> {
    const at = this.locate(k);
    if (!at) throw new WaymoReadError(this.name, k, 'index', `no scene ${k} (${this.count} open)`);
    return at.file.scene(at.local);
  }

  async *scenes(): AsyncGenerator<{ k: number; record: number; scene?: Scene; error?: WaymoReadError }> {
    for (let i = 0; i < this.files.length; i++)
      for await (const r of this.files[i]!.scenes()) yield { ...r, k: this.starts[i]! + r.k };
  }

  async close(): Promise<void> {
    await Promise.all(this.files.map((f) => f.close?.()));
  }
}
