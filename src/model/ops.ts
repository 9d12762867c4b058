// Two ops with hand-written gradients, because the tfjs wasm backend's own gradients are the
// training bottleneck (scratch measurements, 24576x64 rows, wasm, this machine): matMul with a
// transposed operand runs 7-9x slower than an explicit transpose followed by a plain matMul, and
// max's gradient goes through equal(), 40x slower than a subtract and step. Same results.
import * as tf from '@tensorflow/tfjs';

/** x [N, in] @ w [in, out] + b, gradients through plain (untransposed) matMuls. */
export const linear = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.add(tf.matMul(x, w), b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sx, sw] = saved as [tf.Tensor2D, tf.Tensor2D];
      const g = dy as tf.Tensor2D;
      return [tf.matMul(g, tf.transpose(sw)), tf.matMul(tf.transpose(sx), g), tf.sum(g, 0)];
    },
  };
});

/** Max over axis 2 of a rank-4 tensor; the gradient goes to the maximal entries. */
export const maxPool2 = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, save] = args as [tf.Tensor4D, tf.GradSaveFunc];
  const m = tf.max(x, 2, true);
  save([x, m]);
  return {
    value: tf.squeeze(m, [2]),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sx, sm] = saved as [tf.Tensor4D, tf.Tensor4D];
      // x - max is exactly 0 at the maximum and negative elsewhere
      const isMax = tf.step(tf.add(tf.sub(sx, sm), 1e-30));
      return tf.mul(isMax, tf.expandDims(dy, 2));
    },
  };
});

/** tfjs's own ops for the same two computations: the baseline of `npm run bench -- model`. */
const native = {
  linear: (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) =>
    tf.add(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), b),
  maxPool2: (x: tf.Tensor) => tf.max(x, 2),
};
const fast = { linear, maxPool2 };

/** The implementations the network uses; the bench switches to `native` to measure the gain. */
export const ops = { ...fast };

export function setNativeGradients(on: boolean): void {
  Object.assign(ops, on ? native : fast);
}
