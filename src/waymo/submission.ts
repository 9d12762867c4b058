// Opening a WOMD challenge submission (DESIGN.md section 3b) and looking scenarios up by id,
// without holding it whole. `openSubmission(source)` decides the format by the bytes, never the
// name:
//   - GZIP (1f 8b at 0): inflated ONCE, streaming, into memory in blocks of INFLATE_BLOCK_BYTES, so
//     lookups into it are random access. Cost: memory = the inflated size (gzip cannot be
//     seeked). Refused above `maxInflatedBytes` (MAX_INFLATED_BYTES by default) with a message
//     that says to gunzip the file first: a plain .tar or .binproto is read from disk on demand.
//     What is inside is sniffed again (tar, binproto or JSON). A damaged stream keeps what
//     inflated before the damage (a 'malformed' problem says where).
//   - tar ("ustar" at byte 257; POSIX and GNU): each regular member is one binproto shard,
//     indexed in place (no copy). GNU long names ('L') and pax 'path' / 'size' records are read;
//     directories, links and other entries are skipped, and so are members that are not shards:
//     AppleDouble files ('._name', macOS tar adds them), hidden files and empty members (listed
//     in `skipped`). A header checksum mismatch ends the archive there (a 'malformed' problem);
//     the members before it stay. Header fields are merged across shards: the first shard (in
//     archive order) that sets a field wins; a later shard that sets it to something else is a
//     'header-disagreement' warning naming both values.
//   - JSON (first non-space byte '{' and the first SNIFF_BYTES all text; a binproto always holds
//     control bytes there, its lengths and tags): the documented form in submission-json.ts,
//     read whole (refused above `maxJsonBytes`).
//   - anything else: one binproto MotionChallengeSubmission.
// A binproto (file or member) is indexed by submission-wire.ts's scan: the index is the ids, the
// byte offsets and lengths (ids to entries in a Map; about 100 bytes per scenario), read in
// windows of a few MB. `get(id)` reads one entry's bytes and decodes it. A scenario id that
// comes twice keeps the first entry ('duplicate-scenario' warning). The method name is the
// header's unique_method_name, else the file name.
import { SubmissionError } from './errors';
import type { ByteSource } from './source';
import { readJsonSubmission } from './submission-json';
import type { ScenarioPredictionsRecord, SubmissionHeader } from './submission-types';
import { decodeScenarioPredictions, scanSubmission, type HeaderFields } from './submission-wire';

/**
 * Default cap on a GZIP submission's inflated size. A full interaction submission (~44k
 * scenarios, 6 joint predictions of 2 x 16 points) inflates to ~75 MB and a full motion one
 * (up to 8 objects x 6 trajectories) to ~300-450 MB; 1 GiB holds either with room, and more than
 * that held in a browser tab beside the scenes and the model risks the tab. Above it: gunzip.
 */
export const MAX_INFLATED_BYTES = 1 << 30;
/**
 * Default cap on a JSON submission's size. JSON.parse holds the text and a tree several times its
 * size; the JSON form is for small sets written by hand or by scripts, a full submission belongs
 * in a binproto.
 */
export const MAX_JSON_BYTES = 256 << 20;
/** Inflated GZIP bytes are kept in blocks of this size: few blocks, and most window reads are zero-copy. */
export const INFLATE_BLOCK_BYTES = 4 << 20;
/** Bytes looked at to sniff: the tar magic sits at 257..261. */
const SNIFF_BYTES = 512;
const TAR_BLOCK = 512;

export type SubmissionFormat = 'binproto' | 'tar' | 'json';

export interface OpenSubmissionOptions {
  maxInflatedBytes?: number;
  maxJsonBytes?: number;
}

/** The header a submission that sets nothing has (proto2 defaults). */
export function emptyHeader(): SubmissionHeader {
  return {
    submissionType: 'unknown',
    accountName: '',
    uniqueMethodName: '',
    authors: [],
    affiliation: '',
    description: '',
    methodLink: '',
    usesLidarData: false,
    usesCameraData: false,
    usesPublicModelPretraining: false,
    numModelParameters: '',
    publicModelNames: [],
  };
}

/**
 * Header fields merged over parts in order: the first part that sets a field wins; a later part
 * that sets it differently is a 'header-disagreement' warning naming both parts and values.
 */
export function mergeHeaders(
  file: string,
  parts: readonly { name: string; fields: HeaderFields }[],
): { header: SubmissionHeader; warnings: SubmissionError[] } {
  const header = emptyHeader();
  const from = new Map<string, string>();
  const warnings: SubmissionError[] = [];
  for (const { name, fields } of parts)
    for (const [key, value] of Object.entries(fields)) {
      const first = from.get(key);
      if (first === undefined) {
        from.set(key, name);
        (header as unknown as Record<string, unknown>)[key] = value;
        continue;
      }
      const kept = (header as unknown as Record<string, unknown>)[key];
      if (JSON.stringify(kept) !== JSON.stringify(value))
        warnings.push(
          new SubmissionError(
            'header-disagreement',
            file,
            null,
            key,
            `${name} sets ${JSON.stringify(value)}, ${first} (first) set ${JSON.stringify(kept)}: the first is kept`,
          ),
        );
    }
  return { header, warnings };
}

/** An opened submission: its header and its scenarios by id, each decoded when asked for. */
export class SubmissionFile {
  private constructor(
    /** The file's name. */
    readonly name: string,
    readonly format: SubmissionFormat,
    /** Whether the file was GZIP (then held inflated in memory: `inflatedBytes`). */
    readonly gzip: boolean,
    readonly inflatedBytes: number,
    readonly header: SubmissionHeader,
    /** The binproto parts: the file, or the tar's members (by name) that were indexed. */
    readonly shards: readonly string[],
    /** Tar members passed over, with why. */
    readonly skipped: readonly string[],
    /** Damage: entries or parts that could not be read (everything else can). */
    readonly problems: readonly SubmissionError[],
    /** Header disagreements, duplicate scenario ids, JSON fields ignored. */
    readonly warnings: readonly SubmissionError[],
    private readonly lookup: Lookup,
  ) {}

  /** unique_method_name, else the file name. */
  get method(): string {
    return this.header.uniqueMethodName || this.name;
  }

  /** Scenarios indexed. */
  get count(): number {
    return this.lookup.ids.length;
  }

  /** Scenario ids in file order (first occurrence). */
  get ids(): readonly string[] {
    return this.lookup.ids;
  }

  has(id: string): boolean {
    return this.lookup.has(id);
  }

  /** The scenario's predictions, null when the submission has none; throws a 'malformed' SubmissionError. */
  get(id: string): Promise<ScenarioPredictionsRecord | null> {
    return this.lookup.get(id);
  }

  async close(): Promise<void> {
    await this.lookup.close();
  }

  /** Opens a submission of any accepted format (see the header); throws a 'file' SubmissionError when it is none. */
  static async open(source: ByteSource, o: OpenSubmissionOptions = {}): Promise<SubmissionFile> {
    const head = await source.read(0, SNIFF_BYTES);
    let src = source;
    let gzip = false;
    const problems: SubmissionError[] = [];
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
      const inflated = await inflate(source, o.maxInflatedBytes ?? MAX_INFLATED_BYTES);
      src = inflated.source;
      gzip = true;
      if (inflated.problem) problems.push(inflated.problem);
    }
    const inner = gzip ? await src.read(0, SNIFF_BYTES) : head;
    const inflatedBytes = gzip ? src.size : 0;
    const name = source.name;
    if (isJsonStart(inner)) {
      const cap = o.maxJsonBytes ?? MAX_JSON_BYTES;
      if (src.size > cap)
        throw new SubmissionError(
          'file',
          name,
          null,
          'json',
          `a JSON submission of ${src.size} bytes is over the ${cap}-byte cap for the JSON form; write a binproto`,
        );
      const json = readJsonSubmission(new TextDecoder().decode(await src.read(0, src.size)), name);
      const { header } = mergeHeaders(name, [{ name, fields: json.header }]);
      if (!json.header.submissionType) header.submissionType = inferType(json.records.values());
      return new SubmissionFile(
        name,
        'json',
        gzip,
        inflatedBytes,
        header,
        [name],
        [],
        problems,
        json.problems,
        {
          ids: [...json.records.keys()],
          has: (id) => json.records.has(id),
          get: async (id) => json.records.get(id) ?? null,
          close: async () => source.close?.(),
        },
      );
    }
    const isTar = isTarStart(inner);
    const parts: Part[] = [];
    const skipped: string[] = [];
    if (isTar) {
      const tar = await tarMembers(src, name);
      problems.push(...tar.problems);
      for (const m of tar.members) {
        const why = notAShard(m);
        if (why) skipped.push(`${m.name}: ${why}`);
        else parts.push(m);
      }
    } else parts.push({ name, offset: 0, size: src.size });
    const index = new Index();
    const warnings: SubmissionError[] = [];
    const headers: { name: string; fields: HeaderFields }[] = [];
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p]!;
      const scan = await scanSubmission(src, part.offset, part.offset + part.size, part.name, (e) => {
        const first = index.add(e.id, p, e.offset, e.length, e.ordinal);
        if (first !== null)
          warnings.push(
            new SubmissionError(
              'duplicate-scenario',
              part.name,
              e.id,
              'scenario_id',
              `a second entry for this scenario (the first is in ${parts[first]!.name}): the first is kept`,
              e.ordinal,
              e.offset,
            ),
          );
      });
      problems.push(...scan.problems);
      headers.push({ name: part.name, fields: scan.header });
    }
    const merged = mergeHeaders(name, headers);
    warnings.unshift(...merged.warnings);
    const names = parts.map((p) => p.name);
    return new SubmissionFile(
      name,
      isTar ? 'tar' : 'binproto',
      gzip,
      inflatedBytes,
      merged.header,
      names,
      skipped,
      problems,
      warnings,
      {
        ids: index.ids,
        has: (id) => index.at.has(id),
        get: async (id) => {
          const k = index.at.get(id);
          if (k === undefined) return null;
          const [offset, length] = [index.offsets[k]!, index.lengths[k]!];
          const bytes = await src.read(offset, length);
          if (bytes.length < length)
            throw new SubmissionError('malformed', names[index.parts[k]!]!, id, '', 'the entry is cut short');
          return decodeScenarioPredictions(bytes, names[index.parts[k]!]!, id, index.ordinals[k]!, offset);
        },
        close: async () => source.close?.(),
      },
    );
  }
}

/** openSubmission = SubmissionFile.open. */
export const openSubmission = (source: ByteSource, o?: OpenSubmissionOptions) =>
  SubmissionFile.open(source, o);

interface Lookup {
  ids: string[];
  has(id: string): boolean;
  get(id: string): Promise<ScenarioPredictionsRecord | null>;
  close(): Promise<void>;
}

/** The scenario index: ids in order and, per entry, its part, offset, length and ordinal in columns. */
class Index {
  readonly ids: string[] = [];
  readonly at = new Map<string, number>();
  offsets = new Float64Array(1024);
  lengths = new Uint32Array(1024);
  parts = new Uint32Array(1024);
  ordinals = new Uint32Array(1024);

  /** Adds an entry; returns the part of the earlier entry when the id is already indexed (then not added). */
  add(id: string, part: number, offset: number, length: number, ordinal: number): number | null {
    const k0 = this.at.get(id);
    if (k0 !== undefined) return this.parts[k0]!;
    const k = this.ids.length;
    if (k === this.offsets.length) {
      const grow = <A extends Float64Array | Uint32Array>(a: A): A => {
        const b = new (a.constructor as new (n: number) => A)(a.length * 2);
        b.set(a);
        return b;
      };
      [this.offsets, this.lengths, this.parts, this.ordinals] = [
        grow(this.offsets),
        grow(this.lengths),
        grow(this.parts),
        grow(this.ordinals),
      ];
    }
    this.ids.push(id);
    this.at.set(id, k);
    this.offsets[k] = offset;
    this.lengths[k] = length;
    this.parts[k] = part;
    this.ordinals[k] = ordinal;
    return null;
  }
}

function inferType(records: Iterable<ScenarioPredictionsRecord>): SubmissionHeader['submissionType'] {
  for (const r of records) {
    if (r.joint) return 'interaction';
    if (r.single) return 'motion';
  }
  return 'unknown';
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** Printable ASCII, whitespace or a UTF-8 byte: what JSON text is made of. */
const isText = (c: number) => (c >= 0x20 && c !== 0x7f) || isSpace(c);

/** JSON: first non-space byte '{' and every sniffed byte text (see the header). */
export function isJsonStart(b: Uint8Array): boolean {
  let i = 0;
  while (i < b.length && isSpace(b[i]!)) i++;
  return b[i] === 0x7b && b.every(isText);
}

/** "ustar" at 257 (POSIX "ustar\0", GNU "ustar "). */
export function isTarStart(b: Uint8Array): boolean {
  return b.length >= 262 && String.fromCharCode(...b.subarray(257, 262)) === 'ustar';
}

interface Part {
  name: string;
  offset: number;
  size: number;
}

/** Why a tar member is not read as a shard, or null. */
function notAShard(m: Part): string | null {
  const base = m.name.split('/').pop() ?? m.name;
  if (base.startsWith('._')) return 'an AppleDouble metadata file (macOS tar), not a shard';
  if (base.startsWith('.')) return 'a hidden file';
  if (m.size === 0) return 'empty';
  return null;
}

const ascii = (b: Uint8Array) => {
  const z = b.indexOf(0);
  return new TextDecoder().decode(z < 0 ? b : b.subarray(0, z));
};

/** A tar numeric field: octal text, or GNU base-256 (high bit of the first byte set). */
function tarNumber(b: Uint8Array): number {
  if (b[0]! & 0x80) {
    let v = b[0]! & 0x7f;
    for (let i = 1; i < b.length; i++) v = v * 256 + b[i]!;
    return v;
  }
  const s = ascii(b).trim();
  return s === '' ? 0 : parseInt(s, 8);
}

/** pax extended header records "LEN key=value\n". */
function paxRecords(b: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const text = new TextDecoder().decode(b);
  let i = 0;
  while (i < text.length) {
    const sp = text.indexOf(' ', i);
    const len = parseInt(text.slice(i, sp), 10);
    if (!(sp > i && len > 0)) break;
    const rec = text.slice(sp + 1, i + len - 1);
    const eq = rec.indexOf('=');
    if (eq > 0) out.set(rec.slice(0, eq), rec.slice(eq + 1));
    i += len;
  }
  return out;
}

/** The regular members of a tar archive: names and data spans (see the header). */
async function tarMembers(
  src: ByteSource,
  file: string,
): Promise<{ members: Part[]; problems: SubmissionError[] }> {
  const members: Part[] = [];
  const problems: SubmissionError[] = [];
  let pos = 0;
  let longName: string | null = null;
  let pax = new Map<string, string>();
  while (pos + TAR_BLOCK <= src.size) {
    const h = await src.read(pos, TAR_BLOCK);
    if (h.every((c) => c === 0)) break; // end of archive
    let sum = 0;
    for (let i = 0; i < TAR_BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
    if (sum !== tarNumber(h.subarray(148, 156))) {
      problems.push(
        new SubmissionError(
          'malformed',
          file,
          null,
          'tar header',
          'checksum mismatch (damaged archive): the members from here on are not read',
          -1,
          pos,
        ),
      );
      break;
    }
    const type = String.fromCharCode(h[156]!);
    const size = pax.has('size') ? Number(pax.get('size')) : tarNumber(h.subarray(124, 136));
    const prefix = ascii(h.subarray(345, 500));
    const name = pax.get('path') ?? longName ?? (prefix ? `${prefix}/` : '') + ascii(h.subarray(0, 100));
    const data = pos + TAR_BLOCK;
    if (data + size > src.size) {
      problems.push(
        new SubmissionError(
          'malformed',
          file,
          null,
          `tar member ${name}`,
          `its ${size} bytes run past the end of the archive (${src.size - data} left): truncated; read as far as it goes`,
          -1,
          pos,
        ),
      );
      if (type === '0' || type === '\0') members.push({ name, offset: data, size: src.size - data });
      break;
    }
    if (type === 'L' || type === 'x') {
      const body = await src.read(data, size);
      if (type === 'L') longName = ascii(body);
      else pax = paxRecords(body);
    } else {
      if (type === '0' || type === '\0' || type === '7') members.push({ name, offset: data, size });
      longName = null;
      pax = new Map();
    }
    pos = data + Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;
  }
  return { members, problems };
}

/** Bytes held in memory as blocks, read at random (a GZIP file inflated). */
function blocksSource(blocks: Uint8Array[], size: number, name: string): ByteSource {
  const B = INFLATE_BLOCK_BYTES;
  return {
    name,
    size,
    async read(offset, length) {
      const end = Math.min(size, offset + length);
      if (offset >= end) return new Uint8Array(0);
      const first = Math.floor(offset / B);
      if (Math.floor((end - 1) / B) === first)
        return blocks[first]!.subarray(offset - first * B, end - first * B);
      const out = new Uint8Array(end - offset);
      for (let o = offset; o < end;) {
        const k = Math.floor(o / B);
        const take = Math.min(end, (k + 1) * B) - o;
        out.set(blocks[k]!.subarray(o - k * B, o - k * B + take), o - offset);
        o += take;
      }
      return out;
    },
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          for (let k = 0; k * B < size; k++) c.enqueue(blocks[k]!.subarray(0, Math.min(B, size - k * B)));
          c.close();
        },
      }),
  };
}

/** Inflates a GZIP source into blocks (see the header); throws 'file' above the cap. */
async function inflate(
  source: ByteSource,
  cap: number,
): Promise<{ source: ByteSource; problem?: SubmissionError }> {
  const blocks: Uint8Array[] = [];
  let size = 0;
  let problem: SubmissionError | undefined;
  const reader = source
    .stream()
    .pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
    .getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.length > cap) {
        void reader.cancel().catch(() => undefined);
        throw new SubmissionError(
          'file',
          source.name,
          null,
          'gzip',
          `inflates to more than ${cap} bytes, the cap for a GZIP submission (it would be held in memory whole: ` +
            `GZIP cannot be read at random). Unpack it first (gunzip FILE, or tar -xzf FILE) and open the .tar ` +
            `or the .binproto shards: those are read from disk on demand`,
        );
      }
      let v = value;
      while (v.length > 0) {
        const k = Math.floor(size / INFLATE_BLOCK_BYTES);
        const at = size - k * INFLATE_BLOCK_BYTES;
        if (k === blocks.length) blocks.push(new Uint8Array(INFLATE_BLOCK_BYTES));
        const take = Math.min(v.length, INFLATE_BLOCK_BYTES - at);
        blocks[k]!.set(v.subarray(0, take), at);
        size += take;
        v = v.subarray(take);
      }
    }
  } catch (e) {
    if (e instanceof SubmissionError) throw e;
    problem = new SubmissionError(
      'malformed',
      source.name,
      null,
      'gzip',
      `GZIP stream damaged after ${size} inflated bytes (${(e as Error).message}): what inflated before it is read`,
    );
  }
  return { source: blocksSource(blocks, size, source.name), problem };
}
