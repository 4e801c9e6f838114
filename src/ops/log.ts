import { defineUnary } from './elementwise.js';
import { div } from './div.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Natural logarithm. Formula: y = ln x (concepts §2). Gradient: dx = dy / x.
 * Shape: x → y. Matches `torch.log` (−inf at 0, NaN below).
 */
export const logOp = defineUnary({
  name: 'log',
  spec: '§2',
  scalar: Math.log,
  saves: 'x',
  grad: (dy, x) => div(dy, x),
});
/** Natural logarithm ln x element-wise (concepts §2). */
export const log = (x: Tensor) => logOp.apply([x], {});
