// Negative log-likelihood on log-probabilities (concepts §4).

import type { Tensor } from '../tensor/tensor.js';
import { expectTensor, tensorHint } from '../tensor/expect.js';
import { forwardInput, Module } from '../nn/module.js';
import { lossOptions, type Reduction } from './reduction.js';
import { checkClassOptions, classIndexLoss, classLayout, classTargets, classWeight } from './class-target.js';

export interface NLLLossOptions {
  /** Rescales each class's loss: w [C] (default all 1). */
  weight?: Tensor;
  /** Targets equal to it add nothing and are not counted by the mean (default −100). */
  ignoreIndex?: number;
  reduction?: Reduction;
}

function nllOptions(op: string, opts: NLLLossOptions | undefined) {
  const o = lossOptions(op, opts, ['weight', 'ignoreIndex']);
  checkClassOptions(op, o);
  return { weight: o.weight, ignoreIndex: o.ignoreIndex ?? -100, reduction: o.reduction };
}

/**
 * Negative log-likelihood of class indices under log-probabilities `input` (concepts §4).
 * Formula: ℓᵢ = −w_{yᵢ}·x[i, yᵢ] (0 where yᵢ = ignoreIndex); 'mean' = Σ ℓᵢ / Σ w_{yᵢ} over the
 * targets not ignored, 'sum' = Σ ℓᵢ, 'none' = ℓ.
 * Gradient: dx[i, c] = −w_{yᵢ}·[c = yᵢ]·dy (÷ Σ w_{yᵢ} for 'mean').
 * Shape: input [N, C, d1, …] or [C], target int32 [N, d1, …] or [] → [] or [N, d1, …] ('none').
 * Matches `torch.nn.functional.nll_loss` (weight gets no gradient). Pair it with logSoftmax;
 * crossEntropy does both.
 * @example
 * const logp = logSoftmax(tensor([[1, 2, 3], [1, 1, 1]]), 1);
 * nllLoss(logp, tensor([2, 0], { dtype: 'int32' })).item() // 0.7531
 */
export function nllLoss(input: Tensor, target: Tensor, opts: NLLLossOptions = {}): Tensor {
  expectTensor('nllLoss', 'input', input);
  expectTensor('nllLoss', 'target', target, tensorHint(target, ", { dtype: 'int32' }"));
  const o = nllOptions('nllLoss', opts);
  const layout = classLayout('nllLoss', input, 'log-probabilities');
  const labels = classTargets('nllLoss', input, target, layout, o.ignoreIndex);
  const weight = classWeight('nllLoss', o.weight, layout.c);
  return classIndexLoss(input, labels, layout, { ...o, weight, labelSmoothing: 0 });
}

/** Module form of nllLoss (concepts §4). Matches `torch.nn.NLLLoss`. */
export class NLLLoss extends Module {
  constructor(readonly opts: NLLLossOptions = {}) {
    super();
    nllOptions('NLLLoss', opts);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return nllLoss(forwardInput(this, input), forwardInput(this, target, 'target', tensorHint(target, ", { dtype: 'int32' }")), this.opts);
  }
}
