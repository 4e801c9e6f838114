import { defineUnary } from './elementwise.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Hyperbolic tangent. Formula: y = tanh x (SPEC §3). Gradient: dx = dy · (1 − y²).
 * Shape: x → y. Matches `torch.tanh`.
 */
export const tanhOp = defineUnary({
  name: 'tanh',
  spec: '§3',
  scalar: Math.tanh,
  saves: 'y',
  grad: (dy, _x, y) => mul(dy, sub(1, mul(y, y))),
});
/** tanh x element-wise (SPEC §3). */
export const tanh = (x: Tensor) => tanhOp.apply([x], {});
