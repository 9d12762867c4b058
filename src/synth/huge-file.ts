// A huge WOMD Scenario TFRecord file for the browser's abuse test and `npm run bench -- huge`
// (issue 18 item 2), made of a few real buffers: every record is one synthetic scene plus an
// unknown field of padding (Scenario field 15, which every reader skips: scenario-wire.ts), with
// its own scenario id, so the file is valid record by record (lengths, both CRCs, one Scenario
// each) while the page holds only ~1 record's bytes. hugeFileParts (Node or page) gives
//   head: the first record's header and the payload up to its id: the same bytes in every record
//         (the id is the payload's last field, so the payload CRC of the shared part is computed
//         once and carried on: crc-32's buf(data, seed) continues a CRC);
//   tails: per record, its id field and its payload CRC, all the same length, back to back;
// and assembleHugeFile builds the file in the page as a Blob of references to those two Blobs
// (Chromium keeps a Blob made from Blobs as references, not copies), `records` records of
// `recordBytes` bytes each (4,000 of 1 MB: a 4 GB file).
import CRC32C from 'crc-32/crc32c.js';
import { encodeScene } from '../waymo/scenario';
import { encodeRecord, HEADER } from '../waymo/tfrecord';
import { generateScene } from './index';

export interface HugeFileParts {
  head: Uint8Array;
  tails: Uint8Array;
  /** Bytes of one record's tail (its id field and the 4-byte payload CRC). */
  tailBytes: number;
  records: number;
  /** Bytes per record, framing included. */
  recordBytes: number;
  /** The scenario id of record k. */
  idOf(k: number): string;
}

/** Scenario.scenario_id: field 5, length-delimited. */
const ID_TAG = (5 << 3) | 2;
/** An unknown Scenario field for the padding (fields 1-13 are taken or reserved). */
const PAD_TAG = (15 << 3) | 2;

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

/** The payload bytes without its scenario_id field (top-level fields walked by tag and length). */
function withoutId(p: Uint8Array): Uint8Array {
  const keep: number[] = [];
  let i = 0;
  const readVarint = () => {
    let v = 0;
    let m = 1;
    for (;;) {
      const b = p[i++]!;
      v += (b & 0x7f) * m;
      if (b < 0x80) return v;
      m *= 128;
    }
  };
  while (i < p.length) {
    const start = i;
    const tag = readVarint();
    const wire = tag & 7;
    if (wire === 0) readVarint();
    else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else {
      // length-delimited (not `i += readVarint()`: that adds to i as it was before the length)
      const n = readVarint();
      i += n;
    }
    if (tag !== ID_TAG) for (let k = start; k < i; k++) keep.push(p[k]!);
  }
  return Uint8Array.from(keep);
}

const masked = (crc: number) => ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;

export function hugeFileParts(o: { records: number; recordBytes: number; seed?: number }): HugeFileParts {
  const idOf = (k: number) => `huge-${String(k).padStart(6, '0')}`;
  const { scene } = generateScene(o.seed ?? 18, 0);
  const body = withoutId(encodeScene({ ...scene, id: idOf(0) }));
  const idField = (k: number) => {
    const id = new TextEncoder().encode(idOf(k));
    return Uint8Array.from([ID_TAG, ...varint(id.length), ...id]);
  };
  const idBytes = idField(0).length;
  // padding so that header + payload + footer = recordBytes (the pad's own length varint counted)
  let pad = o.recordBytes - HEADER - 4 - body.length - idBytes - 1;
  pad -= varint(pad).length;
  if (pad < 0) throw new Error(`a record needs at least ${o.recordBytes - pad} bytes`);
  const shared = new Uint8Array(1 + varint(pad).length + pad + body.length);
  shared.set([PAD_TAG, ...varint(pad)]);
  shared.set(body, shared.length - body.length);
  const first = new Uint8Array(shared.length + idBytes);
  first.set(shared);
  first.set(idField(0), shared.length);
  const record0 = encodeRecord(first);
  if (record0.length !== o.recordBytes)
    throw new Error(`record of ${record0.length} bytes, not ${o.recordBytes}`);
  const head = record0.subarray(0, HEADER + shared.length);
  const seed = CRC32C.buf(shared);
  const tailBytes = idBytes + 4;
  const tails = new Uint8Array(tailBytes * o.records);
  const dv = new DataView(tails.buffer);
  for (let k = 0; k < o.records; k++) {
    const f = idField(k);
    tails.set(f, k * tailBytes);
    dv.setUint32(k * tailBytes + idBytes, masked(CRC32C.buf(f, seed) >>> 0), true);
  }
  return { head, tails, tailBytes, records: o.records, recordBytes: o.recordBytes, idOf };
}

/**
 * In the page: `(head, tails, tailBytes, name) => File`, the file as a File of references to two
 * small Blobs (head, tails). JavaScript source, for page.evaluate (a function's own source would
 * carry the bundler's helpers, which the page lacks).
 */
export const ASSEMBLE_HUGE_FILE = `(head, tails, tailBytes, name) => {
  const headBlob = new Blob([head]);
  const tailBlob = new Blob([tails]);
  const parts = [];
  for (let o = 0; o < tails.length; o += tailBytes) parts.push(headBlob, tailBlob.slice(o, o + tailBytes));
  return new File(parts, name);
}`;
