import type { Tensor } from '../tensor/tensor.js';
import { ShapeError } from '../core/errors.js';
import { checkInt } from '../core/check.js';
import { normAxis } from '../core/shape.js';
import { expectTensor } from '../tensor/expect.js';
import { max } from './max.js';
import { reshape } from './reshape.js';

/**
 * Maxout (Goodfellow et al. 2013): the maximum of each group of k contiguous entries along
 * `dim`. Composite (concepts §3). Formula: yᵢ = max_{j<k} x_{i·k+j}, i.e. x viewed [.., C/k, k, ..]
 * and reduced over the k axis. Gradient: dy to the maximal entry of each group (split on ties).
 * Shape: x [.., C, ..] → [.., C/k, ..]. No torch function; torch spelling:
 * `x.unflatten(dim, (-1, k)).amax(dim + 1)`. The Maxout layer (nn/maxout.ts) applies it to a Linear.
 */
export function maxout(x: Tensor, k: number, dim = -1): Tensor {
  expectTensor('maxout', 'x', x);
  checkInt('maxout', 'k', k, 1);
  const d = normAxis('maxout', dim, x.ndim);
  x.assertAlive('maxout');
  const c = x.ndim === 0 ? 1 : x.shape[d];
  if (c % k !== 0) {
    throw new ShapeError('maxout', `size ${c} of dim ${dim} must be divisible by k = ${k}`, { got: [['x', x.shape]] });
  }
  const shape = x.ndim === 0 ? [1] : x.shape;
  const grouped = [...shape.slice(0, d), c / k, k, ...shape.slice(d + 1)];
  const y = max(reshape(x, grouped), d + 1);
  return x.ndim === 0 ? reshape(y, []) : y;
}
