import { defineUnary } from './elementwise.js';
import { mul } from './mul.js';
import { sign } from './sign.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Absolute value. Formula: y = |x| (concepts §2). Gradient: dx = dy · sign(x) (0 at 0, as PyTorch).
 * Shape: x → y. Matches `torch.abs`.
 */
export const absOp = defineUnary({
  name: 'abs',
  spec: '§2',
  scalar: Math.abs,
  intOk: true,
  saves: 'x',
  grad: (dy, x) => mul(dy, sign(x)),
});
/** |x| element-wise (concepts §2). */
export const abs = (x: Tensor) => absOp.apply([x], {});
