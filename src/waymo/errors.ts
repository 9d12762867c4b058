// The one error type the format layer throws: it names the file, the record and the field, so a
// user can find the bad bytes, and callers can skip that record and keep the rest of the file.

export class WaymoReadError extends Error {
  constructor(
    readonly file: string,
    /** Record index in the file, or -1 for the file as a whole. */
    readonly record: number,
    /** The field or part at fault: 'header', 'payload', 'tracks[3].states[7].center_x', ... */
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${record >= 0 ? `record ${record}` : 'file'}: ${field}: ${reason}`);
    this.name = 'WaymoReadError';
  }
}
