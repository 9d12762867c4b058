// Sizes, seeds and hyper-parameters of the model, its data and its training: one place, so the
// weights card can record exactly what produced the shipped weights.

/** Data sets made by `npm run data` with the synthetic generator (data/ is not committed). */
export const DATA_CONFIG = {
  dir: 'data/model',
  shardSize: 1000,
  splits: {
    train: { scenes: 20000, seed: 61001 },
    val: { scenes: 2000, seed: 61002 },
    test: { scenes: 2000, seed: 61003 },
  },
} as const;
export type Split = keyof typeof DATA_CONFIG.splits;

/** Feature sizes (features.ts). */
export const FEATURES = {
  /** History steps including the current one (1.0 s at 10 Hz). */
  history: 11,
  /** Future steps predicted (8.0 s at 10 Hz). */
  future: 80,
  /** Other agents kept, nearest to the pair first. */
  others: 8,
  /** Map polyline pieces kept, nearest to the pair first. */
  polylines: 48,
  /** Points per polyline piece, resampled every `pointStepM`. */
  points: 8,
  pointStepM: 2.5,
  /** Map and agents farther than this from both agents of the pair are left out. */
  radiusM: 60,
  /** Positions and velocities are divided by this before entering the network. */
  scaleM: 10,
} as const;

/** Network widths (network.ts). */
export const NETWORK = {
  modes: 3,
  hidden: 64,
  context: 128,
  decoderHidden: 256,
  /** Goal mixture components per mode: each component is a joint end point of both agents. */
  goalComponents: 2,
  /** The trajectory decoder corrects a constant-acceleration path to the goal (network.ts basePath). */
  trajectoryBase: 'constant-acceleration-to-goal',
} as const;

export interface TrainConfig {
  /** Weight of the pseudo-label cross-entropy on q and p; 0 gives the vanilla CVAE. */
  labelWeight: number;
  klWeight: number;
  goalWeight: number;
  trajWeight: number;
  batch: number;
  epochs: number;
  learningRate: number;
  seed: number;
  /** Extra prediction times per training scene, drawn in [11, maxExtraStep] besides step 10. */
  extraSteps: number;
  maxExtraStep: number;
}

export const TRAIN_CONFIG: TrainConfig = {
  labelWeight: 1,
  klWeight: 1,
  goalWeight: 1,
  trajWeight: 1,
  batch: 64,
  epochs: 20,
  learningRate: 1e-3,
  seed: 7,
  extraSteps: 1,
  maxExtraStep: 60,
};

/** The two trained variants: same everything but the pseudo-label loss. */
export const VARIANTS = {
  pseudo: { ...TRAIN_CONFIG },
  vanilla: { ...TRAIN_CONFIG, labelWeight: 0 },
} as const;
export type Variant = keyof typeof VARIANTS;

/**
 * Training on real scenes (`npm run train -- --data real`, DESIGN.md 6b): the variant's config with
 * these changes. The real training split holds about 230 rule pairs, so each pair gives several
 * prediction steps and the epochs are many more than on 20,000 synthetic scenes (the steps taken
 * stay far fewer). `quick` is for iterating in minutes; `full` is the one reported figures use.
 */
export const REAL_TRAIN = {
  full: { epochs: 60, extraSteps: 7, maxExtraStep: 60 },
  quick: { epochs: 25, extraSteps: 3, maxExtraStep: 60 },
} as const satisfies Record<string, Partial<TrainConfig>>;
export type RealTrainMode = keyof typeof REAL_TRAIN;

/** Where weights trained on real WOMD data go: git-ignored, never shipped (DESIGN.md 6b). */
export const LOCAL_MODELS_DIR = 'models-local';

/** Joint predictions per scene in evaluation (WOMD interactive: at most 6). */
export const EVAL_SAMPLES = 6;

/**
 * The CVAEs' joint prediction set (model/joint-set.ts): `anchors` kinematic joint predictions
 * (model/kinematic.ts, the most probable first) join the model's samples, each in the mode whose goal
 * mixture explains its end points best, and eval cuts the set to `budget` = EVAL_SAMPLES by dropping
 * the least probable CVAE samples (p(z|x) · w_component), never an anchor.
 * anchors = 1, measured by `npm run anchors` (docs/real-gap.md, "Kinematic anchors in the joint set")
 * on data the benchmark does not score, the synthetic validation split and the real training split:
 * one anchor gives the whole gain on both (minFDE 8 s −0.78 m and miss 8 s −11.0 points synthetic,
 * −3.29 m and −2.6 points real), a second changes neither measurably (+0.01 m / 0.0 points,
 * −0.06 m [−0.34, 0.18] / −0.4 points) while giving up one more of the model's own samples, a third
 * is worse on minFDE; so the smallest k with the gain.
 */
export const JOINT_SET = {
  anchors: 1,
  budget: EVAL_SAMPLES,
  /**
   * The rule that fills the budget (model/joint-set.ts): 'components', the goal components' means
   * plus the anchors, cut by p(z|x) · w_c (above); 'miss-aware', the `budget` goals that maximise the
   * model's own P(at least one hits WOMD's 8 s miss box), greedy over a pool of means, draws and the
   * anchors (missAwareSet). Applies only where a budget is given (eval, anchors); the app's worker
   * asks for samples per mode and gets the components.
   */
  rule: 'miss-aware' as JointRule,
  /**
   * The miss-aware rule's parameters, chosen by `npm run anchors -- --miss-aware` on data the
   * benchmark does not score (docs/real-gap.md, "The miss-aware joint set"): 16 pool draws per
   * component and 1,024 Monte Carlo draws (fewer draws, or pool 4, cut the miss rate less), the
   * anchor forced in (competing, it is left out where the model is confidently wrong: real minFDE
   * +5 m), and the single most probable mean forced in (the likeliest future stays in the set; more
   * forced means give back the miss-rate gain).
   */
  missAware: { poolDraws: 16, mcDraws: 1024, forceAnchors: true, forceMeans: 1 },
} as const;
export type JointRule = 'components' | 'miss-aware';
