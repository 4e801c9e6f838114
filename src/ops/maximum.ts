import { defineBinary } from './elementwise.js';
import { asPair, type TensorLike } from './operand.js';
import { mul } from './mul.js';
import { add } from './add.js';
import { gt, eq } from './compare.js';

/**
 * Element-wise maximum with broadcasting; NaN propagates.
 * Formula: y = max(a, b) (concepts §2).
 * Gradient: da = dy · ([a > b] + ½[a = b]), db = dy · ([b > a] + ½[a = b]) (ties split, as PyTorch).
 * Shape: a, b broadcast → y. Matches `torch.maximum`.
 */
export const maximumOp = defineBinary({
  name: 'maximum',
  spec: '§2',
  scalar: (a, b) => (a !== a || b !== b ? NaN : a > b ? a : b),
  grad: (dy, a, b) => {
    const half = mul(eq(a, b), 0.5);
    return [mul(dy, add(gt(a, b), half)), mul(dy, add(gt(b, a), half))];
  },
});

/** Element-wise max(a, b), broadcast; NaN propagates (concepts §2). */
export function maximum(a: TensorLike, b: TensorLike) {
  return maximumOp.apply(asPair(a, b, 'maximum'), {});
}
