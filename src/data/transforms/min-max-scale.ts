// Min-max scaling to [0, 1] (concepts §7).

import { noGrad } from '../../autograd/no-grad.js';
import { isFloat } from '../../core/dtype.js';
import { Tensor } from '../../tensor/tensor.js';
import { expectTensor } from '../../tensor/expect.js';
import { badArg, checkNumber, checkOptions } from '../../core/check.js';
import { cast, div, eq, max, min, sub, add } from '../../ops/index.js';

export interface MinMaxOptions {
  /** Known lower end (0 for pixels) or per-feature minima; default: x's minimum over dim 0. */
  min?: number | Tensor;
  /** Known upper end (255 for pixels) or per-feature maxima; default: x's maximum over dim 0. */
  max?: number | Tensor;
}

/**
 * Rescales x to [0, 1] feature by feature.
 * Formula: x' = (x − min) / (max − min) (concepts §7); a constant feature (max = min) maps to 0.
 * Shape: x [N, *] → [N, *]; min and max broadcast against x ([*] per feature, or numbers).
 * Pass the training set's `min(xTrain, 0)` and `max(xTrain, 0)` to scale validation and test data
 * the same way (fit on training data only). int32 input is cast to float32 first.
 * Matches sklearn's `MinMaxScaler` (feature_range (0, 1)).
 * @example
 * const raw = tensor([[0, 51], [255, 102]], { dtype: 'int32' });
 * minMaxScale(raw, { min: 0, max: 255 }).tolist() // [[0, 0.2], [1, 0.4]]
 * minMaxScale(raw).tolist() // [[0, 0], [1, 1]]
 */
export function minMaxScale(x: Tensor, opts: MinMaxOptions = {}): Tensor {
  expectTensor('minMaxScale', 'x', x);
  const o = checkOptions('minMaxScale', opts, ['min', 'max']);
  for (const k of ['min', 'max'] as const) {
    const v = o[k];
    if (v !== undefined && !(v instanceof Tensor)) checkNumber('minMaxScale', k, v);
  }
  if (typeof o.min === 'number' && typeof o.max === 'number' && o.max < o.min) {
    throw badArg('minMaxScale', `max must be ≥ min (${o.min})`, o.max);
  }
  const xf = isFloat(x.dtype) ? x : cast(x, 'float32');
  const lo = o.min ?? noGrad(() => min(xf, 0));
  const hi = o.max ?? noGrad(() => max(xf, 0));
  let safe: number | Tensor;
  if (typeof hi === 'number' && typeof lo === 'number') safe = hi - lo || 1;
  else {
    const range = sub(hi, lo);
    safe = add(range, eq(range, 0));
  }
  return div(sub(xf, lo), safe);
}
