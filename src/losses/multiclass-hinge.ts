// The notes' multiclass SVM (hinge) loss (concepts §4): PyTorch's MultiMarginLoss without its ÷ C.

import { checkNumber } from '../core/check.js';
import type { Tensor } from '../tensor/tensor.js';
import { tensorHint } from '../tensor/expect.js';
import { forwardInput, Module } from '../nn/module.js';
import { applyReduction, lossOptions, type Reduction } from './reduction.js';
import { marginSums } from './multi-margin.js';

export interface MulticlassHingeLossOptions {
  /** Δ, the margin the correct score must win by (default 1). */
  margin?: number;
  reduction?: Reduction;
}

function hingeOptions(op: string, opts: MulticlassHingeLossOptions | undefined) {
  const o = lossOptions(op, opts, ['margin']);
  return { p: 1 as const, margin: o.margin === undefined ? 1 : checkNumber(op, 'margin', o.margin), reduction: o.reduction };
}

/**
 * Multiclass SVM (hinge) loss on scores, as the notes define it (concepts §4).
 * Formula: Lᵢ = Σ_{j ≠ yᵢ} max(0, s_j − s_{yᵢ} + Δ); reduced by mean over N (default; the
 * data loss (1/N) Σ Lᵢ), sum or none. Zero once the correct score beats every other by Δ.
 * Gradient: ds_j = [s_j − s_{yᵢ} + Δ > 0] for j ≠ yᵢ, ds_{yᵢ} = −(number of such j), times dy.
 * Shape: input [N, C] or [C], target int32 [N] or [] → [] or [N] ('none').
 * Differs from `torch.nn.MultiMarginLoss` only by its factor 1/C: this loss equals
 * C · multi_margin_loss(s, y, margin=Δ) (p = 1, no weight).
 * @example
 * const s = tensor([[3.2, 5.1, -1.7]]); // the notes' cat scores, y = 0
 * multiclassHingeLoss(s, tensor([0], { dtype: 'int32' })).item() // 2.9
 */
export function multiclassHingeLoss(input: Tensor, target: Tensor, opts: MulticlassHingeLossOptions = {}): Tensor {
  const o = hingeOptions('multiclassHingeLoss', opts);
  return applyReduction(marginSums('multiclassHingeLoss', input, target, o, false), o.reduction);
}

/** Module form of multiclassHingeLoss (concepts §4); C × `torch.nn.MultiMarginLoss`. */
export class MulticlassHingeLoss extends Module {
  constructor(readonly opts: MulticlassHingeLossOptions = {}) {
    super();
    hingeOptions('MulticlassHingeLoss', opts);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return multiclassHingeLoss(forwardInput(this, input), forwardInput(this, target, 'target', tensorHint(target, ", { dtype: 'int32' }")), this.opts);
  }
}
