import { defineBinary } from './elementwise.js';
import { mul } from './mul.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * The gradient of tanh, fused (one kernel, no temporaries): dx = dy · (1 − y²), with y = tanh x
 * (concepts §3). Gradient: d/d dy = the same factor, d/dy = −2·dy·y.
 * Shape: dy, y broadcast → out. Matches torch's `tanh_backward(dy, y)`.
 */
export const tanhBackwardOp = defineBinary({
  name: 'tanhBackward',
  spec: '§3',
  scalar: (dy, y) => dy * (1 - y * y),
  grad: (ddx, dy, y) => [tanhBackward(ddx, y), mul(mul(ddx, dy), mul(y, -2))],
});

/** dx = dy · (1 − y²) (concepts §3): tanh's backward, given its output y. */
export const tanhBackward = (dy: Tensor, y: Tensor): Tensor => tanhBackwardOp.apply([dy, y], {});
