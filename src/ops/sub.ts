import { defineBinary } from './elementwise.js';
import { asPair, type TensorLike } from './operand.js';
import { neg } from './neg.js';

/**
 * Element-wise difference with broadcasting.
 * Formula: y = a − b (concepts §2).
 * Gradient: da = dy, db = −dy.
 * Shape: a, b broadcast → y. Matches `torch.sub`.
 */
export const subOp = defineBinary({
  name: 'sub',
  spec: '§2',
  scalar: (a, b) => a - b,
  grad: (dy) => [dy, neg(dy)],
});

/** Element-wise difference a − b, broadcast (concepts §2). */
export function sub(a: TensorLike, b: TensorLike) {
  return subOp.apply(asPair(a, b, 'sub'), {});
}
