import type { Tensor } from '../tensor/tensor.js';
import { checkNumber } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';
import { requireFloat } from './elementwise.js';
import { where } from './where.js';
import { gt } from './compare.js';
import { mul } from './mul.js';

/**
 * Leaky rectifier. Composite (concepts §3). Formula: y = x if x > 0, else α·x (α = negativeSlope).
 * Gradient: dx = dy if x > 0, else α·dy (α at x = 0, as torch). Shape: x → y.
 * Default α = 0.01. Matches `torch.nn.functional.leaky_relu`.
 */
export function leakyRelu(x: Tensor, negativeSlope = 0.01): Tensor {
  expectTensor('leakyRelu', 'x', x);
  checkNumber('leakyRelu', 'negativeSlope', negativeSlope);
  x.assertAlive('leakyRelu');
  requireFloat('leakyRelu', x);
  return where(gt(x, 0), x, mul(x, negativeSlope));
}
