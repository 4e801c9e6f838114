// A Parameter is a tensor that a Module owns and an optimizer updates: it requires grad and its
// storage is pinned (long-lived, never evicted by the wasm backend's cache; docs/design.md §3).

import { keepAlive } from '../tensor/alloc-scope.js';
import { Tensor } from '../tensor/tensor.js';
import { checkBool, checkGradDType } from '../core/check.js';
import { notTensor } from '../tensor/expect.js';

/**
 * A tensor that a Module owns and an optimizer updates: requires grad by default, storage
 * pinned (concepts §3). Matches `torch.nn.Parameter`.
 */
export class Parameter extends Tensor {
  constructor(data: Tensor, requiresGrad = true) {
    if (!(data instanceof Tensor)) throw notTensor('Parameter', 'data', data);
    checkBool('Parameter', 'requiresGrad', requiresGrad);
    if (requiresGrad) checkGradDType('Parameter', data.dtype);
    data.assertAlive('Parameter');
    super(data.storage, data.shape, data.backend, data.dtype);
    this.requiresGrad = requiresGrad;
    keepAlive(this);
  }
}

/** True when `x` is a Parameter (concepts §3). */
export function isParameter(x: unknown): x is Parameter {
  return x instanceof Parameter;
}
