import { defineUnary } from './elementwise.js';
import { mul } from './mul.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Exponential. Formula: y = eˣ (concepts §2). Gradient: dx = dy · y. Shape: x → y. Matches `torch.exp`.
 */
export const expOp = defineUnary({
  name: 'exp',
  spec: '§2',
  scalar: Math.exp,
  saves: 'y',
  grad: (dy, _x, y) => mul(dy, y),
});
/** eˣ element-wise (concepts §2). */
export const exp = (x: Tensor) => expOp.apply([x], {});
