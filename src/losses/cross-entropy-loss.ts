// Module form of the fused softmax cross-entropy (concepts §3, §4).

import type { Tensor } from '../tensor/tensor.js';
import { checkReduction, crossEntropy, type Reduction } from '../ops/cross-entropy.js';
import { checkOptions } from '../core/check.js';
import { tensorHint } from '../tensor/expect.js';
import { forwardInput, Module } from '../nn/module.js';

/**
 * Softmax cross-entropy on logits (concepts §3, §4).
 * Formula: ℓᵢ = −log softmax(xᵢ)_{yᵢ}, mean over the batch.
 * Gradient: (p − y)/N (fused). Shape: x [N, C], target int32 [N] or probabilities [N, C].
 * Matches `torch.nn.CrossEntropyLoss`.
 */
export class CrossEntropyLoss extends Module {
  constructor(readonly opts: { reduction?: Reduction } = {}) {
    super();
    checkReduction('CrossEntropyLoss', checkOptions('CrossEntropyLoss', opts, ['reduction']).reduction ?? 'mean');
  }
  forward(input: Tensor, target: Tensor): Tensor {
    const hint = Array.isArray(target) && target.every(Number.isInteger) ? tensorHint(target, ", { dtype: 'int32' }") : undefined;
    return crossEntropy(forwardInput(this, input), forwardInput(this, target, 'target', hint), this.opts);
  }
}
