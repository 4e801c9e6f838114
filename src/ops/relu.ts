import { defineUnary } from './elementwise.js';
import { reluBackward } from './relu-backward.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Rectified linear unit. Formula: y = max(0, x) (concepts §3: relu gates the gradient).
 * Gradient: dx = dy · [y > 0], one fused gate (ops/relu-backward.ts, torch's threshold_backward).
 * Shape: x → y. Matches `torch.relu`.
 */
export const reluOp = defineUnary({
  name: 'relu',
  spec: '§3',
  scalar: (x) => (x > 0 ? x : x !== x ? x : 0),
  saves: 'y',
  grad: (dy, _x, y) => reluBackward(dy, y),
});
/** max(0, x) element-wise (concepts §3). */
export const relu = (x: Tensor) => reluOp.apply([x], {});
