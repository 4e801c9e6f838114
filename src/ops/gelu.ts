import type { Tensor } from '../tensor/tensor.js';
import { checkOneOf, checkOptions } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';
import { requireFloat } from './elementwise.js';
import { add } from './add.js';
import { mul } from './mul.js';
import { erf } from './erf.js';
import { tanh } from './tanh.js';

export interface GeluOptions {
  /** 'none': the exact Φ(x) with erf; 'tanh': the tanh approximation. */
  approximate?: 'none' | 'tanh';
}

/**
 * Gaussian error linear unit. Composite (concepts §3).
 * Formula: y = x·Φ(x) = ½x(1 + erf(x/√2)); with approximate 'tanh',
 * y = ½x(1 + tanh(√(2/π)(x + 0.044715x³))). Gradient: Φ(x) + x·φ(x) (by autograd through erf).
 * Shape: x → y. Default approximate 'none'. Matches `torch.nn.functional.gelu`.
 */
export function gelu(x: Tensor, opts: GeluOptions = {}): Tensor {
  expectTensor('gelu', 'x', x);
  const o = checkOptions('gelu', opts, ['approximate']);
  const approx = o.approximate === undefined ? 'none' : checkOneOf('gelu', 'approximate', o.approximate, ['none', 'tanh'] as const);
  x.assertAlive('gelu');
  requireFloat('gelu', x);
  const half = mul(x, 0.5);
  if (approx === 'none') return mul(half, add(erf(mul(x, Math.SQRT1_2)), 1));
  const inner = mul(add(x, mul(mul(mul(x, x), x), 0.044715)), Math.sqrt(2 / Math.PI));
  return mul(half, add(tanh(inner), 1));
}
