// Random-access bytes of a file, the same over a browser File/Blob, a Node file and memory, so
// the TFRecord reader reads only the 12-byte headers at open and a payload when it is asked for.

export interface ByteSource {
  /** File name, used in error messages. */
  readonly name: string;
  readonly size: number;
  /** Up to `length` bytes at `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** The whole file as a stream, for GZIP decompression. */
  stream(): ReadableStream<Uint8Array>;
  close?(): Promise<void>;
}

export function blobSource(blob: Blob, name = (blob as File).name ?? 'blob'): ByteSource {
  return {
    name,
    size: blob.size,
    async read(offset, length) {
      const end = Math.min(blob.size, offset + length);
      if (offset >= end) return new Uint8Array(0);
      return new Uint8Array(await blob.slice(offset, end).arrayBuffer());
    },
    stream: () => blob.stream() as ReadableStream<Uint8Array>,
  };
}

export function memorySource(bytes: Uint8Array, name = 'memory'): ByteSource {
  return {
    name,
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(bytes);
          c.close();
        },
      }),
  };
}
