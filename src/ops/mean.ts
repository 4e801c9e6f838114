import type { Tensor } from '../tensor/tensor.js';
import { normAxes } from '../core/shape.js';
import { checkKeepdim, sum } from './sum.js';
import { expectTensor } from '../tensor/expect.js';
import { div } from './div.js';

/**
 * Mean over `dims` (all when omitted). Composite: Σ x / n (concepts §2).
 * Gradient: dx = dy / n broadcast back. Matches `torch.mean`.
 */
export function mean(x: Tensor, dims?: number | readonly number[], keepdim = false): Tensor {
  expectTensor('mean', 'x', x);
  checkKeepdim('mean', keepdim);
  const axes = normAxes('mean', dims, x.ndim);
  let n = 1;
  for (const a of axes) n *= x.shape[a] ?? 1; // a 0-d tensor's dim 0 holds its one element
  return div(sum(x, axes, keepdim), n);
}
