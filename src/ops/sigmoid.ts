import { defineUnary } from './elementwise.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Logistic sigmoid. Formula: σ(x) = 1 / (1 + e⁻ˣ) (SPEC §3).
 * Gradient: dx = dy · σ(x)(1 − σ(x)). Shape: x → y. Matches `torch.sigmoid`.
 * (The notes' composition −x → exp → +1 → 1/x gives the same values: see sigmoid.test.ts.)
 */
export const sigmoidOp = defineUnary({
  name: 'sigmoid',
  spec: '§3',
  scalar: (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))),
  saves: 'y',
  grad: (dy, _x, y) => mul(dy, mul(y, sub(1, y))),
});
/** The logistic σ(x) element-wise (SPEC §3). */
export const sigmoid = (x: Tensor) => sigmoidOp.apply([x], {});
