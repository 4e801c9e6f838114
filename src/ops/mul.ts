import { defineBinary } from './elementwise.js';
import { asPair, type TensorLike } from './operand.js';

/**
 * Element-wise product with broadcasting.
 * Formula: y = a · b (concepts §2: mul swaps the inputs).
 * Gradient: da = dy · b, db = dy · a.
 * Shape: a, b broadcast → y. Matches `torch.mul`.
 */
export const mulOp = defineBinary({
  name: 'mul',
  spec: '§2',
  scalar: (a, b) => a * b,
  grad: (dy, a, b) => [mul(dy, b), mul(dy, a)],
});

/** Element-wise product a · b, broadcast (concepts §2). */
export function mul(a: TensorLike, b: TensorLike) {
  return mulOp.apply(asPair(a, b, 'mul'), {});
}
