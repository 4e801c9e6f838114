import { defineBinary } from './elementwise.js';
import { asPair, type TensorLike } from './operand.js';
import { mul } from './mul.js';
import { neg } from './neg.js';

/**
 * Element-wise quotient with broadcasting (true division: int32 inputs give float32).
 * Formula: y = a / b (concepts §2).
 * Gradient: da = dy / b, db = −dy · y / b.
 * Shape: a, b broadcast → y. Matches `torch.div`.
 */
export const divOp = defineBinary({
  name: 'div',
  spec: '§2',
  scalar: (a, b) => a / b,
  floatOnly: true,
  savesY: true,
  grad: (dy, _a, b, y) => [div(dy, b), neg(div(mul(dy, y), b))],
});

/** Element-wise quotient a / b, broadcast; int32 operands give float32 (concepts §2). */
export function div(a: TensorLike, b: TensorLike) {
  return divOp.apply(asPair(a, b, 'div'), {});
}
