import { defineUnary } from './elementwise.js';
import type { Tensor } from '../tensor/tensor.js';

/** Sign: −1, 0 or 1 (NaN stays NaN). Not differentiable (its derivative is 0 almost everywhere). */
export const signOp = defineUnary({
  name: 'sign',
  spec: '§2',
  scalar: (x) => (x > 0 ? 1 : x < 0 ? -1 : x),
  intOk: true,
});
/** −1, 0 or 1 by the sign of each element (concepts §2). */
export const sign = (x: Tensor) => signOp.apply([x], {});
