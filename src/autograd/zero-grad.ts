// Clearing a gradient: the one rule Module.zeroGrad and Optimizer.zeroGrad share.

import type { Tensor } from '../tensor/tensor.js';
import { badArg, checkBool, checkOptions } from '../core/check.js';

/**
 * Zeroes t.grad, keeping the buffer for the next backward (PyTorch's zero_grad(set_to_none=False));
 * drops it instead with `setToNone`, or when it is part of a graph (createGraph) or already
 * released. The zero-fill is deferred (Tensor.deferGradZero): reading `t.grad` fills it, and a
 * backward that follows writes its first gradient over the buffer instead of adding to zeros.
 */
export function zeroGradOf(t: Tensor, setToNone: boolean): void {
  const g = t.peekGrad().buf;
  if (!g) return;
  if (setToNone || g.requiresGrad || g.isDisposed) t.grad = null;
  else t.deferGradZero();
}

/** The setToNone flag of a zeroGrad options object (modules and optimizers). */
export function zeroGradOptions(op: string, opts: unknown): boolean {
  if (typeof opts === 'boolean') throw badArg(op, 'options must be an object', opts, `write zeroGrad({ setToNone: ${opts} })`);
  const o = checkOptions(op, opts as { setToNone?: boolean }, ['setToNone']);
  return o.setToNone === undefined ? false : checkBool(op, 'setToNone', o.setToNone);
}
