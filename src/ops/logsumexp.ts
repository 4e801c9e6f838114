import type { Tensor } from '../tensor/tensor.js';
import { normAxes } from '../core/shape.js';
import { badArg } from '../core/check.js';
import { expectTensor } from '../tensor/expect.js';
import { checkKeepdim, sum } from './sum.js';
import { requireFloat } from './elementwise.js';
import { max } from './max.js';
import { detach } from './clone.js';
import { where } from './where.js';
import { abs } from './abs.js';
import { eq } from './compare.js';
import { add } from './add.js';
import { sub } from './sub.js';
import { exp } from './exp.js';
import { log } from './log.js';
import { reshape } from './reshape.js';

/**
 * log Σ eˣ over `dim` (an integer or a list), stable. Composite (concepts §3).
 * Formula: y = m + log Σ e^{x − m}, m = max over dim (taken as 0 where it is ±∞, so an all −∞
 * slice gives −∞ and a +∞ entry gives +∞, as torch). Gradient: dx = dy · softmax(x) along dim.
 * Shape: x → x without dim (1s with keepdim). Matches `torch.logsumexp`.
 */
export function logsumexp(x: Tensor, dim: number | readonly number[], keepdim = false): Tensor {
  expectTensor('logsumexp', 'x', x);
  // required, as torch's: undefined would otherwise mean every dim
  if (dim === undefined) throw badArg('logsumexp', 'dim must be an integer or an array of integers', dim);
  const axes = normAxes('logsumexp', dim as number, x.ndim);
  checkKeepdim('logsumexp', keepdim);
  x.assertAlive('logsumexp');
  requireFloat('logsumexp', x);
  if (x.ndim === 0) return add(x, 0);
  // an empty slice has no max; Σ over it is 0 and the log −∞, as torch
  const empty = axes.some((a) => x.shape[a] === 0);
  const m0 = empty ? null : detach(max(x, axes, true));
  const m = m0 === null ? null : where(eq(abs(m0), Infinity), 0, m0);
  const s = log(sum(m === null ? exp(x) : exp(sub(x, m)), axes, true));
  const y = m === null ? s : add(s, m);
  return keepdim ? y : reshape(y, y.shape.filter((_, i) => !axes.includes(i)));
}
