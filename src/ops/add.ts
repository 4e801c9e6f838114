import { defineBinary } from './elementwise.js';
import { asPair, type TensorLike } from './operand.js';

/**
 * Element-wise sum with broadcasting.
 * Formula: y = a + b (concepts §2: add passes the gradient through).
 * Gradient: da = dy, db = dy (summed over broadcast dims by the engine).
 * Shape: a, b broadcast → y. Matches `torch.add`.
 */
export const addOp = defineBinary({
  name: 'add',
  spec: '§2',
  scalar: (a, b) => a + b,
  grad: (dy) => [dy, dy],
});

/** Element-wise sum a + b, broadcast (concepts §2). */
export function add(a: TensorLike, b: TensorLike) {
  return addOp.apply(asPair(a, b, 'add'), {});
}
