// Training the prior head alone on [context, d(x)] (issue 14, `npm run train -- --prior-only`):
// everything but prior1 / prior2 frozen, so the encoder, posterior, goals and decoder stay exactly
// as in the model it starts from. Contract:
//  - `frozenInputs(params, samples)` runs the frozen network once per sample (in batches): the
//    context x, the posterior's log-probabilities log q(z|x,y) and the pseudo label, plus the
//    sample's d(x) (model/knowledge.ts; every sample must carry it). Nothing is trained there.
//  - `knowledgePrior(params)` is a copy of `params` whose prior reads d(x): prior1's kernel gets
//    KNOWLEDGE_DIM rows of zeros below the context rows, so before training it predicts exactly what
//    the model it came from predicts; the other variables are the same tensors (not copies).
//  - `trainPriorHead(head, train, stop, cfg)` trains prior1 / prior2 of `head` in place with Adam on
//    the prior's side of the full objective (losses.ts), klWeight · KL(q || p) + labelWeight ·
//    CE(p, label), the posterior q held fixed; after each epoch it scores the `stop` set and in the
//    end restores the weights of the epoch with the lowest stop loss (early stopping; `patience`
//    epochs without improvement end the run). Seeded batch order (head-fit.ts fitHead, the loop it
//    shares with goal-train.ts); returns the per-epoch history.
import * as tf from '@tensorflow/tfjs';
import { NETWORK } from './config';
import type { Sample } from './features';
import { disposeBatch, inputBatch, targetBatch } from './batch';
import { KNOWLEDGE_DIM } from './knowledge';
import { categoricalKL } from './losses';
import { fitHead, takeRows, type HeadRecord, type HeadRun, type HeadSchedule } from './head-fit';
import { encode, posteriorLogits, priorLogits, type Params } from './network';

const { modes: M, context: C } = NETWORK;
/** Rng salt of the head's batch order (model/train.ts uses 5 for the full model's). */
const HEAD_SHUFFLE_SALT = 6;
/** Samples per frozen forward pass: the size eval's wasm batches are measured fast at, times 8. */
const FROZEN_BATCH = 64;

/** The frozen network's outputs the prior head trains on, row per sample. */
export interface HeadData {
  n: number;
  ctx: Float32Array; // n * C
  logq: Float32Array; // n * M
  knowledge: Float32Array; // n * KNOWLEDGE_DIM
  label: Int32Array; // n
}

export interface HeadConfig extends HeadSchedule {
  klWeight: number;
  labelWeight: number;
  /**
   * Dropout rate on the frozen context while training (0: none; scoring never drops). Real scenes
   * give the frozen encoder contexts it never saw in training, and a head that leans on them
   * overrules d(x) there (docs/real-gap.md, "Leaning on d(x)"); dropping context units in training
   * makes the head carry the same decision on d(x) too.
   */
  contextDropout?: number;
}

/** The frozen context, posterior and label of each sample, with its d(x) (see the header). */
export async function frozenInputs(
  params: Params,
  samples: Sample[],
  onBatch?: (done: number) => void,
): Promise<HeadData> {
  const n = samples.length;
  const out: HeadData = {
    n,
    ctx: new Float32Array(n * C),
    logq: new Float32Array(n * M),
    knowledge: new Float32Array(n * KNOWLEDGE_DIM),
    label: new Int32Array(n),
  };
  for (let i = 0; i < n; i += FROZEN_BATCH) {
    const part = samples.slice(i, i + FROZEN_BATCH);
    part.forEach((s, j) => {
      if (s.features.knowledge?.length !== KNOWLEDGE_DIM)
        throw new Error(
          `frozenInputs: sample ${i + j} (scene ${s.frame.scene}, agents ${s.frame.a}/${s.frame.b}, step ${s.frame.t}) carries no d(x) of ${KNOWLEDGE_DIM} values`,
        );
      out.knowledge.set(s.features.knowledge, (i + j) * KNOWLEDGE_DIM);
      out.label[i + j] = s.targets.label;
    });
    const x = inputBatch(part.map((s) => ({ ...s.features, knowledge: undefined })));
    const y = targetBatch(part.map((s) => s.targets));
    const [ctx, logq] = tf.tidy(() => {
      const c = encode(params, x);
      return [c, tf.logSoftmax(posteriorLogits(params, c, y.future, y.futureMask))];
    });
    out.ctx.set(await ctx.data(), i * C);
    out.logq.set(await logq.data(), i * M);
    tf.dispose([ctx, logq]);
    disposeBatch(x);
    disposeBatch(y);
    onBatch?.(Math.min(n, i + FROZEN_BATCH));
  }
  return out;
}

/** `params` with a prior that reads d(x), starting as the plain prior (see the header). */
export function knowledgePrior(params: Params): Params {
  const w = params['prior1/kernel']!;
  if (w.shape[0] !== C)
    throw new Error(
      `knowledgePrior: prior1 already reads ${w.shape[0]! - C} values besides the context: --init must name a model with the plain prior (the shipped public/models/pseudo reads d(x); its plain init is at commit b06f3ce, docs/real-gap.md "Reproduce")`,
    );
  const grown = tf.tidy(() => tf.concat([w, tf.zeros([KNOWLEDGE_DIM, w.shape[1]!])], 0));
  const head: Params = { ...params };
  head['prior1/kernel'] = tf.variable(grown, true);
  head['prior1/bias'] = tf.variable(params['prior1/bias']!.clone() as tf.Tensor, true);
  head['prior2/kernel'] = tf.variable(params['prior2/kernel']!.clone() as tf.Tensor, true);
  head['prior2/bias'] = tf.variable(params['prior2/bias']!.clone() as tf.Tensor, true);
  grown.dispose();
  return head;
}

const HEAD_VARS = ['prior1/kernel', 'prior1/bias', 'prior2/kernel', 'prior2/bias'];

/** Rows `idx` of a HeadData as tensors. */
function rows(d: HeadData, idx: number[]) {
  return {
    ctx: tf.tensor2d(takeRows(d.ctx, idx, C), [idx.length, C]),
    logq: tf.tensor2d(takeRows(d.logq, idx, M), [idx.length, M]),
    knowledge: tf.tensor2d(takeRows(d.knowledge, idx, KNOWLEDGE_DIM), [idx.length, KNOWLEDGE_DIM]),
    label: tf.tensor1d(
      idx.map((r) => d.label[r]!),
      'int32',
    ),
  };
}

/** The head's loss terms on rows (mean KL(q||p), mean CE(p, label), their weighted total). */
function headLoss(head: Params, r: ReturnType<typeof rows>, cfg: HeadConfig, dropSeed?: number) {
  const p = cfg.contextDropout ?? 0;
  const ctx = dropSeed !== undefined && p > 0 ? tf.dropout(r.ctx, p, undefined, dropSeed) : r.ctx;
  const logp = tf.logSoftmax(priorLogits(head, ctx as tf.Tensor2D, r.knowledge));
  const kl = tf.mean(categoricalKL(r.logq, logp));
  const onehot = tf.oneHot(r.label, M).toFloat();
  const ce = tf.mean(tf.neg(tf.sum(tf.mul(onehot, logp), 1)));
  const acc = tf.mean(tf.equal(tf.argMax(logp, 1), r.label).toFloat());
  return { total: tf.add(tf.mul(kl, cfg.klWeight), tf.mul(ce, cfg.labelWeight)) as tf.Scalar, kl, ce, acc };
}

/** Mean loss terms and argmax-prior agreement over all rows of `d`. */
export async function scoreHead(head: Params, d: HeadData, cfg: HeadConfig): Promise<HeadRecord> {
  const r = rows(d, [...Array(d.n).keys()]);
  const t = tf.tidy(() => headLoss(head, r, cfg));
  const [total, kl, ce, acc] = await Promise.all(
    [t.total, t.kl, t.ce, t.acc].map(async (v) => (await v.data())[0]!),
  );
  tf.dispose([...Object.values(t), ...Object.values(r)]);
  return { total: total!, kl: kl!, ce: ce!, agreement: acc! };
}

/** Trains prior1 / prior2 of `head` in place (the header's contract; the loop is head-fit.ts). */
export async function trainPriorHead(
  head: Params,
  train: HeadData,
  stop: HeadData,
  cfg: HeadConfig,
  onEpoch?: (e: HeadRecord) => void,
): Promise<HeadRun> {
  return fitHead({
    vars: HEAD_VARS.map((k) => head[k]!),
    n: train.n,
    cfg,
    salt: HEAD_SHUFFLE_SALT,
    batch: (idx) => rows(train, idx),
    loss: (r, step) => headLoss(head, r, cfg, cfg.seed * 1_000_000 + step).total,
    score: async () => {
      const r = await scoreHead(head, stop, cfg);
      return { ...r, total: r.total! };
    },
    onEpoch,
  });
}
