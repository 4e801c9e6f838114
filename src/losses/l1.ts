// Mean absolute error (concepts §4).

import type { Tensor } from '../tensor/tensor.js';
import { sub } from '../ops/sub.js';
import { abs } from '../ops/abs.js';
import { applyReduction, expectSameShape, lossOptions, type Reduction } from './reduction.js';
import { forwardInput, Module } from '../nn/module.js';

/**
 * Absolute error. Formula: ℓ = |x − y|, reduced by mean (default), sum or none (concepts §4).
 * Gradient: dx = sign(x − y)·dy (0 where x = y; ÷ the element count for 'mean').
 * Shape: input and target of the same shape.
 * Matches `torch.nn.functional.l1_loss` (which broadcasts unequal shapes with a warning; nabla
 * refuses them).
 * @example
 * l1Loss(tensor([1, 2, 3]), tensor([0, 0, 1])).item() // 1.6667
 */
export function l1Loss(input: Tensor, target: Tensor, opts: { reduction?: Reduction } = {}): Tensor {
  const { reduction } = lossOptions('l1Loss', opts, []);
  expectSameShape('l1Loss', input, target);
  return applyReduction(abs(sub(input, target)), reduction);
}

/** Module form of l1Loss (concepts §4). Matches `torch.nn.L1Loss`. */
export class L1Loss extends Module {
  constructor(readonly opts: { reduction?: Reduction } = {}) {
    super();
    lossOptions('L1Loss', opts, []);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return l1Loss(forwardInput(this, input), forwardInput(this, target, 'target'), this.opts);
  }
}
