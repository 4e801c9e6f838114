import { defineUnary } from './elementwise.js';
import { div } from './div.js';
import { mul } from './mul.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Square root. Formula: y = √x (concepts §2). Gradient: dx = dy / (2y). Shape: x → y. Matches `torch.sqrt`.
 */
export const sqrtOp = defineUnary({
  name: 'sqrt',
  spec: '§2',
  scalar: Math.sqrt,
  saves: 'y',
  grad: (dy, _x, y) => div(dy, mul(y, 2)),
});
/** √x element-wise (concepts §2). */
export const sqrt = (x: Tensor) => sqrtOp.apply([x], {});
