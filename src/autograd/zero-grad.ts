// Clearing a gradient: the one rule Module.zeroGrad and Optimizer.zeroGrad share.

import type { Tensor } from '../tensor/tensor.js';

/**
 * Zero-fills t.grad in place, keeping the buffer for the next backward (PyTorch's
 * zero_grad(set_to_none=False)); drops it instead with `setToNone`, or when it is part of a
 * graph (createGraph) or already released.
 */
export function zeroGradOf(t: Tensor, setToNone: boolean): void {
  const g = t.grad;
  if (!g) return;
  if (setToNone || g.requiresGrad || g.isDisposed) t.grad = null;
  else g.backend.fill(g.storage, 0);
}
