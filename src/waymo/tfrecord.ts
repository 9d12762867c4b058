// TFRecord container: uint64 length | masked crc32c(length) | payload | masked crc32c(payload).
// Opening a file reads only the 12-byte headers; payload CRCs are checked when a record is read.
// A GZIP file cannot be read at random, so it is inflated into memory whole, and only up to a cap
// (MAX_GZIP_INFLATED_BYTES, or IndexOptions.maxInflatedBytes): one over it is refused with a
// WaymoReadError (field 'gzip') that says to gunzip it, before anything is inflated when the file
// itself is bigger than the cap, else as soon as inflating passes the cap (the submission reader's
// rule, submission.ts, with a cap of its own).
import { maskedCrc32c } from './crc32c';
import { WaymoReadError } from './errors';
import { type ByteSource, memorySource } from './source';

export const HEADER = 12;
const FOOTER = 4;

/**
 * How far past a damaged header we look for the next good one. WOMD scenarios are at most a few
 * MB, so the next record starts well inside this; a cap keeps a file that is not TFRecord at all
 * from costing a scan of every byte.
 */
export const MAX_RESYNC_BYTES = 64 << 20;

/**
 * Default cap on a GZIP scenario file's inflated size, in bytes. Inflated, the file is held in
 * memory whole (and twice while its pieces are joined), in the page's scene worker beside the
 * scenes and the model; a plain TFRecord of any size is read from disk by index instead, so
 * there is no reason to hold more: WOMD ships its scenario shards uncompressed, and the GZIP ones
 * `npm run convert` writes for sharing a few scenes are far below this (42 demo scenes: 12 MB).
 * Lower than a submission's cap (1 GiB, submission.ts), which must hold a whole motion submission.
 */
export const MAX_GZIP_INFLATED_BYTES = 256 << 20;

export interface IndexOptions {
  /** Cap on a GZIP file's inflated size (default MAX_GZIP_INFLATED_BYTES); tests lower it. */
  maxInflatedBytes?: number;
}

export interface RecordEntry {
  /** Position of the record in the file, counting damaged ones, as error messages number them. */
  index: number;
  /** Byte offset of the payload. */
  offset: number;
  length: number;
}

export interface RecordIndex {
  file: string;
  /** True when the file was GZIP-compressed (it is then decompressed into memory). */
  gzip: boolean;
  source: ByteSource;
  records: RecordEntry[];
  /** Damage found while indexing; every record not named here is readable. */
  problems: WaymoReadError[];
}

function u64le(b: Uint8Array, o: number): number {
  const dv = new DataView(b.buffer, b.byteOffset + o, 8);
  // Exact below 2^53, far beyond any real file; larger values are rejected as too long anyway.
  return dv.getUint32(0, true) + dv.getUint32(4, true) * 2 ** 32;
}

function u32le(b: Uint8Array, o: number): number {
  return new DataView(b.buffer, b.byteOffset + o, 4).getUint32(0, true);
}

function headerOk(b: Uint8Array, o: number): boolean {
  return maskedCrc32c(b.subarray(o, o + 8)) === u32le(b, o + 8);
}

/** Whether the first 12 bytes are a TFRecord header whose length CRC checks out. */
export function isRecordHeader(b: Uint8Array): boolean {
  return b.length >= HEADER && headerOk(b, 0);
}

/** Finds the next offset after `from` holding a valid header whose record fits in the file. */
async function resync(src: ByteSource, from: number): Promise<number> {
  const CHUNK = 1 << 20;
  const limit = Math.min(src.size, from + MAX_RESYNC_BYTES);
  for (let start = from; start + HEADER <= limit; start += CHUNK) {
    const buf = await src.read(start, CHUNK + HEADER - 1);
    for (let i = 0; i + HEADER <= buf.length; i++) {
      if (!headerOk(buf, i)) continue;
      const pos = start + i;
      if (pos + HEADER + u64le(buf, i) + FOOTER <= src.size) return pos;
    }
  }
  return -1;
}

/** Why a GZIP file is refused, and what to do (the reason of a 'gzip' WaymoReadError). */
function overCap(what: string, cap: number): string {
  return (
    `${what}, over the ${cap}-byte cap for a GZIP scenario file: it would be held in memory whole ` +
    `(GZIP cannot be read at random). Unpack it first (gunzip FILE) and open the plain TFRecord: ` +
    `that is read from disk by index, at any size`
  );
}

/**
 * Refuses, before anything is inflated, a GZIP file that must inflate past `cap`: one bigger than
 * the cap (deflate never shrinks what it stores by more than a few bytes per block, so the
 * inflated bytes are at least as many). The GZIP trailer's ISIZE is not trusted for this: a
 * truncated file's last four bytes are any bytes, and its records before the cut must still open
 * (test/unit/waymo.test.ts). A file that passes can still inflate past the cap: gunzip stops there.
 */
function checkGzipSize(src: ByteSource, cap: number): void {
  if (src.size > cap)
    throw new WaymoReadError(src.name, -1, 'gzip', overCap(`a GZIP file of ${src.size} bytes`, cap));
}

async function gunzip(
  src: ByteSource,
  cap = Infinity,
): Promise<{ bytes: Uint8Array; problem?: WaymoReadError }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let problem: WaymoReadError | undefined;
  const reader = src
    .stream()
    .pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
    .getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (total + value.length > cap) {
        void reader.cancel().catch(() => undefined);
        throw new WaymoReadError(
          src.name,
          -1,
          'gzip',
          overCap(`a GZIP file that inflates to more than ${cap} bytes`, cap),
        );
      }
      chunks.push(value);
      total += value.length;
    }
  } catch (e) {
    if (e instanceof WaymoReadError) throw e;
    // Keep what decompressed before the damage: the records in it are still good.
    problem = new WaymoReadError(src.name, -1, 'gzip', `GZIP stream damaged after ${total} bytes: ${e}`);
  }
  const bytes = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    bytes.set(c, o);
    o += c.length;
  }
  return { bytes, problem };
}

/**
 * Indexes the records of a TFRecord file (plain or GZIP) without reading their payloads; throws a
 * WaymoReadError (field 'gzip') for a GZIP file over the cap (see the header).
 */
export async function indexRecords(source: ByteSource, o: IndexOptions = {}): Promise<RecordIndex> {
  const problems: WaymoReadError[] = [];
  const magic = await source.read(0, 2);
  const gzip = magic.length === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  let src = source;
  if (gzip) {
    const cap = o.maxInflatedBytes ?? MAX_GZIP_INFLATED_BYTES;
    checkGzipSize(source, cap);
    const { bytes, problem } = await gunzip(source, cap);
    if (problem) problems.push(problem);
    src = memorySource(bytes, source.name);
  }
  const records: RecordEntry[] = [];
  const file = src.name;
  let pos = 0;
  let index = 0;
  while (pos < src.size) {
    const left = src.size - pos;
    if (left < HEADER) {
      problems.push(
        new WaymoReadError(
          file,
          index,
          'header',
          `truncated: ${left} bytes left, a header needs ${HEADER}`,
          pos,
        ),
      );
      break;
    }
    const h = await src.read(pos, HEADER);
    const length = u64le(h, 0);
    let bad: string | null = null;
    if (!headerOk(h, 0)) bad = 'length CRC mismatch (damaged header, or not a TFRecord file)';
    else if (length + FOOTER > left - HEADER)
      bad = `length ${length} runs past the end of the file (${left - HEADER} bytes left): truncated or corrupt`;
    if (bad === null) {
      records.push({ index, offset: pos + HEADER, length });
      pos += HEADER + length + FOOTER;
      index++;
      continue;
    }
    problems.push(new WaymoReadError(file, index, 'header', bad, pos));
    index++;
    const next = await resync(src, pos + 1);
    if (next < 0) break;
    pos = next;
  }
  return { file, gzip, source: src, records, problems };
}

/** Reads one record's payload and checks its CRC. */
export async function readRecord(idx: RecordIndex, entry: RecordEntry): Promise<Uint8Array> {
  const buf = await idx.source.read(entry.offset, entry.length + FOOTER);
  if (buf.length < entry.length + FOOTER)
    throw new WaymoReadError(idx.file, entry.index, 'payload', 'truncated payload', entry.offset - HEADER);
  const payload = buf.subarray(0, entry.length);
  if (maskedCrc32c(payload) !== u32le(buf, entry.length))
    throw new WaymoReadError(
      idx.file,
      entry.index,
      'payload',
      'CRC mismatch: the payload is damaged',
      entry.offset - HEADER,
    );
  return payload;
}

/** One record in TFRecord framing. */
export function encodeRecord(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER + payload.length + FOOTER);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, payload.length % 2 ** 32, true);
  dv.setUint32(4, Math.floor(payload.length / 2 ** 32), true);
  dv.setUint32(8, maskedCrc32c(out.subarray(0, 8)), true);
  out.set(payload, HEADER);
  dv.setUint32(HEADER + payload.length, maskedCrc32c(payload), true);
  return out;
}

/** A whole TFRecord file in memory (demo sets, tests). */
export function encodeRecords(payloads: Uint8Array[]): Uint8Array {
  const parts = payloads.map(encodeRecord);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Decompresses a whole GZIP file held in memory (DecompressionStream, browser and Node alike).
 * Unlike a TFRecord file, whose records before a damaged spot stay usable, a caller of this wants
 * all of it: a damaged or truncated stream is a WaymoReadError (field 'gzip').
 */
export async function gunzipBytes(bytes: Uint8Array, name = 'memory', record = -1): Promise<Uint8Array> {
  const { bytes: out, problem } = await gunzip(memorySource(bytes, name));
  if (problem) throw new WaymoReadError(name, record, problem.field, problem.reason);
  return out;
}

/** GZIP-compresses bytes with the platform CompressionStream (browser and Node alike). */
export async function gzipBytes(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = memorySource(bytes)
    .stream()
    .pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
