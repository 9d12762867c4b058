// The one error type the format layer throws: it names the file, the record and the field, so a
// user can find the bad bytes, and callers can skip that record and keep the rest of the file.

export class WaymoReadError extends Error {
  constructor(
    readonly file: string,
    /**
     * Record number in the file, or -1 for the file as a whole: the ordinal among the records
     * found, where a damaged span the reader skips counts as one (RecordEntry.index). The app's
     * scene list, file-run table and CSV show the same number.
     */
    readonly record: number,
    /** The field or part at fault: 'header', 'payload', 'tracks[3].states[7].center_x', ... */
    readonly field: string,
    readonly reason: string,
    /** Byte offset of the record's header in the (decompressed) file, when known. */
    readonly offset?: number,
  ) {
    super(
      `${file}: ${record >= 0 ? `record ${record}${offset !== undefined ? ` (byte ${offset})` : ''}` : 'file'}: ${field}: ${reason}`,
    );
    this.name = 'WaymoReadError';
  }
}
