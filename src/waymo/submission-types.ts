// The WOMD challenge submission in memory (DESIGN.md section 3b): what the reader
// (waymo/submission.ts) gives and the writer (waymo/submission-write.ts) takes. Plain data, no
// protobufjs types, so the app's main bundle, the worker and the Node tools share it.
//
// Coordinates are WORLD coordinates as the file holds them (not Scene.origin-relative); a
// trajectory holds SUBMISSION_POINTS points at 2 Hz, the scene's steps SUBMISSION_STEPS (0.5 s to
// 8 s after the current step 10). Confidences are the file's, not normalised (WOMD ranks them
// across scenes); whoever shows a per-scene distribution normalises with a stated rule.

/** Points per trajectory in a submission: 16 at 2 Hz. */
export const SUBMISSION_POINTS = 16;
/** The step a submission predicts from (WOMD's current_time_index). */
export const SUBMISSION_CURRENT_STEP = 10;
/** The scene steps of the 16 points: 15, 20, ..., 90. */
export const SUBMISSION_STEPS: readonly number[] = Array.from(
  { length: SUBMISSION_POINTS },
  (_, k) => SUBMISSION_CURRENT_STEP + 5 * (k + 1),
);
/** At most this many joint predictions per scenario (interaction) or trajectories per object (motion) count. */
export const SUBMISSION_MAX_PREDICTIONS = 6;

/** MotionChallengeSubmission.submission_type. */
export type SubmissionType = 'unknown' | 'motion' | 'interaction';

/** MotionChallengeSubmission's fields other than scenario_predictions. */
export interface SubmissionHeader {
  submissionType: SubmissionType;
  accountName: string;
  uniqueMethodName: string;
  authors: string[];
  affiliation: string;
  description: string;
  methodLink: string;
  usesLidarData: boolean;
  usesCameraData: boolean;
  usesPublicModelPretraining: boolean;
  /** An integer with a K/M/B suffix, e.g. "200K" (the challenge requires it). */
  numModelParameters: string;
  publicModelNames: string[];
}

/** One object's trajectory: x and y in world coordinates, SUBMISSION_POINTS each (as read; checked by matching). */
export interface TrajectoryPoints {
  x: Float32Array;
  y: Float32Array;
}

/** ObjectTrajectory of a joint prediction. */
export interface ObjectTrajectoryRecord extends TrajectoryPoints {
  objectId: number;
}

/** ScoredJointTrajectory: one joint future of the pair. */
export interface JointPredictionRecord {
  confidence: number;
  trajectories: ObjectTrajectoryRecord[];
}

/** ScoredTrajectory of a per-object (motion) prediction. */
export interface ScoredTrajectoryRecord extends TrajectoryPoints {
  confidence: number;
}

/** SingleObjectPrediction. */
export interface SingleObjectPredictionRecord {
  objectId: number;
  trajectories: ScoredTrajectoryRecord[];
}

/** ChallengeScenarioPredictions: exactly one of joint / single is set (the proto's oneof), or neither when the file sets none. */
export interface ScenarioPredictionsRecord {
  scenarioId: string;
  joint: JointPredictionRecord[] | null;
  single: SingleObjectPredictionRecord[] | null;
}
