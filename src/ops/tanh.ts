import { defineUnary } from './elementwise.js';
import { tanhBackward } from './tanh-backward.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Hyperbolic tangent. Formula: y = tanh x (concepts §3). Gradient: dx = dy · (1 − y²), fused
 * (ops/tanh-backward.ts).
 * Shape: x → y. Matches `torch.tanh`.
 */
export const tanhOp = defineUnary({
  name: 'tanh',
  spec: '§3',
  scalar: Math.tanh,
  saves: 'y',
  grad: (dy, _x, y) => tanhBackward(dy, y),
});
/** tanh x element-wise (concepts §3). */
export const tanh = (x: Tensor) => tanhOp.apply([x], {});
