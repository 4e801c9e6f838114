import type { Tensor } from '../tensor/tensor.js';
import { normAxes } from '../core/shape.js';
import { badArg, checkBool, checkNumber, checkOptions } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';
import { mean } from './mean.js';
import { sum } from './sum.js';
import { sub } from './sub.js';
import { mul } from './mul.js';
import { div } from './div.js';

/**
 * Variance over `dims` with Bessel's correction by default. Composite (concepts §2).
 * Formula: var = Σ (x − x̄)² / (n − correction). Matches `torch.var` (correction = 1).
 */
export function variance(x: Tensor, dims?: number | readonly number[], opts: { correction?: number; keepdim?: boolean } = {}): Tensor {
  expectTensor('var', 'x', x);
  if (typeof opts === 'boolean') throw badArg('var', 'options must be an object', opts, `write x.var(dims, { keepdim: ${opts} })`);
  const o = checkOptions('var', opts, ['correction', 'keepdim']);
  if (o.correction !== undefined) checkNumber('var', 'correction', o.correction, { min: 0 });
  if (o.keepdim !== undefined) checkBool('var', 'keepdim', o.keepdim);
  const axes = normAxes('var', dims, x.ndim);
  let n = 1;
  for (const a of axes) n *= x.shape[a] ?? 1; // a 0-d tensor's dim 0 holds its one element
  const d = sub(x, mean(x, axes, true));
  return div(sum(mul(d, d), axes, o.keepdim ?? false), Math.max(n - (o.correction ?? 1), 0));
}
