import type { Tensor } from '../tensor/tensor.js';
import { checkNumber } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';
import { requireFloat } from './elementwise.js';
import { where } from './where.js';
import { gt } from './compare.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import { exp } from './exp.js';
import { clamp } from './clamp.js';

/**
 * Exponential linear unit. Composite (concepts §3). Formula: y = x if x > 0, else α(eˣ − 1).
 * Gradient: dx = dy if x > 0, else α·eˣ·dy. Shape: x → y. Default α = 1.
 * Matches `torch.nn.functional.elu`.
 */
export function elu(x: Tensor, alpha = 1): Tensor {
  expectTensor('elu', 'x', x);
  checkNumber('elu', 'alpha', alpha);
  x.assertAlive('elu');
  requireFloat('elu', x);
  // eˣ of min(x, 0): the branch where() drops must stay finite, or its zero gradient becomes 0·∞
  const neg = mul(sub(exp(clamp(x, undefined, 0)), 1), alpha);
  return where(gt(x, 0), x, neg);
}
