import { defineUnary } from './elementwise.js';
import { sigmoidBackward } from './sigmoid-backward.js';
import type { Tensor } from '../tensor/tensor.js';

/**
 * Logistic sigmoid. Formula: σ(x) = 1 / (1 + e⁻ˣ) (concepts §3).
 * Gradient: dx = dy · σ(x)(1 − σ(x)), one fused kernel (ops/sigmoid-backward.ts). Shape: x → y.
 * Matches `torch.sigmoid`.
 * (The notes' composition −x → exp → +1 → 1/x gives the same values: see sigmoid.test.ts.)
 */
export const sigmoidOp = defineUnary({
  name: 'sigmoid',
  spec: '§3',
  scalar: (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))),
  saves: 'y',
  grad: (dy, _x, y) => sigmoidBackward(dy, y),
});
/** The logistic σ(x) element-wise (concepts §3). */
export const sigmoid = (x: Tensor) => sigmoidOp.apply([x], {});
