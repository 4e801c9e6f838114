import { defineBinary } from './elementwise.js';
import { asPair, type TensorLike } from './operand.js';
import { mul } from './mul.js';
import { add } from './add.js';
import { lt, eq } from './compare.js';

/**
 * Element-wise minimum with broadcasting; NaN propagates.
 * Formula: y = min(a, b) (concepts §2).
 * Gradient: da = dy · ([a < b] + ½[a = b]), db = dy · ([b < a] + ½[a = b]).
 * Shape: a, b broadcast → y. Matches `torch.minimum`.
 */
export const minimumOp = defineBinary({
  name: 'minimum',
  spec: '§2',
  scalar: (a, b) => (a !== a || b !== b ? NaN : a < b ? a : b),
  grad: (dy, a, b) => {
    const half = mul(eq(a, b), 0.5);
    return [mul(dy, add(lt(a, b), half)), mul(dy, add(lt(b, a), half))];
  },
});

/** Element-wise min(a, b), broadcast; NaN propagates (concepts §2). */
export function minimum(a: TensorLike, b: TensorLike) {
  return minimumOp.apply(asPair(a, b, 'minimum'), {});
}
