import { defineBinary } from './elementwise.js';
import { asPair, type TensorLike } from './operand.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import { log } from './log.js';

/**
 * Element-wise power with broadcasting.
 * Formula: y = aᵇ (concepts §2).
 * Gradient: da = dy · b · aᵇ⁻¹, db = dy · y · ln a (only computed when b needs it).
 * Shape: a, b broadcast → y. Matches `torch.pow`.
 */
export const powOp = defineBinary({
  name: 'pow',
  spec: '§2',
  scalar: (a, b) => Math.pow(a, b),
  floatOnly: true,
  savesY: true,
  grad: (dy, a, b, y) => [
    a.requiresGrad ? mul(mul(dy, b), pow(a, sub(b, 1))) : null,
    b.requiresGrad ? mul(mul(dy, y), log(a)) : null,
  ],
});

/** Element-wise power aᵇ, broadcast (concepts §2). */
export function pow(a: TensorLike, b: TensorLike) {
  return powOp.apply(asPair(a, b, 'pow'), {});
}
