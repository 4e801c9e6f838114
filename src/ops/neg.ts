import { defineUnary } from './elementwise.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Negation. Formula: y = −x (concepts §2). Gradient: dx = −dy. Shape: x → y. Matches `torch.neg`.
 */
export const negOp = defineUnary({
  name: 'neg',
  spec: '§2',
  scalar: (x) => -x,
  intOk: true,
  saves: 'none',
  grad: (dy) => neg(dy),
});
/** −x (concepts §2). */
export const neg = (x: Tensor) => negOp.apply([x], {});
