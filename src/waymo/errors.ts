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

/**
 * What a WOMD challenge submission (DESIGN.md section 3b) can get wrong, by kind, so a caller can
 * count them (the per-file summary) and show each where it belongs. Reading: 'file' (not a
 * submission, too large to inflate), 'malformed' (wire or tar damage: the entries after it are
 * lost), 'no-scenario-id', 'duplicate-scenario', 'header-disagreement', 'json' (the JSON form's
 * structure). Matching to a scene (metrics/submission.ts): the rest.
 */
export type SubmissionErrorKind =
  | 'file'
  | 'malformed'
  | 'no-scenario-id'
  | 'duplicate-scenario'
  | 'header-disagreement'
  | 'json'
  | 'unknown-scenario'
  | 'no-predictions'
  | 'object-not-in-scene'
  | 'not-the-pair'
  | 'pair-not-predicted'
  | 'point-count'
  | 'too-many-predictions'
  | 'non-finite-point'
  | 'bad-confidence'
  | 'no-current-state';

/**
 * A problem of a challenge submission: a WaymoReadError (so code that catches those catches this)
 * that also names the scenario (null: the file or a part of it) and its kind. `field` names the
 * part: 'joint_prediction.joint_trajectories[7].trajectories[1] (object 1234).center_x', ...;
 * `record` is the entry's ordinal among the file's scenario_predictions when known, else -1.
 */
export class SubmissionError extends WaymoReadError {
  constructor(
    readonly kind: SubmissionErrorKind,
    file: string,
    readonly scenario: string | null,
    field: string,
    reason: string,
    record = -1,
    offset?: number,
  ) {
    super(file, record, field, reason, offset);
    this.name = 'SubmissionError';
    const where =
      scenario !== null
        ? `scenario ${scenario}`
        : record >= 0
          ? `scenario_predictions[${record}]${offset !== undefined ? ` (byte ${offset})` : ''}`
          : offset !== undefined
            ? `byte ${offset}`
            : 'file';
    this.message = `${file}: ${where}: ${field}: ${reason}`;
  }
}
