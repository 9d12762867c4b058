// What `npm run train` trains on, from its arguments (a pure function, so the choice is tested
// without training): the synthetic data folder as before (`--data DIR`, default data/model), or the
// real WOMD scenes (`--data real`, `--data real+synthetic`; folders from `--real DIR...`, default
// ../shared/womd and ../shared/womd-json), chosen by the WOMD split or, with `--fold K`, every fold
// but K (docs/real-benchmark.md), optionally only N of those training scenarios (`--real-scenes N`,
// drawn by model/dataset.ts realSubset: the learning curve of docs/real-gap.md; the held-out
// scenarios unchanged). Real runs write to models-local/NAME, or LOCAL/NAME with `--local-dir LOCAL`
// (a folder inside models-local/; git-ignored, DESIGN.md 6b).
// `--data synthetic-v2` (issue 14): synthetic scenes made in memory, every v2 pair (the designed
// pair plus the benchmark rule's pairs) with tracking noise on the histories (model/dataset.ts);
// written to models-local/VARIANT-v2 by default (what ships is decided after comparing).
import { basename, join } from 'node:path';
import type { RealSelection } from '../../model/dataset';
import { DATA_CONFIG, LOCAL_MODELS_DIR, type RealTrainMode } from '../../model/config';
import { FOLDS } from '../../labels/pairs';

/** `--data` keywords that mean real scenes (any other value is the synthetic data folder). */
export const REAL_DATA = ['real', 'real+synthetic'] as const;
export type RealData = (typeof REAL_DATA)[number];
/** `--data` keyword of the synthetic-v2 training data. */
export const SYNTHETIC_V2 = 'synthetic-v2';

export interface TrainArgs {
  variant: string;
  data?: string;
  real?: string[];
  fold?: string;
  quick?: boolean;
  out?: string;
  checkpoints?: string;
  /** --init MODEL_DIR: a real run fine-tuned from these weights is named after them (see trainPlan). */
  init?: string;
  /** --label-weight W: the pseudo-label loss weight instead of the variant's; a real run is named after it. */
  labelWeight?: string;
  /** --real-scenes N: train on N of the selection's training scenarios (realSubset); named after it. */
  realScenes?: string;
  /** --local-dir DIR: the folder (inside models-local/) real runs write NAME into; default models-local. */
  localDir?: string;
  /** --prior-only: only the prior head, on [context, d(x)] (cli/lib/prior-only.ts); named `-prior`. */
  priorOnly?: boolean;
  /** --no-knowledge (with --prior-only): the control, d(x) all zero in training; named `-prior-noknow`. */
  noKnowledge?: boolean;
  /** --goals-only --goal-components G: only the goal head, G per mode (cli/lib/goals-only.ts); named `-goalsG`. */
  goalsOnly?: boolean;
  goalComponents?: string;
}

export type TrainPlan =
  | { kind: 'synthetic'; dir: string; outDir: string; ckptDir: string }
  | { kind: 'synthetic-v2'; outDir: string; ckptDir: string }
  | {
      kind: 'real';
      data: RealData;
      /** Real folders and files, in the order given. */
      dirs: string[];
      selection: RealSelection;
      mode: RealTrainMode;
      /**
       * models-local/ folder name: VARIANT-real[-synth][-from-INIT][-lwW][-nN][-foldK], INIT the last
       * path part of --init, W the --label-weight, N the --real-scenes (fine-tuned, reweighted or
       * subset folds pool apart from folds trained from the seed with the variant's weights on all
       * their training scenarios); fold models of one run share `group`.
       */
      name: string;
      group: string;
      outDir: string;
      ckptDir: string;
    };

export function trainPlan(args: TrainArgs, defaultRealDirs: string[]): TrainPlan {
  const data = args.data ?? DATA_CONFIG.dir;
  const ckptRoot = args.checkpoints ?? 'checkpoints';
  const real = (REAL_DATA as readonly string[]).includes(data);
  if (!real) {
    for (const [flag, given] of [
      ['--real', args.real],
      ['--fold', args.fold],
      ['--quick', args.quick],
      ['--real-scenes', args.realScenes],
      ['--local-dir', args.localDir],
    ] as const)
      if (given) throw new Error(`${flag} needs --data real or --data real+synthetic (got --data ${data})`);
    const prior = priorSuffix(args) + (args.goalsOnly ? `-goals${args.goalComponents ?? ''}` : '');
    if (args.goalsOnly && data !== SYNTHETIC_V2)
      throw new Error(`--goals-only needs --data ${SYNTHETIC_V2} (got --data ${data})`);
    if (data === SYNTHETIC_V2)
      return {
        kind: 'synthetic-v2',
        outDir: args.out ?? join(LOCAL_MODELS_DIR, `${args.variant}-v2${prior}`),
        ckptDir: join(ckptRoot, `${args.variant}-v2${prior}`),
      };
    if (args.priorOnly)
      throw new Error(
        `--prior-only needs --data ${SYNTHETIC_V2}, real or real+synthetic (got --data ${data})`,
      );
    return {
      kind: 'synthetic',
      dir: data,
      outDir: args.out ?? join('public/models', args.variant),
      ckptDir: join(ckptRoot, args.variant),
    };
  }
  if (args.noKnowledge && !args.priorOnly) throw new Error('--no-knowledge needs --prior-only');
  if (args.goalsOnly) throw new Error(`--goals-only needs --data ${SYNTHETIC_V2} (got --data ${data})`);
  let selection: RealSelection = { kind: 'split' };
  if (args.fold !== undefined) {
    const fold = Number(args.fold);
    if (!(/^\d+$/.test(args.fold) && fold < FOLDS))
      throw new Error(`--fold ${args.fold}: expected one of 0..${FOLDS - 1}`);
    selection = { kind: 'fold', fold };
  }
  if (args.realScenes !== undefined) {
    const n = Number(args.realScenes);
    if (!(/^\d+$/.test(args.realScenes) && n >= 1))
      throw new Error(`--real-scenes ${args.realScenes}: expected a whole number of scenarios >= 1`);
    selection = { ...selection, trainScenes: n };
  }
  const init = args.init ? basename(args.init.replace(/[\\/]+$/, '')) : '';
  const lw = args.labelWeight !== undefined ? `-lw${args.labelWeight}` : '';
  const n = selection.trainScenes !== undefined ? `-n${selection.trainScenes}` : '';
  const group = `${args.variant}-real${data === 'real+synthetic' ? '-synth' : ''}${init ? `-from-${init}` : ''}${lw}${n}${priorSuffix(args)}`;
  const name = selection.kind === 'fold' ? `${group}-fold${selection.fold}` : group;
  const outDir = args.out ?? join(args.localDir ?? LOCAL_MODELS_DIR, name);
  if (!isLocal(outDir))
    throw new Error(
      `--out ${outDir}: weights trained on real data go under ${LOCAL_MODELS_DIR}/ (DESIGN.md 6b)`,
    );
  return {
    kind: 'real',
    data: data as RealData,
    dirs: args.real?.length ? args.real : defaultRealDirs,
    selection,
    mode: args.quick ? 'quick' : 'full',
    name,
    group,
    outDir,
    ckptDir: join(ckptRoot, name),
  };
}

/** The name part of a prior-only run: `-prior`, or `-prior-noknow` for its control without d(x). */
function priorSuffix(args: TrainArgs): string {
  if (!args.priorOnly) return '';
  return args.noKnowledge ? '-prior-noknow' : '-prior';
}

/** Whether a path lies inside models-local/ (relative to the repository root). */
function isLocal(path: string): boolean {
  const parts = join(path).split('/');
  return parts.length >= 2 && parts[0] === LOCAL_MODELS_DIR && parts[1] !== '..' && parts[1] !== '';
}
