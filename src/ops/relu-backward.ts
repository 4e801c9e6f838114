import { defineBinary } from './elementwise.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * The gradient gate of relu, fused (one kernel, no mask tensor): dx = y ≤ 0 ? 0 : dy, with
 * y = relu(x) (concepts §3). Gradient: d/d dy = the same gate; d/dy = 0 (the gate is flat almost
 * everywhere). Shape: dy, y broadcast → out. Matches torch's `threshold_backward(dy, y, 0)`:
 * an infinite or NaN dy where y ≤ 0 gives 0 (a mask product would give NaN), a NaN y passes dy.
 */
export const reluBackwardOp = defineBinary({
  name: 'reluBackward',
  spec: '§3',
  scalar: (dy, y) => (y <= 0 ? 0 : dy),
  grad: (ddx, _dy, y) => [reluBackward(ddx, y), null],
});

/** dx = y ≤ 0 ? 0 : dy (concepts §3): relu's backward gate. */
export const reluBackward = (dy: Tensor, y: Tensor): Tensor => reluBackwardOp.apply([dy, y], {});
