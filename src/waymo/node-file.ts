// Node file I/O for the format layer (CLI, bench and tests; the browser uses blobSource).
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { ByteSource } from './source';
import { encodeRecord } from './tfrecord';

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
