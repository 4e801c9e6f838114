import { defineBinary } from './elementwise.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * The gradient of the logistic sigmoid, fused (one kernel, no temporaries): dx = dy · y(1 − y),
 * with y = σ(x) (concepts §3). Gradient: d/d dy = the same factor, d/dy = dy·(1 − 2y).
 * Shape: dy, y broadcast → out. Matches torch's `sigmoid_backward(dy, y)`.
 */
export const sigmoidBackwardOp = defineBinary({
  name: 'sigmoidBackward',
  spec: '§3',
  scalar: (dy, y) => dy * y * (1 - y),
  grad: (ddx, dy, y) => [sigmoidBackward(ddx, y), mul(mul(ddx, dy), sub(1, mul(y, 2)))],
});

/** dx = dy · y(1 − y) (concepts §3): the sigmoid's backward, given its output y. */
export const sigmoidBackward = (dy: Tensor, y: Tensor): Tensor => sigmoidBackwardOp.apply([dy, y], {});
