import { defineUnary } from './elementwise.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Reciprocal. Formula: y = 1/x (concepts §2, the last node of the notes' sigmoid graph).
 * Gradient: dx = −dy · y². Shape: x → y. Matches `torch.reciprocal`.
 */
export const reciprocalOp = defineUnary({
  name: 'reciprocal',
  spec: '§2',
  scalar: (x) => 1 / x,
  saves: 'y',
  grad: (dy, _x, y) => neg(mul(dy, mul(y, y))),
});
/** 1/x element-wise (concepts §2). */
export const reciprocal = (x: Tensor) => reciprocalOp.apply([x], {});
