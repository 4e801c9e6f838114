// Mean squared error (concepts §4).

import type { Tensor } from '../tensor/tensor.js';
import { sub } from '../ops/sub.js';
import { mul } from '../ops/mul.js';
import { applyReduction, expectSameShape, lossOptions, type Reduction } from './reduction.js';
import { forwardInput, Module } from '../nn/module.js';

/**
 * Squared error. Formula: ℓ = (x − y)², reduced by mean (default), sum (the notes'
 * sum-of-squares loss) or none (concepts §4).
 * Gradient: dx = 2(x − y)·dy (/N for mean). Shape: input and target of the same shape.
 * Matches `torch.nn.functional.mse_loss` (which broadcasts unequal shapes with a warning; nabla
 * refuses them).
 */
export function mseLoss(input: Tensor, target: Tensor, opts: { reduction?: Reduction } = {}): Tensor {
  const { reduction } = lossOptions('mseLoss', opts, []);
  expectSameShape('mseLoss', input, target);
  const d = sub(input, target);
  return applyReduction(mul(d, d), reduction);
}

/** Module form of mseLoss (concepts §4). Matches `torch.nn.MSELoss`. */
export class MSELoss extends Module {
  constructor(readonly opts: { reduction?: Reduction } = {}) {
    super();
    lossOptions('MSELoss', opts, []);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return mseLoss(forwardInput(this, input), forwardInput(this, target, 'target'), this.opts);
  }
}
