// Node file I/O for the format layer (CLI, bench and tests; the browser uses blobSource): reading
// any file by ranges, writing TFRecord files and WOMD challenge submissions as they are made.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { finished, pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { ByteSource } from './source';
import { encodeRecord } from './tfrecord';
import type { ScenarioPredictionsRecord, SubmissionHeader } from './submission-types';
import {
  DEFAULT_SHARD_SCENARIOS,
  encodeHeaderFields,
  shardName,
  ShardWriter,
  shardTar,
  SubmissionWriter,
} from './submission-write';

export async function nodeFileSource(path: string): Promise<ByteSource> {
  const fh = await open(path, 'r');
  const { size } = await fh.stat();
  return {
    name: basename(path),
    size,
    async read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = new Uint8Array(n);
      let got = 0;
      while (got < n) {
        const { bytesRead } = await fh.read(buf, got, n - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === n ? buf : buf.subarray(0, got);
    },
    stream: () => Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
    close: () => fh.close(),
  };
}

/**
 * Writes TFRecord records to a file as they come, so a 1 GB file never sits in memory.
 * With `gzip`, the file is a GZIP stream of the records, as TensorFlow's GZIP option writes it.
 */
export async function writeRecordFile(
  path: string,
  payloads: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  opts: { gzip?: boolean } = {},
): Promise<number> {
  const out = createWriteStream(path);
  const zip = opts.gzip ? createGzip() : null;
  if (zip) zip.pipe(out);
  const sink = zip ?? out;
  let count = 0;
  for await (const p of payloads) {
    if (!sink.write(encodeRecord(p))) await once(sink, 'drain');
    count++;
  }
  sink.end();
  await finished(out);
  return count;
}

/** A submission file's container, from its name (submissionContainer). */
export type SubmissionContainer = 'binproto' | 'binproto.gz' | 'tar.gz';

/**
 * The container a submission's file name asks for: `.tar.gz` (or `.tgz`) a gzipped ustar of
 * binproto shards (what WOMD's upload takes), `.binproto.gz` one gzipped MotionChallengeSubmission,
 * `.binproto` a plain one. Any other name is refused, naming it: a plain binproto named `.tar`
 * would fail only at the upload.
 */
export function submissionContainer(path: string): SubmissionContainer {
  if (/\.(tar\.gz|tgz)$/.test(path)) return 'tar.gz';
  if (path.endsWith('.binproto.gz')) return 'binproto.gz';
  if (path.endsWith('.binproto')) return 'binproto';
  throw new Error(`${path}: a submission file ends in .binproto, .binproto.gz or .tar.gz`);
}

/** A submission being written: add records one at a time, then finish. */
export interface SubmissionFile {
  container: SubmissionContainer;
  add: (r: ScenarioPredictionsRecord) => Promise<void>;
  /** Writes the header (every shard's), closes the file; what was written. */
  finish: () => Promise<{ scenarios: number; shards: number }>;
}

/**
 * Opens `path` for a submission with `header`, the container by its name (submissionContainer):
 * records are written as they are added (a .tar.gz holds one shard of at most `shardScenarios`
 * scenarios in memory, default DEFAULT_SHARD_SCENARIOS: its size precedes it in the archive). The
 * header is checked before the file is created.
 */
export function openSubmissionFile(
  path: string,
  header: SubmissionHeader,
  o: { shardScenarios?: number } = {},
): SubmissionFile {
  const container = submissionContainer(path);
  encodeHeaderFields(header); // a bad header fails before any file exists
  if (container === 'tar.gz') {
    const tar = shardTar();
    const done = pipeline(
      Readable.fromWeb(tar.readable as NodeReadableStream<Uint8Array>),
      createGzip(),
      createWriteStream(path),
    );
    done.catch(() => undefined); // awaited in finish; an early failure also surfaces there
    const base = basename(path).replace(/\.(tar\.gz|tgz)$/, '');
    const shards = new ShardWriter(header, o.shardScenarios ?? DEFAULT_SHARD_SCENARIOS, (s) =>
      tar.add(shardName(base, s.index), s),
    );
    return {
      container,
      add: (r) => shards.add(r),
      async finish() {
        await shards.finish();
        tar.finalize();
        await done;
        return { scenarios: shards.scenarios, shards: shards.shards };
      },
    };
  }
  const out = createWriteStream(path);
  const zip = container === 'binproto.gz' ? createGzip() : null;
  if (zip) zip.pipe(out);
  const sink = zip ?? out;
  const writer = new SubmissionWriter(async (chunk) => {
    if (!sink.write(chunk)) await once(sink, 'drain');
  });
  return {
    container,
    add: (r) => writer.add(r),
    async finish() {
      await writer.finish(header);
      sink.end();
      await finished(out);
      return { scenarios: writer.scenarios, shards: 1 };
    },
  };
}
