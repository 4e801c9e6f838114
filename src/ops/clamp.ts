import type { Tensor } from '../tensor/tensor.js';
import { checkNumber } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';
import { where } from './where.js';
import { lt, gt } from './compare.js';

/**
 * Clips values into [min, max] (either bound optional). Composite (concepts §2).
 * Formula: y = min(max(x, min), max). Gradient: dx = dy where min ≤ x ≤ max, else 0
 * (as `torch.clamp`). Shape: x → y.
 */
export function clamp(x: Tensor, min?: number, max?: number): Tensor {
  expectTensor('clamp', 'x', x);
  if (min !== undefined) checkNumber('clamp', 'min', min, { infinite: true });
  if (max !== undefined) checkNumber('clamp', 'max', max, { infinite: true });
  x.assertAlive('clamp');
  let y = x;
  if (min !== undefined) y = where(lt(x, min), min, y);
  // compares y, not x, so that min > max gives max everywhere (as torch.clamp)
  if (max !== undefined) y = where(gt(y, max), max, y);
  return y;
}

/** Alias of clamp (concepts §2). */
export const clip = clamp;
